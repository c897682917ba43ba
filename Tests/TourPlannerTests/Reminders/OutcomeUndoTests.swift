import Foundation
import GRDB
import Testing

@testable import TourPlanner

/// Undoing a task's latest outcome, on `ReminderStoreFixture` scheduled Monday 2014-06-02 11:00 EDT:
/// member 1's follow-up call has its window Monday 11:00–20:00 EDT, attempt 0, pending; the
/// reminder call is pending and the reminder text waits for a yes.
@Suite("Undoing an outcome: tasks back as before, opt-outs kept, refusals")
struct OutcomeUndoTests {
    static let monday = "2014-06-02T15:00:00Z"

    func scheduled() throws -> (ReminderStoreFixture, [ReminderTask]) {
        let fixture = try ReminderStoreFixture()
        _ = try fixture.reschedule(now: try ReminderSchedulerTests.instant(Self.monday))
        return (fixture, try fixture.store.tasks())
    }

    func log(
        _ fixture: ReminderStoreFixture, _ member: String, _ kind: ReminderKind, _ outcome: CallOutcome, at: String
    )
        throws
    {
        _ = try fixture.store.logOutcome(
            taskID: fixture.id(member, kind), outcome: outcome, note: nil, volunteer: "Rosa",
            now: try ReminderSchedulerTests.instant(at), rules: fixture.rules)
    }

    @Test("voicemail: the retry (Tuesday 10:00) is removed; the call is pending Monday 11:00 at attempt 0 again")
    func voicemail() throws {
        let (fixture, before) = try scheduled()
        try log(fixture, "1", .followUpCall, .voicemail, at: "2014-06-02T16:00:00Z")
        let call = fixture.id("1", .followUpCall)
        #expect(ReminderSchedulerTests.iso(try fixture.store.task(id: call)) == "2014-06-03T10:00:00-04:00")
        let report = try fixture.store.undoLatestOutcome(
            taskID: call, actor: "Rosa", now: try ReminderSchedulerTests.instant("2014-06-02T16:01:00Z"))
        #expect(report.outcome == .voicemail && report.attempt == 1 && !report.wasAlreadyUndone)
        #expect(report.status == .pending && report.taskAttempt == 0 && report.retryRemoved)
        #expect(
            report.summary
                == "Undid voicemail (attempt 1) on \(call). The task is pending again (attempt 0). "
                + "The retry it had scheduled is removed.")
        #expect(try fixture.store.tasks() == before)
        #expect(ReminderSchedulerTests.iso(try fixture.store.task(id: call)) == "2014-06-02T11:00:00-04:00")
        // Kept, marked undone: no longer among the member's outcomes, and logging again starts at attempt 1.
        #expect(try fixture.store.outcomes(memberID: MemberID("1")).isEmpty)
        let rows = try fixture.store.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT outcome, undoneBy, undoneAt IS NOT NULL AS undone FROM outcomes")
        }
        #expect(
            rows.map { "\($0["outcome"] as String) \($0["undoneBy"] as String) \($0["undone"] as Bool)" } == [
                "voicemail Rosa true"
            ])
        let again = try fixture.store.logOutcome(
            taskID: call, outcome: .voicemail, note: nil, volunteer: nil,
            now: try ReminderSchedulerTests.instant("2014-06-02T16:02:00Z"), rules: fixture.rules)
        #expect(!again.isDuplicate && again.attempt == 1)
    }

    @Test("rsvp-yes: the released text waits for a yes again and the yes no longer counts")
    func rsvpYes() throws {
        let (fixture, before) = try scheduled()
        try log(fixture, "1", .followUpCall, .rsvpYes, at: Self.monday)
        #expect(try fixture.store.task(id: fixture.id("1", .reminderText))?.status == .pending)
        #expect(try fixture.store.rsvps().values.contains(.rsvpYes))
        let report = try fixture.store.undoLatestOutcome(
            taskID: fixture.id("1", .followUpCall), actor: "Rosa", now: try ReminderSchedulerTests.instant(Self.monday))
        #expect(report.textsHeldAgain == 1 && report.reopened == 0 && !report.retryRemoved && !report.optOutKept)
        #expect(
            report.details
                == "The task is pending again (attempt 0). 1 reminder text it had released waits for an RSVP yes again."
        )
        #expect(try fixture.store.tasks() == before)
        #expect(try fixture.store.rsvps().isEmpty)
    }

    @Test("rsvp-yes whose released text has an outcome of its own is refused, and nothing changes")
    func dependentRefused() throws {
        let (fixture, _) = try scheduled()
        try log(fixture, "1", .followUpCall, .rsvpYes, at: Self.monday)
        try log(fixture, "1", .reminderText, .reached, at: "2014-06-13T13:00:00Z")
        let after = try fixture.store.tasks()
        #expect {
            try fixture.store.undoLatestOutcome(
                taskID: fixture.id("1", .followUpCall), actor: "Rosa",
                now: try ReminderSchedulerTests.instant(Self.monday))
        } throws: { error in
            (error as? PlannerError)?.message
                == "the rsvp-yes logged for \(fixture.id("1", .followUpCall)) cannot be undone: the reached logged "
                + "since for \(fixture.id("1", .reminderText)) depends on it"
        }
        #expect(try fixture.store.tasks() == after)
        // Undoing the text's outcome first makes the yes undoable.
        _ = try fixture.store.undoLatestOutcome(
            taskID: fixture.id("1", .reminderText), actor: "Rosa", now: try ReminderSchedulerTests.instant(Self.monday))
        let yes = try fixture.store.undoLatestOutcome(
            taskID: fixture.id("1", .followUpCall), actor: "Rosa", now: try ReminderSchedulerTests.instant(Self.monday))
        #expect(yes.textsHeldAgain == 1)
    }

    @Test("rsvp-no: the reminder call and text it cancelled are open again")
    func rsvpNo() throws {
        let (fixture, before) = try scheduled()
        try log(fixture, "2", .followUpCall, .rsvpNo, at: Self.monday)
        #expect(try fixture.store.task(id: fixture.id("2", .reminderCall))?.status == .cancelled)
        let report = try fixture.store.undoLatestOutcome(
            taskID: fixture.id("2", .followUpCall), actor: "Rosa", now: try ReminderSchedulerTests.instant(Self.monday))
        #expect(report.reopened == 2 && report.textsHeldAgain == 0)
        #expect(try fixture.store.tasks() == before)
    }

    @Test("do-not-contact: the call is pending again, the opt-out and its cancellations stay")
    func doNotContact() throws {
        let (fixture, before) = try scheduled()
        try log(fixture, "1", .followUpCall, .doNotContact, at: Self.monday)
        let report = try fixture.store.undoLatestOutcome(
            taskID: fixture.id("1", .followUpCall), actor: "Rosa", now: try ReminderSchedulerTests.instant(Self.monday))
        #expect(report.optOutKept && !report.phoneFlagKept && report.keptCancelled == 2)
        #expect(
            report.details
                == "The task is pending again (attempt 0). The member's do-not-contact opt-out stays: only an organizer "
                + "lifts it (`tourplan members consent`). 2 tasks it had cancelled stay cancelled while that flag stands."
        )
        let member = try #require(try fixture.store.fetchMembers().first { $0.id == MemberID("1") })
        #expect(member.doNotCall && member.doNotText)
        let tasks = Dictionary(try fixture.store.tasks().map { ($0.taskId, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(tasks[fixture.id("1", .followUpCall)] == before.first { $0.taskId == fixture.id("1", .followUpCall) })
        #expect(tasks[fixture.id("1", .reminderCall)]?.status == .cancelled)
        #expect(tasks[fixture.id("1", .reminderText)]?.status == .cancelled)
    }

    @Test("wrong-number: the phone stays flagged")
    func wrongNumber() throws {
        let (fixture, _) = try scheduled()
        try log(fixture, "2", .followUpCall, .wrongNumber, at: Self.monday)
        let report = try fixture.store.undoLatestOutcome(
            taskID: fixture.id("2", .followUpCall), actor: "Rosa", now: try ReminderSchedulerTests.instant(Self.monday))
        #expect(report.phoneFlagKept && report.keptCancelled == 2 && report.status == .pending)
        let flagged = try fixture.store.writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT phoneFlaggedWrong FROM memberFlags WHERE memberId = '2'")
        }
        #expect(flagged == true)
    }

    @Test("refusals: no outcome, an unknown task, a stale form; a form sent again changes nothing")
    func refusals() throws {
        let (fixture, _) = try scheduled()
        let call = fixture.id("1", .followUpCall)
        let now = try ReminderSchedulerTests.instant(Self.monday)
        #expect {
            try fixture.store.undoLatestOutcome(taskID: call, actor: "Rosa", now: now)
        } throws: { ($0 as? PlannerError)?.message == "task \(call) has no outcome to undo" }
        #expect(throws: StoreError.self) {
            try fixture.store.undoLatestOutcome(taskID: "2014-06-14-boston/9/followUpCall", actor: "Rosa", now: now)
        }
        try log(fixture, "1", .followUpCall, .noAnswer, at: "2014-06-02T16:00:00Z")
        try log(fixture, "1", .followUpCall, .voicemail, at: "2014-06-03T15:00:00Z")
        let latest = try #require(try fixture.store.latestOutcomes(taskIDs: [call])[call])
        #expect(latest.outcome == .voicemail && latest.isUndoable)
        let first = try fixture.store.undoLatestOutcome(taskID: call, outcomeID: latest.id, actor: "Rosa", now: now)
        #expect(first.outcome == .voicemail && first.taskAttempt == 1 && first.status == .pending)
        // The same form again: already undone, the no-answer before it stays.
        let again = try fixture.store.undoLatestOutcome(taskID: call, outcomeID: latest.id, actor: "Rosa", now: now)
        #expect(
            again.wasAlreadyUndone && again.summary == "The voicemail of \(call) was already undone: nothing changed.")
        #expect(try fixture.store.outcomes(memberID: MemberID("1")).map(\.outcome) == ["no-answer"])
        // A form showing an outcome that is no longer the latest is refused.
        try log(fixture, "1", .followUpCall, .reached, at: "2014-06-03T15:05:00Z")
        let noAnswer = latest.id - 1
        #expect(throws: PlannerError.self) {
            try fixture.store.undoLatestOutcome(taskID: call, outcomeID: noAnswer, actor: "Rosa", now: now)
        }
        // An outcome logged before the store kept the tasks it changed cannot be undone.
        try fixture.store.writer.write { db in try db.execute(sql: "DELETE FROM outcomeTasksBefore") }
        #expect(try fixture.store.latestOutcomes(taskIDs: [call])[call]?.isUndoable == false)
        #expect {
            try fixture.store.undoLatestOutcome(taskID: call, actor: "Rosa", now: now)
        } throws: {
            ($0 as? PlannerError)?.message
                == "the reached logged for \(call) was logged before this version of TourPlanner kept what an undo needs"
        }
    }

    @Test("an outcome of another task that changed this one since blocks the undo")
    func laterCancellation() throws {
        let (fixture, _) = try scheduled()
        try log(fixture, "1", .followUpCall, .voicemail, at: "2014-06-02T16:00:00Z")
        try log(fixture, "1", .reminderCall, .rsvpNo, at: "2014-06-02T16:10:00Z")
        #expect {
            try fixture.store.undoLatestOutcome(
                taskID: fixture.id("1", .followUpCall), actor: "Rosa",
                now: try ReminderSchedulerTests.instant(Self.monday))
        } throws: {
            ($0 as? PlannerError)?.hint
                == "undo that one first: `tourplan calls undo --task \(fixture.id("1", .reminderCall))`"
        }
    }
}
