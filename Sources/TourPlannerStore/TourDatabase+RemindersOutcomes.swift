package import Foundation
import GRDB

extension OutcomeRecord {
    init(_ call: OutcomeEffects.LoggedCall) {
        id = nil
        taskId = call.taskID
        memberId = call.memberID.rawValue
        outcome = call.outcome.rawValue
        note = call.note
        volunteer = call.volunteer
        recordedAt = call.recordedAt
        attempt = call.attempt
        undoneAt = nil
        undoneBy = nil
        undoSummary = nil
    }

    /// The outcome, checked against `CallOutcome`.
    ///
    /// - Throws: `StoreDecodingError` naming the row.
    func callOutcome() throws -> CallOutcome {
        try Self.checked(
            outcome, as: CallOutcome.self, column: CodingKeys.outcome.stringValue, rowID: id.map(String.init) ?? "?",
            what: "a call outcome")
    }
}

extension TourDatabase {
    /// What logging one outcome did.
    package struct LoggedOutcome: Sendable {
        /// The task the outcome was logged for.
        package var taskID: String
        /// The outcome logged.
        package var outcome: CallOutcome
        /// The attempt the outcome was recorded for.
        package var attempt: Int
        /// The same outcome was already recorded for this attempt: nothing was stored.
        package var isDuplicate: Bool
        /// The tasks that changed, the logged task first.
        package var tasks: [ReminderTask]
        /// The line of the outcomes file, for a batch.
        package var line: Int?
    }

    /// Records an outcome and applies `OutcomePolicy`'s effects, in one transaction.
    ///
    /// - Parameters:
    ///   - taskID: the reminder task the outcome is for.
    ///   - outcome: what happened on the call or text.
    ///   - note: the caller's free-text note, stored as given.
    ///   - volunteer: who logs it (nil: the task's volunteer).
    ///   - attempt: the attempt this outcome is for (`nil`: inferred, see `OutcomePolicy`).
    ///   - now: the time recorded; retries are scheduled from it.
    ///   - rules: the reminder rules (retry windows, calling hours).
    /// - Returns: the outcome as recorded, with its attempt and whether it repeated one already stored.
    /// - Throws: `StoreError` when there is no such task; `StoreDecodingError` when a stored row
    ///   the policy needs does not read back.
    package func logOutcome(
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
    package func logOutcomes(_ entries: [OutcomeFile.Entry], fileName: String, now: Date, rules: ReminderRules) throws
        -> [LoggedOutcome]
    {
        try writer.write { db in
            let unknown = try entries.filter { try !TaskRecord.exists(db, key: $0.taskID) }
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

    /// Reads what the policy needs, asks it, and applies its effects.
    static func log(_ entry: OutcomeFile.Entry, volunteer: String?, now: Date, rules: ReminderRules, in db: Database)
        throws -> LoggedOutcome
    {
        guard let task = try TaskRecord.filter(key: entry.taskID).fetchOneStored(db)?.task() else {
            throw StoreError(
                path: "tasks", problem: "no task \"\(entry.taskID)\"",
                hint: "use a taskId from `tourplan calls list` or `tourplan remind schedule --format json`")
        }
        let memberTasks = try TaskRecord.filter(TaskRecord.Columns.memberId == task.memberId.rawValue)
            .fetchAllStored(db).map { try $0.task() }
        let recorded = try OutcomeRecord.filter(OutcomeRecord.Columns.taskId == entry.taskID)
            .filter(OutcomeRecord.Columns.undoneAt == nil).fetchAllStored(db).map {
                OutcomePolicy.Recorded(outcome: try $0.callOutcome(), attempt: $0.attempt)
            }
        let venue = try EventRecord.filter(key: task.eventId).fetchOneStored(db)?.venue
        let effects = OutcomePolicy.effects(
            of: entry, task: task, memberTasks: memberTasks, recorded: recorded, eventHasVenue: !(venue ?? "").isEmpty,
            volunteer: volunteer, now: now, rules: rules)
        try apply(effects, in: db)
        return LoggedOutcome(
            taskID: entry.taskID, outcome: entry.outcome, attempt: effects.attempt, isDuplicate: effects.isDuplicate,
            tasks: effects.changedTasks, line: entry.line == 0 ? nil : entry.line)
    }

    /// Persists an outcome's effects as they are (inside the caller's transaction).
    static func apply(_ effects: OutcomeEffects, in db: Database) throws {
        guard let call = effects.call else { return }
        var record = OutcomeRecord(call)
        try record.insert(db)
        if let id = record.id { try keepTasksBefore(effects.changedTasks, outcomeID: id, in: db) }
        try saveTasks(effects.changedTasks, in: db)
        if effects.flagsPhoneWrong {
            try MemberFlagRecord(memberId: call.memberID.rawValue, phoneFlaggedWrong: true).upsert(db)
        }
        if !effects.consentFlagsSet.isEmpty {
            let member = ConsentColumnsRecord.filter(ConsentColumnsRecord.Columns.id == call.memberID.rawValue)
            try member.updateAll(db, effects.consentFlagsSet.map { ConsentColumnsRecord.column(for: $0).set(to: true) })
        }
        for entry in effects.consentLog { try Self.log(entry, db) }
    }

    /// Each member's latest answer per event, keyed `eventId/memberId`: `rsvp-yes` or `rsvp-no`.
    ///
    /// - Throws: `StoreDecodingError` for an answer that is not one of `CallOutcome`.
    package func rsvps() throws -> [String: CallOutcome] {
        try writer.read { db in
            var answers: [String: CallOutcome] = [:]
            let request = SQLRequest<Row>(
                sql: """
                    SELECT o.id, t.eventId, t.memberId, o.outcome FROM outcomes o JOIN tasks t ON t.id = o.taskId
                    WHERE o.outcome IN (?, ?) AND o.undoneAt IS NULL ORDER BY o.recordedAt, o.id
                    """, arguments: [CallOutcome.rsvpYes.rawValue, CallOutcome.rsvpNo.rawValue])
            for answer in try db.fetchAllStored(AnswerRecord.self, request) {
                answers[answer.eventId + "/" + answer.memberId] = try AnswerRecord.checked(
                    answer.outcome, as: CallOutcome.self, column: "outcome", rowID: String(answer.id),
                    what: "a call outcome")
            }
            return answers
        }
    }
}
