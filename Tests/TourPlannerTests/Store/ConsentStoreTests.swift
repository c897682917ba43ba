import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("Consent: changes, log, and every list honours it")
struct ConsentStoreTests {
    /// A store with members 1 and 2 in Boston (resolved), both with a phone, and one event.
    func makeStore() throws -> (TourDatabase, OutreachEvent) {
        let store = try TourDatabase.makeInMemory()
        try store.writer.write { db in
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
            metro: "Boston", cities: ["Boston"], date: try #require(CalendarDate(iso: "2014-06-14")),
            start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.3601, longitude: -71.0589)
        try store.saveEvents([event])
        return (store, event)
    }

    @Test("invitees of a deceased or do-not-contact member get no call and no text")
    func invitees() throws {
        let (store, event) = try makeStore()
        try store.writer.write { try $0.execute(sql: "UPDATE members SET deceased = 1 WHERE id = '1'") }
        try store.writer.write { try $0.execute(sql: "UPDATE members SET doNotContact = 1 WHERE id = '2'") }
        let invitees = try store.invitees(near: event)
        #expect(invitees.count == 2)
        #expect(invitees.allSatisfy { $0.doNotCall && $0.doNotText })
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, invitees)], volunteers: [], existing: [:],
            now: Date(timeIntervalSince1970: 1_401_721_200))
        #expect(result.tasks.isEmpty)
    }

    @Test(
        "an organizer lifts a flag with a reason: logged with who, when and why; pending texts of an opt-out are cancelled"
    )
    func organizerChange() throws {
        let (store, event) = try makeStore()
        let now = Date(timeIntervalSince1970: 1_401_721_200)
        let scheduled = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, try store.invitees(near: event))], volunteers: [], existing: [:], now: now)
        try store.saveTasks(scheduled.tasks)
        let texts = try store.tasks().filter { $0.memberId == MemberID("1") && $0.kind == .reminderText }
        // The text is held until the member says yes (an open task, not yet sent).
        #expect(texts.count == 1 && texts.allSatisfy { $0.status == .waitingForYes })
        // When member 1 replies STOP
        let stop = try store.changeConsent(
            of: MemberID("1"), set: [.doNotText], clear: [], source: .stopReply, actor: nil, reason: nil, now: now)
        #expect(stop.consent == ContactConsent(doNotText: true))
        // Then the pending text is cancelled and the calls are not
        let after = try store.tasks().filter { $0.memberId == MemberID("1") }
        #expect(after.filter { $0.kind == .reminderText }.allSatisfy { $0.status == .cancelled })
        #expect(after.filter { $0.kind != .reminderText }.allSatisfy { $0.status.isOpen })
        // A non-organizer cannot lift it
        #expect(throws: StoreError.self) {
            try store.changeConsent(
                of: MemberID("1"), set: [], clear: [.doNotText], source: .callOutcome, actor: "Rosa", reason: nil,
                now: now)
        }
        // An organizer can, and it is logged
        let later = now.addingTimeInterval(3600)
        let lifted = try store.changeConsent(
            of: MemberID("1"), set: [], clear: [.doNotText], source: .organizer, actor: "Maria",
            reason: "texted back START", now: later)
        #expect(lifted.consent == ContactConsent())
        let log = try store.consentLog(of: MemberID("1"))
        #expect(log.map(\.change) == [.set, .cleared])
        #expect(log.map(\.source) == [.stopReply, .organizer])
        #expect(log[1].actor == "Maria" && log[1].reason == "texted back START" && log[1].recordedAt == later)
        // Lifting again changes nothing and logs nothing
        let again = try store.changeConsent(
            of: MemberID("1"), set: [], clear: [.doNotText], source: .organizer, actor: "Maria", reason: "x", now: later
        )
        #expect(again.logged.isEmpty)
        #expect(throws: StoreError.self) {
            try store.changeConsent(
                of: MemberID("99"), set: [.deceased], clear: [], source: .organizer, actor: nil, reason: nil, now: now)
        }
    }

    @Test("a re-import that adds an opt-out cancels the member's pending calls")
    func importCancelsTasks() async throws {
        let (store, event) = try makeStore()
        let now = Date(timeIntervalSince1970: 1_401_721_200)
        let scheduled = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, try store.invitees(near: event))], volunteers: [], existing: [:], now: now)
        try store.saveTasks(scheduled.tasks)
        let folder = try TemporaryFolder()
        _ = try await makeImporter().importFile(
            path: try folder.write("m.csv", "id,city,first_name,phone,do_not_call\n2,Boston,Ada,(617) 555-0101,yes\n"),
            displayName: "m.csv", into: store, now: now)
        let two = try store.tasks().filter { $0.memberId == MemberID("2") }
        #expect(two.filter(\.kind.isCall).allSatisfy { $0.status == .cancelled })
        #expect(two.filter { !$0.kind.isCall }.allSatisfy { $0.status == .waitingForYes })
        #expect(try store.tasks().filter { $0.memberId == MemberID("1") }.allSatisfy { $0.status.isOpen })
    }

    @Test("a volunteer's do-not-contact outcome lands in the consent log")
    func volunteerOptOut() throws {
        let (store, event) = try makeStore()
        let now = Date(timeIntervalSince1970: 1_401_721_200)
        let scheduled = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, try store.invitees(near: event))], volunteers: [], existing: [:], now: now)
        try store.saveTasks(scheduled.tasks)
        let task = try #require(try store.tasks().first { $0.memberId == MemberID("2") && $0.kind == .followUpCall })
        _ = try store.logOutcome(
            taskID: task.taskId, outcome: .doNotContact, note: "asked", volunteer: "Rosa", now: now,
            rules: ReminderRules())
        let log = try store.consentLog(of: MemberID("2"))
        #expect(log.map(\.flag) == [.doNotCall, .doNotText, .doNotContact])
        #expect(log.allSatisfy { $0.source == .callOutcome && $0.actor == "Rosa" && $0.detail == task.taskId })
    }
}
