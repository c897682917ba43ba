public import Foundation
import GRDB

extension TourDatabase {
    /// What logging one outcome did.
    public struct LoggedOutcome: Sendable {
        public var taskID: String
        public var outcome: CallOutcome
        /// The attempt the outcome was recorded for.
        public var attempt: Int
        /// The same outcome was already recorded for this attempt: nothing was stored.
        public var isDuplicate: Bool
        /// The tasks that changed, the logged task first.
        public var tasks: [ReminderTask]
        /// The line of the outcomes file, for a batch.
        public var line: Int?
    }

    /// Records an outcome and applies `OutcomePolicy`'s decision, in one transaction.
    ///
    /// - Parameter attempt: the attempt this outcome is for (`nil`: inferred, see `OutcomePolicy`).
    /// - Throws: `StoreError` when there is no such task.
    public func logOutcome(
        taskID: String, outcome: CallOutcome, note: String?, volunteer: String?, attempt: Int? = nil, now: Date,
        rules: ReminderRules
    ) throws -> LoggedOutcome {
        try writer.write { db in
            try Self.log(
                OutcomeFile.Entry(line: 0, taskID: taskID, outcome: outcome, note: note, attempt: attempt),
                volunteer: volunteer, now: now, rules: rules, in: db)
        }
    }

    /// Records a batch of outcomes (`calls log --file`): all or nothing. Every unknown task is
    /// reported with its line before anything is stored; repeats of an outcome already recorded
    /// (or earlier in the file) are reported, not stored.
    ///
    /// - Throws: `ReminderError` listing every line naming an unknown task.
    public func logOutcomes(_ entries: [OutcomeFile.Entry], fileName: String, now: Date, rules: ReminderRules) throws
        -> [LoggedOutcome]
    {
        try writer.write { db in
            let unknown = try entries.filter {
                try Row.fetchOne(db, sql: "SELECT 1 FROM tasks WHERE id = ?", arguments: [$0.taskID]) == nil
            }
            guard unknown.isEmpty else {
                throw ReminderError(
                    problem: unknown.map { "\(fileName):\($0.line): task \"\($0.taskID)\" does not exist" }.joined(
                        separator: "\n"),
                    hint:
                        "use the task ids of `tourplan calls list` (the first column of its CSV); nothing was recorded")
            }
            return try entries.map { try Self.log($0, volunteer: nil, now: now, rules: rules, in: db) }
        }
    }

    static func log(_ entry: OutcomeFile.Entry, volunteer: String?, now: Date, rules: ReminderRules, in db: Database)
        throws -> LoggedOutcome
    {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tasks WHERE id = ?", arguments: [entry.taskID]) else {
            throw StoreError(
                path: "tasks", problem: "no task \"\(entry.taskID)\"",
                hint: "use a taskId from `tourplan calls list` or `tourplan remind schedule --format json`")
        }
        let task = try Self.task(from: row)
        let memberTasks = try Row.fetchAll(
            db, sql: "SELECT * FROM tasks WHERE memberId = ?", arguments: [task.memberId.rawValue]
        ).map(Self.task(from:))
        let recorded = try Row.fetchAll(
            db, sql: "SELECT outcome, attempt FROM outcomes WHERE taskId = ?", arguments: [entry.taskID]
        ).map { row in
            let text: String = row["outcome"]
            guard let outcome = CallOutcome(rawValue: text) else {
                throw StoreError(
                    path: "outcomes", problem: "task \"\(entry.taskID)\" has an outcome \"\(text)\"",
                    hint: "this store was written by another version of tourplan")
            }
            return OutcomePolicy.Recorded(outcome: outcome, attempt: row["attempt"])
        }
        let venue = try String.fetchOne(db, sql: "SELECT venue FROM events WHERE id = ?", arguments: [task.eventId])
        let decision = OutcomePolicy.decide(
            entry.outcome, task: task, memberTasks: memberTasks, recorded: recorded, attempt: entry.attempt,
            eventHasVenue: !(venue ?? "").isEmpty, now: now, rules: rules)
        if !decision.isDuplicate {
            try db.execute(
                sql: """
                    INSERT INTO outcomes (taskId, memberId, outcome, note, volunteer, recordedAt, attempt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.taskID, task.memberId.rawValue, entry.outcome.rawValue, entry.note,
                    volunteer ?? task.volunteer, now, decision.attempt,
                ])
            try saveTasks(decision.tasks, in: db)
            if decision.flagsPhoneWrong {
                try db.execute(
                    sql: """
                        INSERT INTO memberFlags (memberId, phoneFlaggedWrong) VALUES (?, 1)
                        ON CONFLICT(memberId) DO UPDATE SET phoneFlaggedWrong = 1
                        """, arguments: [task.memberId.rawValue])
            }
            if decision.optsOut {
                try db.execute(
                    sql: "UPDATE members SET doNotCall = 1, doNotText = 1, doNotContact = 1 WHERE id = ?",
                    arguments: [task.memberId.rawValue])
                for flag in [ConsentFlag.doNotCall, .doNotText, .doNotContact] {
                    try Self.log(
                        ConsentLogEntry(
                            memberID: task.memberId, flag: flag, change: .set, source: .callOutcome,
                            detail: entry.taskID, actor: volunteer ?? task.volunteer, reason: entry.note,
                            recordedAt: now), db)
                }
            }
        }
        return LoggedOutcome(
            taskID: entry.taskID, outcome: entry.outcome, attempt: decision.attempt,
            isDuplicate: decision.isDuplicate, tasks: decision.tasks, line: entry.line == 0 ? nil : entry.line)
    }

    /// Each member's latest answer per event, keyed `eventId/memberId`: `rsvp-yes` or `rsvp-no`.
    public func rsvps() throws -> [String: CallOutcome] {
        try writer.read { db in
            var answers: [String: CallOutcome] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT t.eventId, t.memberId, o.outcome FROM outcomes o JOIN tasks t ON t.id = o.taskId
                    WHERE o.outcome IN ('rsvp-yes', 'rsvp-no') ORDER BY o.recordedAt, o.id
                    """)
            for row in rows {
                let text: String = row["outcome"]
                answers[(row["eventId"] as String) + "/" + (row["memberId"] as String)] =
                    text == CallOutcome.rsvpYes.rawValue ? .rsvpYes : .rsvpNo
            }
            return answers
        }
    }
}
