public import Foundation
import GRDB

/// What `undoLastImport` did.
public struct ImportUndoReport: Hashable, Sendable, Codable {
    /// The undone import's file, as the user named it.
    public var fileName: String
    /// When that import ran.
    public var importedAt: Date
    /// Members the import had added, now removed.
    public var removed: Int
    /// Members the import had changed, now as they were before it.
    public var restored: Int
    /// Opt-outs (do-not-call, do-not-text, do-not-contact, deceased) the import had added to
    /// members it changed: kept, since an opt-out is only ever lifted by an organizer.
    public var optOutsKept: Int

    /// One paragraph for the command line and the import page.
    public var summary: String {
        var text =
            "Undid the import of \(fileName): removed \(removed) member\(removed == 1 ? "" : "s") it had added, "
            + "put back \(restored) it had changed."
        if optOutsKept > 0 {
            text +=
                " Kept \(optOutsKept) opt-out\(optOutsKept == 1 ? "" : "s") it had added "
                + "(only `tourplan members consent` lifts one)."
        }
        return text
    }
}

/// The store's latest import, as the import page shows it.
public struct LatestImport: Hashable, Sendable, Codable {
    /// The file, as the user named it.
    public var fileName: String
    /// When it ran.
    public var importedAt: Date
    /// When it was undone; nil while it stands.
    public var undoneAt: Date?
    /// What the undo did (`ImportUndoReport.summary`), once undone.
    public var undoSummary: String?
    /// True when `undoLastImport` would undo it now.
    public var undoable: Bool
    /// Why it cannot be undone while it stands, e.g. reminders scheduled for its
    /// members since; nil when it can, or once undone.
    public var refusal: String?
    /// What to do instead, with `refusal`.
    public var refusalHint: String?
}

extension TourDatabase {
    static func migrateImportUndo(_ db: Database) throws {
        try db.alter(table: "imports") { t in
            t.add(column: "membersRowIDBefore", .integer)  // members' last rowid when the import began
            t.add(column: "undoneAt", .datetime)
            t.add(column: "undoSummary", .text)  // what the undo did, for the import page
        }
        // The rows the latest import updated, as they were before it (untyped columns: a copy).
        let columns = MemberColumn.allCases.map(\.name).joined(separator: ", ")
        try db.execute(
            sql: "CREATE TABLE importPrevious (importId INTEGER NOT NULL, memberRowID INTEGER NOT NULL, \(columns), "
                + "lastImportId INTEGER, importLine INTEGER)")
    }

    /// Undoes the latest import: removes the members it added and puts back the members it
    /// changed as they were, keeping every opt-out (an opt-out is only lifted by an organizer),
    /// drops the chapters only it named, and marks the import undone. Nothing else is touched.
    ///
    /// - Throws: `PlannerError` naming why, and changing nothing, when there is no import to
    ///   undo (none, the latest is already undone, or it ran before this store kept what an undo
    ///   needs) or when work done since depends on the members it added (reminder tasks, or a
    ///   consent change from a volunteer, an organizer or a STOP reply).
    package func undoLastImport(now: Date) throws -> ImportUndoReport {
        try writer.write { db in
            guard let last = try Row.fetchOne(db, sql: "SELECT * FROM imports ORDER BY id DESC LIMIT 1") else {
                throw PlannerError("there is no import to undo", hint: "`tourplan import FILE` imports an export")
            }
            if let refusal = try Self.undoRefusal(db, latest: last) { throw refusal }
            let importID: Int64 = last["id"]
            let fileName: String = last["fileName"]
            let importedAt: Date = last["importedAt"]
            let before: Int64 = last["membersRowIDBefore"]
            // Changed members: their columns as before, each consent flag set if it is set now or was.
            let flags = MemberColumn.allCases.filter { $0.consentFlag != nil }.map(\.name)
            let optOutsKept =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM importPrevious p JOIN members m ON m.rowid = p.memberRowID "
                        + "WHERE p.importId = ? AND ("
                        + flags.map { "(m.\($0) = 1 AND COALESCE(p.\($0), 0) = 0)" }.joined(separator: " OR ") + ")",
                    arguments: [importID]) ?? 0
            let assignments = MemberColumn.allCases.dropFirst().map { column in
                column.consentFlag != nil
                    ? "\(column.name) = MAX(members.\(column.name), COALESCE(p.\(column.name), 0))"
                    : "\(column.name) = p.\(column.name)"
            }
            try db.execute(
                sql: "UPDATE members SET \(assignments.joined(separator: ", ")), lastImportId = p.lastImportId, "
                    + "importLine = p.importLine FROM importPrevious p WHERE p.importId = ? AND members.rowid = p.memberRowID",
                arguments: [importID])
            let restored = db.changesCount
            try db.execute(sql: "DELETE FROM members WHERE rowid > ?", arguments: [before])
            let removed = db.changesCount
            try db.execute(sql: "DELETE FROM importPrevious")
            try db.execute(
                sql: """
                    DELETE FROM chapters WHERE firstSeenImportId = ?
                      AND NOT EXISTS (SELECT 1 FROM members WHERE members.chapter = chapters.name)
                    """, arguments: [importID])
            let report = ImportUndoReport(
                fileName: fileName, importedAt: importedAt, removed: removed, restored: restored,
                optOutsKept: optOutsKept)
            try db.execute(
                sql: "UPDATE imports SET undoneAt = ?, undoSummary = ? WHERE id = ?",
                arguments: [now, report.summary, importID])
            try Self.refreshMemberAggregates(db)
            return report
        }
    }

    /// The latest import, for the import page's undo button: nil when the store has none.
    package func latestImport() throws -> LatestImport? {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM imports ORDER BY id DESC LIMIT 1") else {
                return nil
            }
            let undoneAt: Date? = row["undoneAt"]
            let refusal = undoneAt == nil ? try Self.undoRefusal(db, latest: row) : nil
            return LatestImport(
                fileName: row["fileName"], importedAt: row["importedAt"], undoneAt: undoneAt,
                undoSummary: row["undoSummary"], undoable: undoneAt == nil && refusal == nil,
                refusal: refusal?.message, refusalHint: refusal?.hint)
        }
    }

    /// Why the latest import (`latest`, its `imports` row) cannot be undone, or nil when it can.
    static func undoRefusal(_ db: Database, latest last: Row) throws -> PlannerError? {
        let fileName: String = last["fileName"]
        let importedAt: Date = last["importedAt"]
        let what = "the last import (\(fileName), \(Self.undoDate(importedAt)))"
        if last["undoneAt"] as Date? != nil {
            return PlannerError(
                "\(what) is already undone; only the latest import can be undone",
                hint: "import the right export again: `tourplan import FILE`")
        }
        guard let before = last["membersRowIDBefore"] as Int64? else {
            return PlannerError(
                "\(what) ran before this version of TourPlanner kept what an undo needs",
                hint: "fix the members by importing a corrected export")
        }
        let added = "SELECT id FROM members WHERE rowid > \(before)"
        let tasks = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tasks WHERE memberId IN (\(added))") ?? 0
        if tasks > 0 {
            return PlannerError(
                "\(what) cannot be undone: \(tasks) reminder task\(tasks == 1 ? "" : "s") were scheduled since "
                    + "for members it added, and undoing would lose them (and any outcomes logged)",
                hint: "correct the members with a fixed export instead")
        }
        let consent =
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM consentLog WHERE memberId IN (\(added)) AND source <> ?",
                arguments: [ConsentSource.importFile.rawValue]) ?? 0
        if consent > 0 {
            return PlannerError(
                "\(what) cannot be undone: \(consent) consent change\(consent == 1 ? " was" : "s were") recorded "
                    + "since for members it added (an opt-out is never dropped)",
                hint: "correct the members with a fixed export instead")
        }
        return nil
    }

    private static func undoDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0)
    }
}
