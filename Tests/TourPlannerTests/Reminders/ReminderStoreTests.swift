import Foundation
import GRDB
import Testing

@testable import TourPlanner

/// A store with Boston members "1" and "2" and one event on Saturday 2014-06-14 at 10:00 EDT.
struct ReminderStoreFixture {
    let store: TourDatabase
    let event: OutreachEvent
    let rules = ReminderRules()

    init(venue: String? = "Union Hall") throws {
        store = try TourDatabase.makeInMemory()
        try store.writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO imports (fileName, sha256, byteCount, format, importedAt, added, updated, unchanged, skipped, warnings, errors) VALUES ('t', 'x', 0, 'csv', 0, 0, 0, 0, 0, 0, 0)"
            )
            for id in ["1", "2"] {
                try db.execute(
                    sql:
                        "INSERT INTO members (id, firstName, city, placeKey, phoneRaw, phoneE164, countryCode) VALUES (?, 'Ada', 'Boston', 'Boston', '(617) 555-0101', '+16175550101', 'US')",
                    arguments: [id])
            }
            try db.execute(
                sql:
                    "INSERT INTO places (key, geonameId, name, countryCode, latitude, longitude, timeZone, confidence) VALUES ('Boston', 4930956, 'Boston', 'US', 42.358, -71.06, 'America/New_York', 1)"
            )
        }
        event = OutreachEvent(
            metro: "Boston", cities: ["Boston"], date: try ReminderSchedulerTests.date("2014-06-14"),
            start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.3601, longitude: -71.0589,
            venue: venue)
        try store.saveEvents([event])
    }

    func reschedule(now: Date) throws -> ReminderScheduler.Result {
        let existing = Dictionary(try store.tasks().map { ($0.taskId, $0) }, uniquingKeysWith: { a, _ in a })
        let events = try store.events()
        let result = ReminderScheduler(rules: rules).schedule(
            events: try events.map { ($0, try store.invitees(near: $0)) }, volunteers: try store.volunteers(),
            existing: existing, rsvps: try store.rsvps(), now: now)
        try store.saveTasks(result.tasks)
        return result
    }

    func id(_ member: String, _ kind: ReminderKind) -> String {
        ReminderTask.id(event: event.id, member: MemberID(member), kind: kind)
    }
}

@Suite("Reminders in the store: outcomes, idempotence, what people entered")
struct ReminderStoreTests {
    static let monday = "2014-06-02T15:00:00Z"  // 11:00 EDT

    /// Follow-up window Monday 06-02 11:00–20:00 EDT. No-answer at 12:00 → retry Tuesday 10:00;
    /// the same no-answer logged again at 12:05 is the same attempt; Tuesday 11:00 → attempt 2,
    /// retry Wednesday 10:00; Wednesday 11:00 → attempt 3 = max_attempts → failed.
    @Test("no-answer retries on later days; a repeated log of the same attempt is reported, not stored")
    func retriesAndIdempotence() throws {
        let fixture = try ReminderStoreFixture()
        let i = ReminderSchedulerTests.instant
        _ = try fixture.reschedule(now: try i(Self.monday))
        let call = fixture.id("1", .followUpCall)
        let first = try fixture.store.logOutcome(
            taskID: call, outcome: .noAnswer, note: nil, volunteer: nil, now: try i("2014-06-02T16:00:00Z"),
            rules: fixture.rules)
        #expect(!first.isDuplicate && first.attempt == 1)
        #expect(ReminderSchedulerTests.iso(first.tasks.first) == "2014-06-03T10:00:00-04:00")
        let again = try fixture.store.logOutcome(
            taskID: call, outcome: .noAnswer, note: nil, volunteer: nil, now: try i("2014-06-02T16:05:00Z"),
            rules: fixture.rules)
        #expect(again.isDuplicate && again.attempt == 1)
        let second = try fixture.store.logOutcome(
            taskID: call, outcome: .noAnswer, note: nil, volunteer: nil, now: try i("2014-06-03T15:00:00Z"),
            rules: fixture.rules)
        #expect(!second.isDuplicate && second.attempt == 2)
        #expect(ReminderSchedulerTests.iso(second.tasks.first) == "2014-06-04T10:00:00-04:00")
        let third = try fixture.store.logOutcome(
            taskID: call, outcome: .voicemail, note: nil, volunteer: nil, now: try i("2014-06-04T15:00:00Z"),
            rules: fixture.rules)
        #expect(third.attempt == 3 && third.tasks.first?.status == .failed)
        #expect(
            try fixture.store.outcomes(memberID: MemberID("1")).map(\.outcome) == [
                "no-answer", "no-answer", "voicemail",
            ])
        // A reached call logged twice is stored once.
        let reached = fixture.id("2", .followUpCall)
        for _ in 0..<2 {
            _ = try fixture.store.logOutcome(
                taskID: reached, outcome: .reached, note: "nice", volunteer: nil, now: try i(Self.monday),
                rules: fixture.rules)
        }
        #expect(try fixture.store.outcomes(memberID: MemberID("2")).count == 1)
    }

    @Test("rsvp-yes releases the text; rsvp-no cancels the rest; do-not-contact opts out; re-scheduling keeps it all")
    func answers() throws {
        let fixture = try ReminderStoreFixture()
        let now = try ReminderSchedulerTests.instant(Self.monday)
        _ = try fixture.reschedule(now: now)
        #expect(try fixture.store.task(id: fixture.id("1", .reminderText))?.status == .waitingForYes)
        _ = try fixture.store.logOutcome(
            taskID: fixture.id("1", .followUpCall), outcome: .rsvpYes, note: nil, volunteer: nil, now: now,
            rules: fixture.rules)
        #expect(try fixture.store.task(id: fixture.id("1", .reminderText))?.status == .pending)
        _ = try fixture.store.logOutcome(
            taskID: fixture.id("2", .followUpCall), outcome: .rsvpNo, note: "busy", volunteer: nil, now: now,
            rules: fixture.rules)
        #expect(try fixture.store.task(id: fixture.id("2", .reminderCall))?.status == .cancelled)
        _ = try fixture.reschedule(now: now)
        let tasks = try fixture.store.tasks()
        #expect(tasks.count == 6)
        #expect(tasks.first { $0.taskId == fixture.id("1", .reminderText) }?.status == .pending)
        #expect(tasks.first { $0.taskId == fixture.id("2", .reminderCall) }?.status == .cancelled)
        #expect(tasks.first { $0.taskId == fixture.id("2", .followUpCall) }?.status == .done)
        _ = try fixture.store.logOutcome(
            taskID: fixture.id("1", .reminderCall), outcome: .doNotContact, note: nil, volunteer: nil, now: now,
            rules: fixture.rules)
        #expect(try fixture.store.fetchMembers().first { $0.id == MemberID("1") }?.doNotCall == true)
        #expect(try fixture.store.task(id: fixture.id("1", .reminderText))?.status == .cancelled)
    }

    @Test("re-saving an event from a plan keeps the venue and organizer entered with `events add`")
    func keepsVenue() throws {
        let fixture = try ReminderStoreFixture()
        var entered = fixture.event
        entered.organizer = "Maria"
        try fixture.store.saveEvents([entered])
        var fromPlan = fixture.event
        fromPlan.venue = nil
        fromPlan.organizer = nil
        try fixture.store.saveEvents([fromPlan])
        let stored = try #require(try fixture.store.events().first)
        #expect(stored.venue == "Union Hall" && stored.organizer == "Maria")
        // A start entered by hand (18:30) survives a plan's default start (10:00).
        var evening = fixture.event
        evening.start = LocalTime(hour: 18, minute: 30)
        try fixture.store.saveEvents([evening])
        try fixture.store.saveEvents([fromPlan], keepingStoredStart: true)
        #expect(try fixture.store.events().first?.start == LocalTime(hour: 18, minute: 30))
    }

    @Test("re-scheduling after the event started leaves its pending tasks as they were")
    func pastKeepsPending() throws {
        let fixture = try ReminderStoreFixture()
        _ = try fixture.reschedule(now: try ReminderSchedulerTests.instant(Self.monday))
        let before = try fixture.store.tasks()
        let result = try fixture.reschedule(now: try ReminderSchedulerTests.instant("2026-12-01T12:00:00Z"))
        #expect(result.pastEvents.map(\.id) == [fixture.event.id] && result.tasks.isEmpty)
        #expect(try fixture.store.tasks() == before)
    }

    @Test("calls log --file: all or nothing, with every bad line named")
    func batch() throws {
        let fixture = try ReminderStoreFixture()
        let now = try ReminderSchedulerTests.instant(Self.monday)
        _ = try fixture.reschedule(now: now)
        let bad = """
            task,outcome,note
            \(fixture.id("1", .followUpCall)),rsvp-yes,coming
            2014-06-14-boston/9/followUpCall,reached,
            \(fixture.id("2", .followUpCall)),maybe,
            """
        #expect(throws: ReminderError.self) { try OutcomeFile.parse(bad, fileName: "sheet.csv") }
        do {
            _ = try OutcomeFile.parse(bad, fileName: "sheet.csv")
        } catch let error as ReminderError {
            #expect(
                error.problem
                    == "sheet.csv:4: outcome \"maybe\" is not one of reached, voicemail, no-answer, wrong-number, rsvp-yes, rsvp-no, do-not-contact"
            )
        }
        let unknown = try OutcomeFile.parse(
            "task,outcome,note\n\(fixture.id("1", .followUpCall)),rsvp-yes,\n2014-06-14-boston/9/followUpCall,reached,\n",
            fileName: "sheet.csv")
        #expect(throws: ReminderError.self) {
            try fixture.store.logOutcomes(unknown, fileName: "sheet.csv", now: now, rules: fixture.rules)
        }
        do {
            _ = try fixture.store.logOutcomes(unknown, fileName: "sheet.csv", now: now, rules: fixture.rules)
        } catch let error as ReminderError {
            #expect(error.problem == "sheet.csv:3: task \"2014-06-14-boston/9/followUpCall\" does not exist")
        }
        #expect(try fixture.store.outcomes(memberID: MemberID("1")).isEmpty)  // nothing recorded
        let good = try OutcomeFile.parse(
            "note,task,outcome\n\"called back, said yes\",\(fixture.id("1", .followUpCall)),rsvp-yes\n,\(fixture.id("1", .followUpCall)),rsvp-yes\n",
            fileName: "sheet.csv")
        let logged = try fixture.store.logOutcomes(good, fileName: "sheet.csv", now: now, rules: fixture.rules)
        #expect(logged.map(\.isDuplicate) == [false, true])
        #expect(try fixture.store.outcomes(memberID: MemberID("1")).map(\.note) == ["called back, said yes"])
    }
}
