import GRDB
import TourPlannerCore

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

extension TourDatabase {
    /// v6: every expense belongs to a tour, keeps its rate to the budget's currency, and has an
    /// identity (content + occurrence among identical rows of its file) that edits do not change;
    /// deletes keep a tombstone so a re-import does not bring the row back. Existing rows are
    /// kept: tour "" (listed as unassigned until `budget actuals edit ID --tour NAME`),
    /// occurrence 1 (v3 could not store two identical rows), receipts "no"/"none" read as missing.
    static func migrateActualsIdentity(_ db: Database) throws {
        try db.create(table: "actualsV6") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("tour", .text).notNull().defaults(to: "")
            t.column("date", .text).notNull()
            t.column("category", .text).notNull()
            t.column("trip", .text).notNull().defaults(to: "")
            t.column("amountMinor", .integer).notNull()
            t.column("currency", .text).notNull()
            t.column("budgetCurrency", .text)
            t.column("rate", .text)  // decimal text: budget-currency units per unit paid
            t.column("note", .text).notNull().defaults(to: "")
            t.column("receipt", .text).notNull().defaults(to: "")
            t.column("sourceFile", .text).notNull()
            t.column("line", .integer).notNull()
            t.column("occurrence", .integer).notNull().defaults(to: 1)
            t.column("identityKey", .text).notNull()
            t.column("isDeleted", .boolean).notNull().defaults(to: false)
            t.uniqueKey(["tour", "identityKey"])
        }
        let old = try Row.fetchAll(db, sql: "SELECT * FROM actuals ORDER BY id")
        var seen: [String: Int] = [:]
        for row in old {
            let currency = CurrencyCode(row["currency"] as String)
            let dateText: String = row["date"]
            guard let date = CalendarDate(iso: dateText) else {
                throw DatabaseError(message: "actuals row \(row["id"] as Int64) has an unreadable date \(dateText)")
            }
            var expense = ActualExpense(
                tour: "", date: date, category: row["category"], trip: row["trip"],
                amount: Money(minorUnits: row["amountMinor"], currency: currency), budgetCurrency: nil, rate: nil,
                note: row["note"], receipt: ActualExpense.normalizedReceipt(row["receipt"]),
                sourceFile: row["sourceFile"], line: row["line"])
            // "no" and "" were two rows in v3; both now mean a missing receipt, so number them.
            expense.occurrence = (seen[expense.contentKey] ?? 0) + 1
            seen[expense.contentKey] = expense.occurrence
            try db.execute(
                sql: """
                    INSERT INTO actualsV6 (id, tour, date, category, trip, amountMinor, currency, note, receipt,
                        sourceFile, line, occurrence, identityKey)
                    VALUES (?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    row["id"] as Int64, dateText, expense.category, expense.trip, row["amountMinor"] as Int64,
                    currency.rawValue, expense.note, expense.receipt, expense.sourceFile, expense.line,
                    expense.occurrence, expense.identityKey,
                ])
        }
        try db.drop(table: "actuals")
        try db.rename(table: "actualsV6", to: "actuals")
    }
}
