import Foundation
import GRDB
import TourPlannerCore

/// What recording an actuals file did.
public struct ActualsRecordResult: Hashable, Sendable, Codable {
    /// Rows new to the tour.
    public var added: Int = 0
    /// Rows recorded before (same content and occurrence), left as they are (edits kept).
    public var alreadyRecorded: Int = 0
    /// Rows deleted earlier with `budget actuals delete`, not brought back.
    public var deletedEarlier: Int = 0
    /// Rows recorded before tours existed, now assigned to this tour.
    public var claimed: Int = 0
}

extension TourDatabase {
    /// Stores actual expenses in one transaction. An expense is matched by tour and identity
    /// (`ActualExpense.identityKey`): a row recorded before is skipped, a deleted one stays
    /// deleted, and one recorded before tours existed (tour "") is assigned to the tour.
    public func recordActuals(_ expenses: [ActualExpense]) throws -> ActualsRecordResult {
        try writer.write { db in
            var result = ActualsRecordResult()
            for expense in expenses {
                let key = expense.identityKey
                if let deleted = try Bool.fetchOne(
                    db, sql: "SELECT isDeleted FROM actuals WHERE tour = ? AND identityKey = ?",
                    arguments: [expense.tour, key])
                {
                    if deleted { result.deletedEarlier += 1 } else { result.alreadyRecorded += 1 }
                    continue
                }
                try db.execute(
                    sql: """
                        UPDATE actuals SET tour = ?, budgetCurrency = ?, rate = ?
                        WHERE id = (SELECT id FROM actuals WHERE tour = '' AND identityKey = ? ORDER BY id LIMIT 1)
                        """,
                    arguments: [expense.tour, expense.budgetCurrency?.rawValue, expense.rate.map(Self.text), key])
                if db.changesCount > 0 {
                    result.claimed += 1
                    continue
                }
                try db.execute(
                    sql: """
                        INSERT INTO actuals (tour, date, category, trip, amountMinor, currency, budgetCurrency, rate,
                            note, receipt, sourceFile, line, occurrence, identityKey)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        expense.tour, expense.date.description, expense.category, expense.trip,
                        expense.amount.minorUnits, expense.amount.currency.rawValue, expense.budgetCurrency?.rawValue,
                        expense.rate.map(Self.text), expense.note, expense.receipt, expense.sourceFile, expense.line,
                        expense.occurrence, key,
                    ])
                result.added += 1
            }
            return result
        }
    }

    /// Recorded expenses (not deleted) by date and id; only `tour`'s when given.
    public func actuals(tour: String? = nil) throws -> [ActualExpense] {
        try writer.read { db in
            let rows =
                if let tour {
                    try Row.fetchAll(
                        db, sql: "SELECT * FROM actuals WHERE NOT isDeleted AND tour = ? ORDER BY date, id",
                        arguments: [tour])
                } else {
                    try Row.fetchAll(db, sql: "SELECT * FROM actuals WHERE NOT isDeleted ORDER BY date, id")
                }
            return try rows.map(Self.expense)
        }
    }

    /// One recorded expense, or nil when there is none with that id (or it was deleted).
    public func actual(id: ExpenseID) throws -> ActualExpense? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM actuals WHERE id = ? AND NOT isDeleted", arguments: [id.rawValue])
                .map(Self.expense)
        }
    }

    /// Saves an edited expense (by its id); its identity stays the one it was recorded with.
    ///
    /// - Throws: `BudgetError` when the id is unknown.
    public func updateActual(_ expense: ActualExpense) throws {
        guard let id = expense.id else { throw Self.unknown(nil) }
        try writer.write { db in
            if let twin = try Int64.fetchOne(
                db,
                sql: """
                    SELECT other.id FROM actuals AS other JOIN actuals AS this ON this.id = ?
                    WHERE other.tour = ? AND other.identityKey = this.identityKey AND other.id <> this.id
                    """, arguments: [id.rawValue, expense.tour])
            {
                throw BudgetError(
                    file: "expense \(id)", line: nil, key: "--tour",
                    problem: "\"\(expense.tour)\" already has the same expense as \(ExpenseID(rawValue: twin))",
                    hint: "delete one of them (`tourplan budget actuals delete ID`) instead of moving it")
            }
            try db.execute(
                sql: """
                    UPDATE actuals SET tour = ?, date = ?, category = ?, trip = ?, amountMinor = ?, currency = ?,
                        budgetCurrency = ?, rate = ?, note = ?, receipt = ?
                    WHERE id = ? AND NOT isDeleted
                    """,
                arguments: [
                    expense.tour, expense.date.description, expense.category, expense.trip, expense.amount.minorUnits,
                    expense.amount.currency.rawValue, expense.budgetCurrency?.rawValue, expense.rate.map(Self.text),
                    expense.note, expense.receipt, id.rawValue,
                ])
            if db.changesCount == 0 { throw Self.unknown(id) }
        }
    }

    /// Deletes expenses (all or none). A tombstone stays, so re-importing their file does not
    /// record them again.
    ///
    /// - Returns: the deleted expenses.
    /// - Throws: `BudgetError` naming the first unknown id.
    public func deleteActuals(_ ids: [ExpenseID]) throws -> [ActualExpense] {
        try writer.write { db in
            var deleted: [ActualExpense] = []
            for id in ids {
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT * FROM actuals WHERE id = ? AND NOT isDeleted", arguments: [id.rawValue])
                else { throw Self.unknown(id) }
                deleted.append(try Self.expense(row))
                try db.execute(sql: "UPDATE actuals SET isDeleted = 1 WHERE id = ?", arguments: [id.rawValue])
            }
            return deleted
        }
    }

    static func unknown(_ id: ExpenseID?) -> BudgetError {
        BudgetError(
            file: "expense \(id.map(\.description) ?? "")", line: nil, key: "", problem: "is not a recorded expense",
            hint: "see the ids with `tourplan budget actuals list`")
    }

    static func text(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }

    static func expense(_ row: Row) throws -> ActualExpense {
        let currency = CurrencyCode(row["currency"] as String)
        let dateText: String = row["date"]
        let id = ExpenseID(rawValue: row["id"])
        guard let date = CalendarDate(iso: dateText) else {
            throw BudgetError(
                file: "expense \(id)", line: nil, key: "date", problem: "\"\(dateText)\" in the store is not a date",
                hint: "fix it with `tourplan budget actuals edit \(id.rawValue) --date YYYY-MM-DD`")
        }
        let rateText: String? = row["rate"]
        var rate: Decimal?
        if let rateText {
            guard let value = Decimal(string: rateText, locale: Locale(identifier: "en_US_POSIX")) else {
                throw BudgetError(
                    file: "expense \(id)", line: nil, key: "rate",
                    problem: "\"\(rateText)\" in the store is not a rate",
                    hint: "fix it with `tourplan budget actuals edit \(id.rawValue) --rate RATE`")
            }
            rate = value
        }
        return ActualExpense(
            id: id, tour: row["tour"], date: date, category: row["category"], trip: row["trip"],
            amount: Money(minorUnits: row["amountMinor"], currency: currency),
            budgetCurrency: (row["budgetCurrency"] as String?).map(CurrencyCode.init(rawValue:)), rate: rate,
            note: row["note"], receipt: row["receipt"], sourceFile: row["sourceFile"], line: row["line"],
            occurrence: row["occurrence"])
    }
}
