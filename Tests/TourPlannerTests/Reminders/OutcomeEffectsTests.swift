import Foundation
import Testing

@testable import TourPlanner

/// Member "7" in New York, invited to the Boston training on Saturday 2014-06-14 10:00 EDT
/// (14:00Z): a follow-up call on Monday 06-02 (11:00–20:00 EDT), a reminder call on Wednesday
/// 06-11 and a reminder text held for a yes on the day.
@Suite("What an outcome does next (OutcomePolicy.effects, computed by hand)")
struct OutcomeEffectsTests {
    static func instant(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }

    static func task(_ kind: ReminderKind, start: String, end: String, status: TaskStatus = .pending) throws
        -> ReminderTask
    {
        ReminderTask(
            memberId: MemberID("7"), kind: kind, eventId: "2014-06-14-boston",
            eventStart: try instant("2014-06-14T14:00:00Z"), windowStart: try instant(start),
            windowEnd: try instant(end), timeZone: "America/New_York", volunteer: "Vera", status: status, attempt: 0,
            note: nil)
    }

    static func member() throws -> [ReminderTask] {
        [
            try task(.followUpCall, start: "2014-06-02T15:00:00Z", end: "2014-06-03T00:00:00Z"),
            try task(.reminderCall, start: "2014-06-11T14:00:00Z", end: "2014-06-12T00:00:00Z"),
            try task(
                .reminderText, start: "2014-06-14T13:00:00Z", end: "2014-06-14T14:00:00Z", status: .waitingForYes),
        ]
    }

    static func effects(
        _ outcome: CallOutcome, on index: Int = 0, tasks: [ReminderTask]? = nil,
        recorded: [OutcomePolicy.Recorded] = [],
        hasVenue: Bool = true, volunteer: String? = nil, at now: String = "2014-06-02T16:00:00Z"
    ) throws -> OutcomeEffects {
        let tasks = try tasks ?? member()
        return OutcomePolicy.effects(
            of: OutcomeFile.Entry(line: 3, taskID: tasks[index].taskId, outcome: outcome, note: "n", attempt: nil),
            task: tasks[index], memberTasks: tasks, recorded: recorded, eventHasVenue: hasVenue,
            volunteer: volunteer, now: try instant(now), rules: ReminderRules())
    }

    @Test("no-answer on Monday 12:00 EDT: retried Tuesday 10:00–20:00 EDT, attempt 1, nothing else changes")
    func noAnswerRetries() throws {
        let effects = try Self.effects(.noAnswer)
        #expect(!effects.isDuplicate)
        #expect(effects.attempt == 1)
        let call = try #require(effects.call)
        #expect(call.taskID == "2014-06-14-boston/7/followUpCall")
        #expect(call.volunteer == "Vera")  // none given: the task's volunteer
        #expect(call.recordedAt == (try Self.instant("2014-06-02T16:00:00Z")))
        #expect(effects.taskUpdates.count == 1)
        let retry = try #require(effects.taskUpdates.first)
        #expect(retry.status == .pending)
        #expect(retry.attempt == 1)
        #expect(retry.windowStart == (try Self.instant("2014-06-03T14:00:00Z")))
        #expect(retry.windowEnd == (try Self.instant("2014-06-04T00:00:00Z")))
        #expect(retry.note == "retry 2 after no-answer")
        #expect(effects.cancellations.isEmpty)
        #expect(!effects.flagsPhoneWrong)
        #expect(effects.consentFlagsSet.isEmpty && effects.consentLog.isEmpty)
    }

    @Test("the same no-answer logged again before the retry is due is a duplicate: nothing changes")
    func duplicate() throws {
        // Given the follow-up call as the first no-answer left it (attempt 1, retry on Tuesday)
        var tasks = try Self.member()
        tasks[0].attempt = 1
        tasks[0].windowStart = try Self.instant("2014-06-03T14:00:00Z")
        tasks[0].windowEnd = try Self.instant("2014-06-04T00:00:00Z")
        // When the same outcome is logged again on Monday
        let effects = try Self.effects(
            .noAnswer, tasks: tasks, recorded: [OutcomePolicy.Recorded(outcome: .noAnswer, attempt: 1)],
            at: "2014-06-02T16:05:00Z")
        // Then
        #expect(effects.isDuplicate)
        #expect(effects.attempt == 1)
        #expect(effects.call == nil)
        #expect(effects.changedTasks.isEmpty)
    }

    @Test("a third no-answer (max_attempts 3) fails the call")
    func lastAttemptFails() throws {
        var tasks = try Self.member()
        tasks[0].attempt = 2
        let effects = try Self.effects(.noAnswer, tasks: tasks)
        #expect(effects.attempt == 3)
        let failed = try #require(effects.taskUpdates.first)
        #expect(failed.status == .failed)
        #expect(failed.note == "3 attempts without reaching the member")
    }

    @Test("rsvp-yes releases the held text: pending with a venue, waiting for one without")
    func yesReleasesText() throws {
        let withVenue = try Self.effects(.rsvpYes)
        #expect(withVenue.taskUpdates.map(\.kind) == [.followUpCall, .reminderText])
        #expect(withVenue.taskUpdates.map(\.status) == [.done, .pending])
        #expect(withVenue.taskUpdates[1].note == nil)
        #expect(withVenue.cancellations.isEmpty)
        let noVenue = try Self.effects(.rsvpYes, hasVenue: false)
        #expect(noVenue.taskUpdates[1].status == .waitingForVenue)
        #expect(noVenue.taskUpdates[1].note == "held: the event has no venue yet")
    }

    @Test("rsvp-no cancels the member's other open tasks for the event")
    func noCancels() throws {
        let effects = try Self.effects(.rsvpNo)
        #expect(effects.taskUpdates.map(\.status) == [.done])
        #expect(effects.cancellations.map(\.kind) == [.reminderCall, .reminderText])
        #expect(effects.cancellations.allSatisfy { $0.status == .cancelled })
        #expect(
            effects.cancellations.map(\.note)
                == Array(repeating: "cancelled: rsvp-no on 2014-06-14-boston/7/followUpCall", count: 2))
        #expect(effects.changedTasks.map(\.kind) == [.followUpCall, .reminderCall, .reminderText])
    }

    @Test("wrong-number flags the phone and cancels every open task; a done one stays")
    func wrongNumber() throws {
        var tasks = try Self.member()
        tasks[1].status = .done
        let effects = try Self.effects(.wrongNumber, tasks: tasks)
        #expect(effects.flagsPhoneWrong)
        #expect(effects.cancellations.map(\.kind) == [.reminderText])
        #expect(effects.consentLog.isEmpty)
    }

    @Test("do-not-contact opts out of calls and texts: three flags, three log entries by the volunteer")
    func doNotContact() throws {
        let effects = try Self.effects(.doNotContact, volunteer: "Walt")
        #expect(effects.consentFlagsSet == [.doNotCall, .doNotText, .doNotContact])
        let now = try Self.instant("2014-06-02T16:00:00Z")
        #expect(
            effects.consentLog
                == [ConsentFlag.doNotCall, .doNotText, .doNotContact].map {
                    ConsentLogEntry(
                        memberID: MemberID("7"), flag: $0, change: .set, source: .callOutcome,
                        detail: "2014-06-14-boston/7/followUpCall", actor: "Walt", reason: "n", recordedAt: now)
                })
        #expect(effects.call?.volunteer == "Walt")
        #expect(effects.cancellations.count == 2)
        #expect(!effects.flagsPhoneWrong)
    }
}
