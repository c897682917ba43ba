import GRDB
import TourPlannerCore

extension TourDatabase {
    /// The stored members with these ids, as imported (first and last names untouched).
    ///
    /// Ids with no member are absent from the result; callers report them.
    ///
    /// - Throws: a GRDB error when the store cannot be read.
    package func members(ids: [MemberID]) throws -> [MemberID: Member] {
        try writer.read { db in
            var result: [MemberID: Member] = [:]
            for id in Set(ids) {
                if let member = try MemberRecord.filter(MemberRecord.Columns.id == id.rawValue).fetchOneStored(db) {
                    result[id] = member.member()
                }
            }
            return result
        }
    }
}

extension TourDatabase {
    /// The file names of every import recorded in the store at `path`, read without changing the
    /// file (no migration, read-only); nil when `path` is not a TourPlanner store.
    ///
    /// `tourplan demo` uses it to refuse replacing a store that holds someone's own imports.
    package static func importedFileNames(atPath path: String) -> [String]? {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db -> [String]? in
                guard try db.tableExists("imports") else { return nil }
                return try String.fetchAll(
                    db,
                    ImportLogRecord.select(ImportLogRecord.Columns.fileName).distinct()
                        .order(ImportLogRecord.Columns.fileName))
            }
        } catch {
            return nil
        }
    }
}
