public import Foundation

/// `calls log`: one call's outcome (`task` and `outcome`) or a file of them (`file`), as typed.
public struct OutcomeLogQuery: Sendable, Hashable {
    /// A CSV of outcomes (task,outcome,note[,attempt]), instead of one call.
    package var file: String?
    /// The one call's task id.
    package var task: String?
    /// The one call's outcome.
    package var outcome: CallOutcome?
    /// A note on the one call.
    package var note: String?
    /// Who made the one call (default: the task's volunteer).
    package var volunteer: String?
    /// The attempt the one outcome is for (default: inferred).
    package var attempt: Int?
    /// When the outcomes are logged.
    package var now: Date
    /// The reminder rules for the retries (nil: the planner's).
    package var rules: ReminderRules?

    /// A query of `calls log`'s options, checked as `OutcomeQuery.checkArguments` checks them.
    ///
    /// - Throws: `InvalidArgument` for --file with one call's options, neither complete, or an
    ///   --attempt below 1.
    public init(
        file: String?, task: String?, outcome: CallOutcome?, note: String?, volunteer: String?, attempt: Int?,
        now: Date, rules: ReminderRules?
    ) throws(InvalidArgument) {
        try OutcomeQuery.checkArguments(file: file, task: task, outcome: outcome, attempt: attempt)
        self.file = file
        self.task = task
        self.outcome = outcome
        self.note = note
        self.volunteer = volunteer
        self.attempt = attempt
        self.now = now
        self.rules = rules
    }
}

extension Planner {
    /// Records `calls log`'s outcomes: the file's, all or nothing (`logOutcomes(_:fileName:now:rules:)`),
    /// or the one call's (`logOutcome(_:)`).
    ///
    /// - Throws: `PlannerError` for an unreadable file or no store; the errors of those use cases.
    public func logOutcomes(_ query: OutcomeLogQuery) throws -> OutcomeLogReport {
        if let file = query.file {
            return try logOutcomes(try OutcomeFile.load(file), fileName: file, now: query.now, rules: query.rules)
        }
        guard let task = query.task, let outcome = query.outcome else {
            throw PlannerError("give --task ID --outcome OUTCOME, or --file outcomes.csv")
        }
        return try logOutcome(
            OutcomeQuery(
                taskID: task, outcome: outcome, note: query.note, volunteer: query.volunteer, attempt: query.attempt,
                now: query.now, rules: query.rules))
    }
}
