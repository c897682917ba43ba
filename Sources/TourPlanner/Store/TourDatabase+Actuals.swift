import Foundation
import GRDB

extension TourDatabase {
    /// Stores actual expenses in one transaction; rows already recorded are skipped (idempotent).
    ///
    /// - Returns: how many rows were new.
    public func recordActuals(_ expenses: [ActualExpense], sourceFile: String) throws -> Int {
        try writer.write { db in
            var added = 0
            for expense in expenses {
                let digits = expense.amount.currency.minorUnitDigits
                var scaled = expense.amount.amount
                for _ in 0..<digits { scaled *= 10 }
                var rounded = Decimal()
                NSDecimalRound(&rounded, &scaled, 0, .plain)
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO actuals (date, category, trip, amountMinor, currency, note, receipt, sourceFile, line)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        expense.date.description, expense.category, expense.trip,
                        NSDecimalNumber(decimal: rounded).int64Value,
                        expense.amount.currency.rawValue, expense.note, expense.receipt, sourceFile, expense.line,
                    ])
                added += db.changesCount
            }
            return added
        }
    }

    /// Every recorded expense, by date.
    public func actuals() throws -> [ActualExpense] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM actuals ORDER BY date, id").map { row in
                let currency = CurrencyCode(row["currency"] as String)
                var amount = Decimal(row["amountMinor"] as Int64)
                for _ in 0..<currency.minorUnitDigits { amount /= 10 }
                return ActualExpense(
                    date: CalendarDate(iso: row["date"]) ?? CalendarDate(year: 1970, month: 1, day: 1),
                    category: row["category"],
                    trip: row["trip"], amount: Money(amount: amount, currency: currency), note: row["note"],
                    receipt: row["receipt"],
                    line: row["line"])
            }
        }
    }
}
