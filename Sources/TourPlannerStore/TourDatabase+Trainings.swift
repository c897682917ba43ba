import Foundation
import GRDB
import TourPlannerCore

extension TrainingRecord {
    init(_ result: TrainingResult) {
        id = result.id == 0 ? nil : result.id
        metro = result.metro
        date = result.date.description
        kind = result.kind.rawValue
        invited = result.invited
        attended = result.attended
        women = result.women
        chapterFounded = result.chapterFounded.rawValue
        note = result.note
    }

    /// The domain value.
    ///
    /// - Throws: `StoreDecodingError` naming the row and the column that does not decode.
    func result() throws -> TrainingResult {
        let row = id.map(String.init) ?? "?"
        let hint = "fix the row with `tourplan trainings update \(row)`, or delete it"
        guard let id else {
            throw Self.invalid("NULL", column: CodingKeys.id.stringValue, rowID: row, problem: "is missing")
        }
        guard let day = CalendarDate(iso: date) else {
            throw Self.invalid(
                date, column: CodingKeys.date.stringValue, rowID: row, problem: "is not a date (YYYY-MM-DD)",
                hint: hint)
        }
        let visit = try Self.checked(
            kind, as: VisitKind.self, column: CodingKeys.kind.stringValue, rowID: row, what: "a visit kind")
        let outcome = try Self.checked(
            chapterFounded, as: ChapterOutcome.self, column: CodingKeys.chapterFounded.stringValue, rowID: row,
            what: "a chapter outcome")
        return TrainingResult(
            id: id, metro: metro, date: day, kind: visit, invited: invited, attended: attended, women: women,
            chapterFounded: outcome, note: note)
    }
}

extension TourDatabase {
    /// Recorded trainings: what happened, for the chapter model to learn from.
    static func migrateTrainings(_ db: Database) throws {
        try db.create(table: "trainings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("metro", .text).notNull()
            t.column("date", .text).notNull()
            t.column("kind", .text).notNull()
                .check { ["in-person", "remote", "follow-up"].contains($0) }
            t.column("invited", .integer).notNull().check { $0 >= 0 }
            t.column("attended", .integer).notNull().check { $0 >= 0 }
            t.column("women", .integer).notNull().check { $0 >= 0 }
            t.column("chapterFounded", .text).notNull()
                .check { ["yes", "no", "pending"].contains($0) }
            t.column("note", .text).notNull().defaults(to: "")
            t.uniqueKey(["metro", "date"])
        }
    }

    /// Records a training; the same metro and date twice is refused (use `updateTraining`).
    ///
    /// - Returns: the stored record with its id.
    /// - Throws: `StoreError` when that metro and date are already recorded.
    package func recordTraining(_ result: TrainingResult) throws -> TrainingResult {
        try writer.write { db in
            if let existing = try TrainingRecord.filter(
                TrainingRecord.Columns.metro == result.metro && TrainingRecord.Columns.date == result.date.description
            ).fetchOneStored(db) {
                throw StoreError(
                    path: "trainings",
                    problem:
                        "a training in \(result.metro) on \(result.date) is already recorded (id \(existing.id ?? 0))",
                    hint: "change it with `tourplan trainings update \(existing.id ?? 0) …`")
            }
            var record = TrainingRecord(result)
            try record.insert(db)
            return try record.result()
        }
    }

    /// Replaces a recorded training (same id).
    ///
    /// - Throws: `StoreError` when no training has that id.
    package func updateTraining(_ result: TrainingResult) throws {
        try writer.write { db in
            let record = TrainingRecord(result)
            guard result.id > 0, try TrainingRecord.exists(db, key: result.id) else {
                throw StoreError(
                    path: "trainings", problem: "no training has id \(result.id)",
                    hint: "see the ids with `tourplan trainings list`")
            }
            try record.update(db)
        }
    }

    /// Deletes a recorded training.
    ///
    /// - Returns: false when no training had that id.
    package func deleteTraining(id: Int64) throws -> Bool {
        try writer.write { db in try TrainingRecord.deleteOne(db, key: id) }
    }

    /// Every recorded training, by date then metro.
    ///
    /// - Throws: `StoreError` naming a row that does not decode.
    package func trainings() throws -> [TrainingResult] {
        try writer.read { db in
            try TrainingRecord.order(
                TrainingRecord.Columns.date, TrainingRecord.Columns.metro, TrainingRecord.Columns.id
            )
            .fetchAllStored(db).map { try $0.result() }
        }
    }

    /// One recorded training.
    package func training(id: Int64) throws -> TrainingResult? {
        try writer.read { db in try TrainingRecord.filter(key: id).fetchOneStored(db)?.result() }
    }
}

extension TourDatabase {
    /// Members the schedule invited to the event in `metro` on `date` (any outreach task for it);
    /// nil when no such event is scheduled.
    package func invitedCount(metro: String, date: CalendarDate) throws -> Int? {
        try writer.read { db in
            let events =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM events WHERE metro = ? COLLATE NOCASE AND date = ?",
                    arguments: [metro, date.description]) ?? 0
            guard events > 0 else { return nil }
            return try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(DISTINCT tasks.memberId) FROM tasks JOIN events ON events.id = tasks.eventId
                    WHERE events.metro = ? COLLATE NOCASE AND events.date = ?
                    """, arguments: [metro, date.description]) ?? 0
        }
    }
}
