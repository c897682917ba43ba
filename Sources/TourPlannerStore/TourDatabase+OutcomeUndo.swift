public import Foundation
import GRDB

/// What undoing a task's latest outcome did (`tourplan calls undo`, the call list's Undo button).
public struct OutcomeUndoReport: Hashable, Sendable, Codable {
    /// The task the outcome was for.
    public var taskID: String
    /// The undone outcome's row (`outcomes.id`).
    public var outcomeID: Int64
    /// The outcome undone.
    public var outcome: CallOutcome
    /// The attempt it had recorded.
    public var attempt: Int
    /// The task as it is again: its status and attempt count from before the outcome.
    public var status: TaskStatus
    /// The task's attempt count again.
    public var taskAttempt: Int
    /// The outcome had scheduled a retry of the task, now gone.
    public var retryRemoved: Bool
    /// Reminder texts the outcome (an RSVP yes) had released, held again until a yes.
    public var textsHeldAgain: Int
    /// Tasks the outcome (an RSVP no) had cancelled, open again.
    public var reopened: Int
    /// Tasks a do-not-contact or wrong-number outcome had cancelled: they stay cancelled, since
    /// the flag that cancelled them stays.
    public var keptCancelled: Int
    /// The member's do-not-contact opt-out, which the outcome set, stays (an opt-out is only
    /// lifted by an organizer with `tourplan members consent`).
    public var optOutKept: Bool
    /// The member's phone, which the outcome flagged as a wrong number, stays flagged.
    public var phoneFlagKept: Bool
    /// The outcome had been undone already (a form sent twice): nothing changed now.
    public var wasAlreadyUndone: Bool

    /// What the undo changed, in sentences ("The task is pending again (attempt 0). The retry it
    /// had scheduled is removed."), for the command line and the call list's notice.
    public var details: String {
        var sentences = ["The task is \(status.rawValue) again (attempt \(taskAttempt))."]
        if retryRemoved { sentences.append("The retry it had scheduled is removed.") }
        if textsHeldAgain > 0 {
            sentences.append(
                "\(Plural.count(textsHeldAgain, "reminder text")) it had released \(textsHeldAgain == 1 ? "waits" : "wait") "
                    + "for an RSVP yes again.")
        }
        if reopened > 0 {
            sentences.append(
                "\(Plural.count(reopened, "task")) it had cancelled \(reopened == 1 ? "is" : "are") open again.")
        }
        if optOutKept {
            sentences.append(
                "The member's do-not-contact opt-out stays: only an organizer lifts it (`tourplan members consent`).")
        }
        if phoneFlagKept { sentences.append("The member's phone stays flagged as a wrong number.") }
        if keptCancelled > 0 {
            sentences.append(
                "\(Plural.count(keptCancelled, "task")) it had cancelled \(keptCancelled == 1 ? "stays" : "stay") "
                    + "cancelled while that flag stands.")
        }
        return sentences.joined(separator: " ")
    }

    /// One paragraph for the command line: what was undone, then `details`.
    public var summary: String {
        if wasAlreadyUndone { return "The \(outcome.rawValue) of \(taskID) was already undone: nothing changed." }
        return "Undid \(outcome.rawValue) (attempt \(attempt)) on \(taskID). " + details
    }

}

/// A task's latest outcome that is not undone, as the call list offers its Undo.
public struct LatestOutcome: Hashable, Sendable, Codable {
    /// The outcome's row (`outcomes.id`), which the Undo form names.
    public var id: Int64
    /// The task it is for.
    public var taskID: String
    /// What happened.
    public var outcome: CallOutcome
    /// When it was logged.
    public var recordedAt: Date
    /// False for outcomes logged before the store kept what an undo needs.
    public var isUndoable: Bool
}

/// An undone outcome, read back for the notice after an undo.
public struct UndoneOutcome: Hashable, Sendable, Codable {
    /// The task it was for.
    public var taskID: String
    /// The outcome undone.
    public var outcome: CallOutcome
    /// What the undo changed (`OutcomeUndoReport.details`).
    public var details: String
}

extension TourDatabase {
    /// Undone outcomes stay in `outcomes` (marked with when, by whom and what the undo did);
    /// `outcomeTasksBefore` keeps, for each outcome logged, every task it changed as it was before.
    static func migrateOutcomeUndo(_ db: Database) throws {
        try db.alter(table: "outcomes") { t in
            t.add(column: "undoneAt", .datetime)
            t.add(column: "undoneBy", .text)
            t.add(column: "undoSummary", .text)
        }
        try db.create(table: "outcomeTasksBefore") { t in
            t.column("outcomeId", .integer).notNull().references("outcomes", onDelete: .cascade)
            t.column("taskId", .text).notNull()
            t.column("status", .text).notNull()
            t.column("windowStart", .datetime).notNull()
            t.column("windowEnd", .datetime).notNull()
            t.column("attempt", .integer).notNull()
            t.column("note", .text)
            t.column("mergedInto", .text)
            t.primaryKey(["outcomeId", "taskId"])
        }
        try db.create(index: "outcomeTasksBefore_task", on: "outcomeTasksBefore", columns: ["taskId"])
    }

    /// Keeps the tasks an outcome is about to change as they are now (inside the log's transaction).
    static func keepTasksBefore(_ tasks: [ReminderTask], outcomeID: Int64, in db: Database) throws {
        for record in try TaskRecord.filter(keys: tasks.map(\.taskId)).fetchAllStored(db) {
            try TaskBeforeRecord(record, outcomeId: outcomeID).insert(db, onConflict: .ignore)
        }
    }

    /// Undoes the latest outcome of a task that is not undone: the tasks it changed are put back as
    /// they were (the task itself pending again with its attempt count, a retry it scheduled gone,
    /// texts it released held again, tasks it cancelled open again) and the outcome is marked
    /// undone, with who and when. An opt-out or wrong-number flag it set stays, and so do the
    /// cancellations that flag made.
    ///
    /// - Parameters:
    ///   - taskID: the task.
    ///   - outcomeID: the outcome the caller saw (the web form's); when it is already undone the
    ///     report says so and nothing changes, so a form sent twice never undoes an earlier one.
    ///   - actor: who undoes it, kept on the outcome.
    ///   - now: when.
    /// - Returns: what was undone.
    /// - Throws: `StoreError` when there is no such task; `PlannerError`, changing nothing, when the
    ///   task has no outcome to undo, `outcomeID` is no longer its latest, the outcome was logged
    ///   before this store kept what an undo needs, or a later outcome depends on it.
    package func undoLatestOutcome(taskID: String, outcomeID: Int64? = nil, actor: String, now: Date) throws
        -> OutcomeUndoReport
    {
        try writer.write { db in
            guard try TaskRecord.exists(db, key: taskID) else {
                throw StoreError(
                    path: "tasks", problem: "no task \"\(taskID)\"",
                    hint: "use a taskId from `tourplan calls list` (the first column of its CSV)")
            }
            let outcomes = OutcomeRecord.filter(OutcomeRecord.Columns.taskId == taskID)
            if let outcomeID, let seen = try outcomes.filter(key: outcomeID).fetchOneStored(db), seen.undoneAt != nil {
                return OutcomeUndoReport(already: seen, outcome: try seen.callOutcome())
            }
            guard
                let latest = try outcomes.filter(OutcomeRecord.Columns.undoneAt == nil)
                    .order(OutcomeRecord.Columns.id.desc).fetchOneStored(db), let id = latest.id
            else {
                throw PlannerError(
                    "task \(taskID) has no outcome to undo",
                    hint: "`tourplan calls log --task \(taskID) --outcome …` records one")
            }
            let outcome = try latest.callOutcome()
            let what = "the \(outcome.rawValue) logged for \(taskID)"
            if let outcomeID, outcomeID != id {
                throw PlannerError(
                    "that outcome is no longer the latest of task \(taskID): \(what) was logged since",
                    hint: "reload the list; only the latest outcome of a task can be undone")
            }
            let before = try TaskBeforeRecord.filter(TaskBeforeRecord.Columns.outcomeId == id)
                .order(TaskBeforeRecord.Columns.taskId).fetchAllStored(db)
            guard !before.isEmpty else {
                throw PlannerError(
                    "\(what) was logged before this version of TourPlanner kept what an undo needs",
                    hint: "log the right outcome over it: `tourplan calls log --task \(taskID) --outcome …`")
            }
            let touched = before.map(\.taskId)
            let later = SQLRequest<Row>(
                sql: """
                    SELECT o.* FROM outcomes o WHERE o.id > ? AND o.undoneAt IS NULL AND EXISTS (
                      SELECT 1 FROM outcomeTasksBefore b WHERE b.outcomeId = o.id
                      AND b.taskId IN (\(databaseQuestionMarks(count: touched.count))))
                    ORDER BY o.id DESC LIMIT 1
                    """, arguments: StatementArguments([id]) + StatementArguments(touched))
            if let later = try db.fetchOneStored(OutcomeRecord.self, later) {
                throw PlannerError(
                    "\(what) cannot be undone: the \(try later.callOutcome().rawValue) logged since for "
                        + "\(later.taskId) depends on it",
                    hint: "undo that one first: `tourplan calls undo --task \(later.taskId)`")
            }
            var report = OutcomeUndoReport(undoing: latest, outcome: outcome)
            for kept in before {
                guard let current = try TaskRecord.filter(key: kept.taskId).fetchOneStored(db) else { continue }
                let status = try TaskRecord.checked(
                    kept.status, as: TaskStatus.self, column: TaskBeforeRecord.CodingKeys.status.stringValue,
                    rowID: kept.taskId, what: "a task status")
                if kept.taskId == taskID {
                    report.status = status
                    report.taskAttempt = kept.attempt
                    report.retryRemoved = outcome.isRetry && current.status == TaskStatus.pending.rawValue
                } else if report.optOutKept || report.phoneFlagKept {
                    report.keptCancelled += 1
                    continue
                } else if current.status == TaskStatus.cancelled.rawValue {
                    report.reopened += 1
                } else {
                    report.textsHeldAgain += 1
                }
                var restored = current
                restored.status = status.rawValue
                restored.windowStart = kept.windowStart
                restored.windowEnd = kept.windowEnd
                restored.attempt = kept.attempt
                restored.note = kept.note
                restored.mergedInto = kept.mergedInto
                try restored.update(db)
            }
            var undone = latest
            undone.undoneAt = now
            undone.undoneBy = actor
            undone.undoSummary = report.details
            try undone.update(db)
            return report
        }
    }

    /// The latest outcome of each task of `taskIDs` that is not undone (tasks without one are absent).
    ///
    /// - Throws: `StoreDecodingError` for an outcome that does not read back.
    package func latestOutcomes(taskIDs: [String]) throws -> [String: LatestOutcome] {
        try writer.read { db in
            var latest: [String: LatestOutcome] = [:]
            let keys = Array(Set(taskIDs)).sorted()
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = Array(keys[start..<min(start + 500, keys.count)])
                let request = SQLRequest<Row>(
                    sql: """
                        SELECT o.*, EXISTS (SELECT 1 FROM outcomeTasksBefore b WHERE b.outcomeId = o.id) AS undoable
                        FROM outcomes o WHERE o.undoneAt IS NULL AND o.taskId IN (\(databaseQuestionMarks(count: chunk.count)))
                        ORDER BY o.id
                        """, arguments: StatementArguments(chunk))
                for row in try Row.fetchAll(db, request) {
                    let record = try OutcomeRecord.decode(row)
                    guard let id = record.id else { continue }
                    latest[record.taskId] = LatestOutcome(
                        id: id, taskID: record.taskId, outcome: try record.callOutcome(), recordedAt: record.recordedAt,
                        isUndoable: (row["undoable"] as Bool?) == true)
                }
            }
            return latest
        }
    }

    /// The outcome `id` when it is undone, with what its undo did; else nil.
    ///
    /// - Throws: `StoreDecodingError` for an outcome that does not read back.
    package func undoneOutcome(id: Int64) throws -> UndoneOutcome? {
        try writer.read { db in
            guard let record = try OutcomeRecord.filter(key: id).fetchOneStored(db), record.undoneAt != nil else {
                return nil
            }
            return UndoneOutcome(
                taskID: record.taskId, outcome: try record.callOutcome(), details: record.undoSummary ?? "")
        }
    }
}

extension OutcomeUndoReport {
    /// The report of undoing `record` (the task's fields are filled in as the undo goes).
    init(undoing record: OutcomeRecord, outcome: CallOutcome) {
        self.init(
            taskID: record.taskId, outcomeID: record.id ?? 0, outcome: outcome, attempt: record.attempt,
            status: .pending, taskAttempt: 0, retryRemoved: false, textsHeldAgain: 0, reopened: 0, keptCancelled: 0,
            optOutKept: outcome == .doNotContact, phoneFlagKept: outcome == .wrongNumber, wasAlreadyUndone: false)
    }

    /// The report for an outcome undone before: nothing changes now.
    init(already record: OutcomeRecord, outcome: CallOutcome) {
        self.init(undoing: record, outcome: outcome)
        wasAlreadyUndone = true
    }
}
