public import Foundation

/// One undo (`tourplan calls undo --task ID`, the call list's Undo button).
public struct OutcomeUndoQuery: Sendable {
    /// The task (`event/member/kind`) whose latest outcome is undone.
    package var taskID: String
    /// The outcome the person saw (a web form's): already undone, the undo reports so and changes
    /// nothing; no longer the task's latest, it is refused. Nil: the latest, whichever it is.
    package var outcomeID: Int64?
    /// Who undoes it (nil: `$USER`).
    package var actor: String?
    /// When.
    package var now: Date

    /// An undo of `taskID`'s latest outcome.
    public init(taskID: String, outcomeID: Int64? = nil, actor: String? = nil, now: Date) {
        self.taskID = taskID
        self.outcomeID = outcomeID
        self.actor = actor
        self.now = now
    }
}

extension Planner {
    /// Undoes the latest outcome of a task: the task is back as it was before (pending, its
    /// attempt count), a retry it scheduled is gone, texts an RSVP yes released are held again,
    /// tasks an RSVP no cancelled are open again. An opt-out (do-not-contact) or a wrong-number
    /// flag it set is never lifted, nor the cancellations that flag made. The outcome stays in the
    /// store, marked undone with who and when.
    ///
    /// - Returns: what was undone (`summary` for the command line).
    /// - Throws: `PlannerError` when there is no store, the task has no outcome to undo, or a
    ///   later outcome depends on it (nothing changed); `StoreError` when there is no such task.
    public func undoOutcome(_ query: OutcomeUndoQuery) throws -> OutcomeUndoReport {
        try requireStore().undoLatestOutcome(
            taskID: query.taskID, outcomeID: query.outcomeID,
            actor: query.actor ?? ProcessInfo.processInfo.environment["USER"] ?? "command line", now: query.now)
    }

    /// The latest outcome of a task that is not undone, or nil (the call list's Undo button).
    ///
    /// - Throws: `PlannerError` when there is no store; `StoreDecodingError` for a row that does not read.
    public func latestOutcome(taskID: String) throws -> LatestOutcome? {
        try requireStore().latestOutcomes(taskIDs: [taskID])[taskID]
    }

    /// An undone outcome and what its undo did, or nil when `id` names no undone outcome (the
    /// notice after an undo, read back so that a refresh shows it again).
    ///
    /// - Throws: `PlannerError` when there is no store; `StoreDecodingError` for a row that does not read.
    public func undoneOutcome(id: Int64) throws -> UndoneOutcome? {
        try requireStore().undoneOutcome(id: id)
    }
}
