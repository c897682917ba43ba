import GRDB

extension TourDatabase {
    /// Actual spending recorded against the budget (money as integer minor units, so SQL can sum it).
    static func migrateActuals(_ db: Database) throws {
        try db.create(table: "actuals") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("date", .text).notNull()
            t.column("category", .text).notNull()
            t.column("trip", .text).notNull().defaults(to: "")
            t.column("amountMinor", .integer).notNull()
            t.column("currency", .text).notNull()
            t.column("note", .text).notNull().defaults(to: "")
            t.column("receipt", .text).notNull().defaults(to: "")
            t.column("sourceFile", .text).notNull()
            t.column("line", .integer).notNull()
            t.uniqueKey(["date", "category", "trip", "amountMinor", "currency", "note", "receipt"])
        }
    }
}
