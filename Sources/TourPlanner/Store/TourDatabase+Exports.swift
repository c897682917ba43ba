import GRDB

extension TourDatabase {
    /// The stored members with these ids, as imported (first and last names untouched).
    ///
    /// Ids with no member are absent from the result; callers report them.
    ///
    /// - Throws: a GRDB error when the store cannot be read.
    public func members(ids: [MemberID]) throws -> [MemberID: Member] {
        try writer.read { db in
            var result: [MemberID: Member] = [:]
            for id in Set(ids) {
                if let row = try Row.fetchOne(db, sql: "SELECT * FROM members WHERE id = ?", arguments: [id.rawValue]) {
                    result[id] = Self.member(from: row)
                }
            }
            return result
        }
    }
}
