import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("Reminders: cadence, calling hours, outcomes")
struct ReminderSchedulerTests {
    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }
    static func instant(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }
    static func invitee(_ id: String, zone: String, languages: [String] = ["English"], phone: String? = "+13035550101")
        -> Invitee
    {
        Invitee(
            memberID: MemberID(id), firstName: "Ada", name: "Ada Example", phoneRaw: phone, phoneE164: phone,
            timeZone: zone, languages: languages, doNotCall: false, doNotText: false, isUnaffiliated: true)
    }

    /// An event in Denver on Saturday 2014-06-14 at 10:00 MDT, scheduled on Sunday 2014-06-01 at
    /// 09:00 New York time (13:00 UTC) by a volunteer in New York.
    @Test("a Denver event scheduled from New York: every window is in the member's own hours")
    func denverFromNewYork() throws {
        let event = OutreachEvent(
            metro: "Denver", cities: ["Denver"], date: try Self.date("2014-06-14"),
            start: LocalTime(hour: 10, minute: 0), timeZone: "America/Denver", latitude: 39.74, longitude: -104.99)
        let volunteer = Volunteer(name: "Rosa", timeZone: "America/New_York")
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, [Self.invitee("7", zone: "America/Denver")])], volunteers: [volunteer], existing: [:],
            now: try Self.instant("2014-06-01T13:00:00Z"))
        let byKind = Dictionary(uniqueKeysWithValues: result.tasks.map { ($0.kind, $0) })
        // Invite: Sunday weekend hours 12:00–18:00 MDT (UTC−6) → 18:00Z–24:00Z.
        #expect(
            LocalClock.iso(try #require(byKind[.inviteCall]).windowStart, zone: "America/Denver")
                == "2014-06-01T12:00:00-06:00")
        // Follow-up: the next day (Monday) in weekday hours, 10:00 MDT.
        #expect(
            LocalClock.iso(try #require(byKind[.followUpCall]).windowStart, zone: "America/Denver")
                == "2014-06-02T10:00:00-06:00")
        // Reminder call: 3 days before, Wednesday 2014-06-11, 10:00–20:00 MDT.
        let reminder = try #require(byKind[.reminderCall])
        #expect(LocalClock.iso(reminder.windowStart, zone: "America/Denver") == "2014-06-11T10:00:00-06:00")
        #expect(LocalClock.iso(reminder.windowEnd, zone: "America/Denver") == "2014-06-11T20:00:00-06:00")
        // ... which is 12:00–22:00 on the volunteer's New York clock.
        #expect(LocalClock.clock(reminder.windowStart, zone: "America/New_York") == "12:00")
        // Text: the morning of the event at 09:00, before the 10:00 start.
        let text = try #require(byKind[.reminderText])
        #expect(LocalClock.iso(text.windowStart, zone: "America/Denver") == "2014-06-14T09:00:00-06:00")
        #expect(text.windowEnd == (try Self.instant("2014-06-14T16:00:00Z")))
        #expect(result.tasks.allSatisfy { $0.volunteer == "Rosa" && $0.status == .pending })
    }

    /// Europe/Oslo springs forward on Sunday 2015-03-29 at 02:00. A reminder call for an event on
    /// Wednesday 2015-04-01 falls on that Sunday: weekend hours 12:00–18:00 are CEST (UTC+2) that day.
    @Test(
        "a reminder on a DST switch day uses that day's offset",
        arguments: [
            ("Europe/Oslo", "2015-04-01", "2015-03-29T12:00:00+02:00"),
            ("America/Denver", "2015-03-11", "2015-03-08T12:00:00-06:00"),
            ("Australia/Sydney", "2015-04-08", "2015-04-05T12:00:00+10:00"),
            ("America/Phoenix", "2015-03-11", "2015-03-08T12:00:00-07:00"),
        ])
    func dstSwitch(zone: String, eventDate: String, expected: String) throws {
        let event = OutreachEvent(
            metro: "X", cities: ["X"], date: try Self.date(eventDate), start: LocalTime(hour: 18, minute: 0),
            timeZone: zone, latitude: 0, longitude: 0)
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, [Self.invitee("1", zone: zone)])], volunteers: [], existing: [:],
            now: try Self.instant("2015-01-10T00:00:00Z"))
        let reminder = try #require(result.tasks.first { $0.kind == .reminderCall })
        #expect(LocalClock.iso(reminder.windowStart, zone: zone) == expected)
    }

    @Test("a task that cannot fit before the event is reported as unschedulable, not dropped")
    func tooLate() throws {
        let event = OutreachEvent(
            metro: "Boston", cities: ["Boston"], date: try Self.date("2014-06-07"),
            start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.36, longitude: -71.06)
        // Scheduled on the Friday evening before: no reminder call 3 days before, no follow-up before 10:00 Saturday.
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, [Self.invitee("1", zone: "America/New_York")])], volunteers: [], existing: [:],
            now: try Self.instant("2014-06-06T23:30:00Z"))
        #expect(result.tasks.count == 4)
        #expect(result.tasks.first { $0.kind == .followUpCall }?.status == .unschedulable)
        #expect(result.tasks.first { $0.kind == .reminderText }?.status == .pending)
    }

    @Test("assignment prefers a shared language, balances load, and keeps a member with one volunteer")
    func assignment() throws {
        let event = OutreachEvent(
            metro: "Oslo", cities: ["Oslo"], date: try Self.date("2014-06-14"), start: LocalTime(hour: 12, minute: 0),
            timeZone: "Europe/Oslo", latitude: 59.9, longitude: 10.7)
        let volunteers = [
            Volunteer(name: "Anne", timeZone: "Europe/Oslo", languages: ["Norwegian"]),
            Volunteer(name: "Bob", timeZone: "Europe/Oslo", languages: ["English"]),
        ]
        let invitees = [
            Self.invitee("1", zone: "Europe/Oslo", languages: ["Norsk"]), Self.invitee("2", zone: "Europe/Oslo"),
            Self.invitee("3", zone: "Europe/Oslo", languages: ["Norwegian", "English"]),
        ]
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, invitees)], volunteers: volunteers, existing: [:],
            now: try Self.instant("2014-06-01T08:00:00Z"))
        let volunteerOf = Dictionary(
            result.tasks.map { ($0.memberId.rawValue, $0.volunteer) },
            uniquingKeysWith: { a, b in a == b ? a : "MIXED" })
        #expect(volunteerOf == ["1": "Anne", "2": "Bob", "3": "Anne"])
    }

    @Test("a volunteer's daily maximum of calls is respected while anyone has room, and reported when nobody has")
    func dailyMaximum() throws {
        let event = OutreachEvent(
            metro: "Oslo", cities: ["Oslo"], date: try Self.date("2014-06-14"), start: LocalTime(hour: 12, minute: 0),
            timeZone: "Europe/Oslo", latitude: 59.9, longitude: 10.7)
        let volunteers = [
            Volunteer(name: "Anne", timeZone: "Europe/Oslo", maxCallsPerDay: 2),
            Volunteer(name: "Bob", timeZone: "Europe/Oslo", maxCallsPerDay: 2),
        ]
        let invitees = (1...5).map { Self.invitee("\($0)", zone: "Europe/Oslo") }
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, invitees)], volunteers: volunteers, existing: [:],
            now: try Self.instant("2014-06-02T08:00:00Z"))
        // Every member has three calls on three different days; two volunteers × 2 calls a day hold four members.
        let invites = result.tasks.filter { $0.kind == .inviteCall }
        let perVolunteer = Dictionary(grouping: invites, by: \.volunteer).mapValues(\.count)
        #expect(perVolunteer["Anne", default: 0] + perVolunteer["Bob", default: 0] == 5)
        #expect(result.overloadedDays.count == 3)  // the fifth member's three call days
        #expect(result.overloadedDays.allSatisfy { $0.hasPrefix("Anne on ") })
    }

    @Test(
        "outcomes: retries, rsvp-no cancels, do-not-contact removes the member from future lists; re-scheduling keeps outcomes"
    )
    func outcomes() throws {
        // Given a store with one Boston member and a scheduled event
        let store = try TourDatabase.makeInMemory()
        try store.writer.write { db in
            try db.execute(
                sql:
                    "INSERT INTO imports (fileName, sha256, byteCount, format, importedAt, added, updated, unchanged, skipped, warnings, errors) VALUES ('t', 'x', 0, 'csv', 0, 0, 0, 0, 0, 0, 0)"
            )
            for id in ["1", "2"] {
                try db.execute(
                    sql:
                        "INSERT INTO members (id, firstName, city, placeKey, phoneRaw, phoneE164) VALUES (?, 'Ada', 'Boston', 'Boston', '(617) 555-0101', '+16175550101')",
                    arguments: [id])
            }
            try db.execute(
                sql:
                    "INSERT INTO places (key, geonameId, name, countryCode, latitude, longitude, timeZone, confidence) VALUES ('Boston', 4930956, 'Boston', 'US', 42.358, -71.06, 'America/New_York', 1)"
            )
        }
        let event = OutreachEvent(
            metro: "Boston", cities: ["Boston"], date: try Self.date("2014-06-14"),
            start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.3601, longitude: -71.0589)
        try store.saveEvents([event])
        let rules = ReminderRules()
        let now = try Self.instant("2014-06-02T15:00:00Z")
        func reschedule() throws {
            let existing = Dictionary(try store.tasks().map { ($0.taskId, $0) }, uniquingKeysWith: { a, _ in a })
            let result = ReminderScheduler(rules: rules).schedule(
                events: [(event, try store.invitees(near: event))], volunteers: [], existing: existing, now: now)
            try store.saveTasks(result.tasks)
        }
        try reschedule()
        #expect(try store.tasks().count == 8)
        // When member 1 does not answer, the invite is retried in a later window
        let invite1 = ReminderTask.id(event: event.id, member: MemberID("1"), kind: .inviteCall)
        let before = try #require(try store.task(id: invite1))
        let retried = try store.logOutcome(
            taskID: invite1, outcome: .noAnswer, note: nil, volunteer: "Rosa", now: before.windowStart, rules: rules)
        #expect(
            retried.first?.status == .pending && (retried.first?.windowStart ?? before.windowStart) > before.windowStart
        )
        // When member 1 says no, the remaining reminders are cancelled
        _ = try store.logOutcome(
            taskID: invite1, outcome: .rsvpNo, note: "busy", volunteer: "Rosa", now: now, rules: rules)
        let memberOne = try store.tasks().filter { $0.memberId == MemberID("1") }
        #expect(memberOne.filter { $0.kind != .inviteCall }.allSatisfy { $0.status == .cancelled })
        // When member 2 asks not to be contacted, they are opted out and leave every future list
        let invite2 = ReminderTask.id(event: event.id, member: MemberID("2"), kind: .inviteCall)
        _ = try store.logOutcome(
            taskID: invite2, outcome: .doNotContact, note: nil, volunteer: nil, now: now, rules: rules)
        #expect(try store.fetchMembers().first { $0.id == MemberID("2") }?.doNotCall == true)
        // Then re-scheduling neither duplicates tasks nor loses outcomes
        try reschedule()
        let tasks = try store.tasks()
        #expect(tasks.count == 8)  // same ids: updated in place, never duplicated
        #expect(tasks.filter { $0.memberId == MemberID("2") }.allSatisfy { $0.status != .pending })
        #expect(tasks.first { $0.taskId == invite1 }?.status == .done)
        #expect(try store.outcomes(memberID: MemberID("1")).map(\.outcome) == ["no-answer", "rsvp-no"])
    }

    @Test(
        "CSV cells that a spreadsheet would evaluate are neutralized",
        arguments: [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1 617 555 0142", "'+1 617 555 0142"), ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTab", "'\tTab"), ("Ada", "Ada"), ("a\rb", "a\rb"),
        ])
    func spreadsheetSafety(cell: String, safe: String) {
        #expect(SpreadsheetSafety.neutralize(cell) == safe)
    }
}
