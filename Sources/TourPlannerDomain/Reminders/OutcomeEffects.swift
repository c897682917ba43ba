package import Foundation

/// Everything logging one outcome changes, decided by `OutcomePolicy.effects(of:…)` and applied by
/// the store in one transaction (the store decides nothing).
package struct OutcomeEffects: Hashable, Sendable {
    /// The row to append to the outcomes log.
    package struct LoggedCall: Hashable, Sendable {
        /// The task the outcome is for.
        package var taskID: String
        /// The task's member.
        package var memberID: MemberID
        /// What happened.
        package var outcome: CallOutcome
        /// The volunteer's note.
        package var note: String?
        /// Who logged it: the volunteer given, else the task's volunteer.
        package var volunteer: String
        /// When it was logged.
        package var recordedAt: Date
        /// The attempt it records.
        package var attempt: Int
    }

    /// The same outcome is already recorded for this attempt: nothing changes.
    package var isDuplicate: Bool
    /// The attempt this log records.
    package var attempt: Int
    /// The outcome to record; nil for a duplicate.
    package var call: LoggedCall?
    /// Tasks whose state changes (the logged task first, then texts released by a yes); not the
    /// cancelled ones.
    package var taskUpdates: [ReminderTask]
    /// The member's other tasks that are cancelled.
    package var cancellations: [ReminderTask]
    /// The member's phone gets flagged wrong.
    package var flagsPhoneWrong: Bool
    /// Consent flags set on the member (a do-not-contact outcome opts out of calls and texts).
    package var consentFlagsSet: [ConsentFlag]
    /// The consent-log entries to append, one per flag set.
    package var consentLog: [ConsentLogEntry]

    /// Every changed task, the logged task first: the updates, then the cancellations.
    package var changedTasks: [ReminderTask] { taskUpdates + cancellations }
}

extension OutcomePolicy {
    /// What logging `entry` changes: a pure function of the task, what is stored about the member,
    /// the time and the rules (see the type's discussion for each outcome).
    ///
    /// - Parameters:
    ///   - entry: the outcome logged (its `attempt` is the one the caller names, else inferred).
    ///   - task: the task the outcome is for.
    ///   - memberTasks: every task of the same member (the logged one may be among them).
    ///   - recorded: outcomes already stored for this task.
    ///   - eventHasVenue: whether the task's event has a venue (a released text waits for one).
    ///   - volunteer: who logs it (nil: the task's volunteer).
    ///   - now: when the outcome is logged; a retry is scheduled from it.
    ///   - rules: the reminder rules (retry windows, calling hours).
    /// - Returns: the changes; empty apart from `isDuplicate` and `attempt` for a repeated log.
    /// - Complexity: that of `decide`.
    package static func effects(
        of entry: OutcomeFile.Entry, task: ReminderTask, memberTasks: [ReminderTask], recorded: [Recorded],
        eventHasVenue: Bool, volunteer: String?, now: Date, rules: ReminderRules
    ) -> OutcomeEffects {
        let decision = decide(
            entry.outcome, task: task, memberTasks: memberTasks, recorded: recorded, attempt: entry.attempt,
            eventHasVenue: eventHasVenue, now: now, rules: rules)
        guard !decision.isDuplicate else {
            return OutcomeEffects(
                isDuplicate: true, attempt: decision.attempt, call: nil, taskUpdates: [], cancellations: [],
                flagsPhoneWrong: false, consentFlagsSet: [], consentLog: [])
        }
        let actor = volunteer ?? task.volunteer
        let flags: [ConsentFlag] = decision.optsOut ? [.doNotCall, .doNotText, .doNotContact] : []
        let cancelled = Set(decision.cancellations.map(\.taskId))
        return OutcomeEffects(
            isDuplicate: false, attempt: decision.attempt,
            call: OutcomeEffects.LoggedCall(
                taskID: entry.taskID, memberID: task.memberId, outcome: entry.outcome, note: entry.note,
                volunteer: actor, recordedAt: now, attempt: decision.attempt),
            taskUpdates: decision.tasks.filter { !cancelled.contains($0.taskId) },
            cancellations: decision.cancellations, flagsPhoneWrong: decision.flagsPhoneWrong,
            consentFlagsSet: flags,
            consentLog: flags.map {
                ConsentLogEntry(
                    memberID: task.memberId, flag: $0, change: .set, source: .callOutcome, detail: entry.taskID,
                    actor: actor, reason: entry.note, recordedAt: now)
            })
    }
}
