import Foundation
import GRDB
import Testing

@testable import TourPlanner
@testable import TourPlannerStore

/// Each kind of damaged row, written with raw SQL, raises a `StoreDecodingError` naming the table,
/// the row and the column; nothing is skipped or replaced by a default.
@Suite("Rows that do not read back are named, never dropped or defaulted")
struct StoreDecodingTests {
    /// The Boston store of `ReminderStoreFixture`, with its tasks scheduled on Monday 2014-06-02.
    static func scheduled() throws -> ReminderStoreFixture {
        let fixture = try ReminderStoreFixture()
        _ = try fixture.reschedule(now: try ReminderSchedulerTests.instant("2014-06-02T15:00:00Z"))
        return fixture
    }

    static func error(_ body: () throws -> Void) -> StoreDecodingError? {
        do {
            try body()
            return nil
        } catch {
            return error as? StoreDecodingError
        }
    }

    static func corrupt(_ store: TourDatabase, _ sql: String) throws {
        try store.writer.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
    }

    @Test("an unknown task kind is not a follow-up call", arguments: [true, false])
    func unknownKind(oneTask: Bool) throws {
        let fixture = try Self.scheduled()
        let id = fixture.id("1", .followUpCall)
        try Self.corrupt(fixture.store, "UPDATE tasks SET kind = 'inviteCall' WHERE id = '\(id)'")
        let error = try #require(
            Self.error { _ = oneTask ? try fixture.store.task(id: id) : try fixture.store.tasks().first })
        #expect(error.table == "tasks")
        #expect(error.rowID == id)
        #expect(error.column == "kind")
        #expect(error.value == "inviteCall")
        #expect(
            error.description == """
                tasks row "\(id)": kind "inviteCall" is not a task kind (followUpCall, reminderCall, reminderText)
                  hint: \(StoreDecodingError.damagedStoreHint)
                """)
    }

    @Test("an unknown task status is not pending")
    func unknownStatus() throws {
        let fixture = try Self.scheduled()
        let id = fixture.id("2", .followUpCall)
        try Self.corrupt(fixture.store, "UPDATE tasks SET status = 'snoozed' WHERE id = '\(id)'")
        let error = try #require(Self.error { _ = try fixture.store.tasks() })
        #expect([error.table, error.rowID, error.column, error.value] == ["tasks", id, "status", "snoozed"])
        #expect(error.problem.hasPrefix("is not a task status (pending, done, cancelled, failed, unschedulable"))
    }

    @Test("a task's window that is not a date is not 1970-01-01")
    func badDate() throws {
        let fixture = try Self.scheduled()
        let id = fixture.id("1", .followUpCall)
        try Self.corrupt(fixture.store, "UPDATE tasks SET windowStart = 'next Tuesday' WHERE id = '\(id)'")
        let error = try #require(Self.error { _ = try fixture.store.tasks() })
        #expect([error.table, error.rowID, error.column, error.value] == ["tasks", id, "windowStart", "next Tuesday"])
        #expect(error.problem == "does not read as a date and time")
    }

    @Test("logging an outcome on a task whose stored outcomes are damaged names the outcome row")
    func unknownOutcome() throws {
        let fixture = try Self.scheduled()
        let id = fixture.id("1", .followUpCall)
        let now = try ReminderSchedulerTests.instant("2014-06-02T16:00:00Z")
        _ = try fixture.store.logOutcome(
            taskID: id, outcome: .noAnswer, note: nil, volunteer: nil, now: now, rules: fixture.rules)
        try Self.corrupt(fixture.store, "UPDATE outcomes SET outcome = 'busy'")
        let error = try #require(
            Self.error {
                _ = try fixture.store.logOutcome(
                    taskID: id, outcome: .reached, note: nil, volunteer: nil, now: now, rules: fixture.rules)
            })
        #expect([error.table, error.rowID, error.column, error.value] == ["outcomes", "1", "outcome", "busy"])
        #expect(Self.error { _ = try fixture.store.outcomes(memberID: MemberID("1")) }?.column == "outcome")
        // Nothing was recorded by the refused log.
        let count = try fixture.store.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outcomes") }
        #expect(count == 1)
    }

    @Test("an outcome's time that is not a date is named")
    func badOutcomeDate() throws {
        let fixture = try Self.scheduled()
        let id = fixture.id("1", .followUpCall)
        _ = try fixture.store.logOutcome(
            taskID: id, outcome: .rsvpYes, note: nil, volunteer: nil,
            now: try ReminderSchedulerTests.instant("2014-06-02T16:00:00Z"), rules: fixture.rules)
        try Self.corrupt(fixture.store, "UPDATE outcomes SET recordedAt = 'soon'")
        let error = try #require(Self.error { _ = try fixture.store.outcomes(memberID: MemberID("1")) })
        #expect([error.table, error.rowID, error.column, error.value] == ["outcomes", "1", "recordedAt", "soon"])
    }

    @Test("an event with a date or start that does not read is named")
    func badEvent() throws {
        let fixture = try ReminderStoreFixture()
        try Self.corrupt(fixture.store, "UPDATE events SET start = '25:99'")
        let error = try #require(Self.error { _ = try fixture.store.events() })
        #expect(
            [error.table, error.rowID, error.column, error.value] == ["events", fixture.event.id, "start", "25:99"])
        try Self.corrupt(fixture.store, "UPDATE events SET date = '14 June'")
        #expect(Self.error { _ = try fixture.store.events() }?.column == "date")
    }

    @Test(
        "a consent-log entry with an unknown flag, change or source is named", arguments: ["flag", "change", "source"])
    func unknownConsent(column: String) throws {
        let fixture = try ReminderStoreFixture()
        let member = MemberID("1")
        _ = try fixture.store.changeConsent(
            of: member, set: [.doNotCall], clear: [], source: .organizer, actor: "Olga", reason: nil,
            now: try ReminderSchedulerTests.instant("2014-06-02T16:00:00Z"))
        try Self.corrupt(fixture.store, "UPDATE consentLog SET \(column) = 'maybe'")
        let error = try #require(Self.error { _ = try fixture.store.consentLog(of: member) })
        #expect([error.table, error.rowID, error.column, error.value] == ["consentLog", "1", column, "maybe"])
    }

    @Test("a volunteer's calling hours that do not read are named")
    func badCallingHours() throws {
        let fixture = try ReminderStoreFixture()
        try fixture.store.saveVolunteers([Volunteer(name: "Vera", timeZone: "America/New_York")])
        try Self.corrupt(fixture.store, "UPDATE volunteers SET callingHours = 'evenings'")
        let error = try #require(Self.error { _ = try fixture.store.volunteers() })
        #expect(
            [error.table, error.rowID, error.column, error.value] == ["volunteers", "Vera", "callingHours", "evenings"])
    }

    @Test("a training of an unknown kind is named")
    func unknownTrainingKind() throws {
        let store = try TourDatabase.makeInMemory()
        let recorded = try store.recordTraining(
            TrainingResult(
                id: 0, metro: "Boston", date: try ReminderSchedulerTests.date("2014-06-14"), kind: .inPerson,
                invited: 10, attended: 4, women: 2, chapterFounded: .pending, note: ""))
        try Self.corrupt(store, "UPDATE trainings SET kind = 'webinar'")
        let error = try #require(Self.error { _ = try store.trainings() })
        #expect(
            [error.table, error.rowID, error.column, error.value] == ["trainings", "\(recorded.id)", "kind", "webinar"])
    }

    @Test(
        "an expense with a bad date, rate, category or currency is named",
        arguments: [("rate", "fast"), ("category", "snacks"), ("currency", "XYZ"), ("date", "June 7")])
    func badExpense(column: String, value: String) throws {
        let store = try TourDatabase.makeInMemory()
        let expense = ActualExpense(
            tour: "east", date: try ReminderSchedulerTests.date("2014-06-07"), category: "fuel", trip: "",
            amount: Money(minorUnits: 3000, currency: CurrencyCode("USD")), budgetCurrency: nil, rate: nil,
            note: "", receipt: "", sourceFile: "a.csv", line: 2)
        _ = try store.recordActuals([expense])
        try Self.corrupt(store, "UPDATE actuals SET \(column) = '\(value)'")
        let error = try #require(Self.error { _ = try store.actuals() })
        #expect([error.table, error.rowID, error.column, error.value] == ["actuals", "1", column, value])
    }

    @Test("a resolved place without a time zone is not put in UTC")
    func placeWithoutZone() throws {
        let fixture = try ReminderStoreFixture()
        try fixture.store.writer.write { db in
            try db.execute(sql: "INSERT INTO placeStats VALUES ('Boston', 2, 2, 0, 0, 0, 0)")
            try db.execute(sql: "UPDATE places SET timeZone = NULL")
        }
        let error = try #require(Self.error { _ = try fixture.store.resolvedCities() })
        #expect([error.table, error.rowID, error.column, error.value] == ["places", "Boston", "timeZone", "NULL"])
        #expect(error.problem == "is missing (NULL)")
    }
}
