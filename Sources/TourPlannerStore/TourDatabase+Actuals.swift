import Foundation
import GRDB
import TourPlannerCore

/// What recording an actuals file did.
package struct ActualsRecordResult: Hashable, Sendable, Codable {
    /// Rows new to the tour.
    package var added: Int = 0
    /// Rows recorded before (same content and occurrence), left as they are (edits kept).
    package var alreadyRecorded: Int = 0
    /// Rows deleted earlier with `budget actuals delete`, not brought back.
    package var deletedEarlier: Int = 0
    /// Rows recorded before tours existed, now assigned to this tour.
    package var claimed: Int = 0
}

extension TourDatabase {
    /// Stores actual expenses in one transaction. An expense is matched by tour and identity
    /// (`ActualExpense.identityKey`): a row recorded before is skipped, a deleted one stays
    /// deleted, and one recorded before tours existed (tour "") is assigned to the tour.
    package func recordActuals(_ expenses: [ActualExpense]) throws -> ActualsRecordResult {
        try writer.write { db in
            var result = ActualsRecordResult()
            for expense in expenses {
                let key = expense.identityKey
                if let deleted = try Bool.fetchOne(
                    db,
                    ActualRecord.filter(
                        ActualRecord.Columns.tour == expense.tour && ActualRecord.Columns.identityKey == key
                    )
                    .select(ActualRecord.Columns.isDeleted))
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
                var record = ActualRecord(expense)
                try record.insert(db)
                result.added += 1
            }
            return result
        }
    }

    /// Recorded expenses (not deleted) by date and id; only `tour`'s when given.
    package func actuals(tour: String? = nil) throws -> [ActualExpense] {
        try writer.read { db in
            var request = ActualRecord.filter(!ActualRecord.Columns.isDeleted)
            if let tour { request = request.filter(ActualRecord.Columns.tour == tour) }
            return try request.order(ActualRecord.Columns.date, ActualRecord.Columns.id).fetchAllStored(db).map {
                try $0.expense()
            }
        }
    }

    /// One recorded expense, or nil when there is none with that id (or it was deleted).
    public func actual(id: ExpenseID) throws -> ActualExpense? {
        try writer.read { db in
            try ActualRecord.filter(key: id.rawValue).filter(!ActualRecord.Columns.isDeleted).fetchOneStored(db)?
                .expense()
        }
    }

    /// Saves an edited expense (by its id); its identity stays the one it was recorded with.
    ///
    /// - Throws: `PlannerError` when the id is unknown; `BudgetError` when the tour it moves to
    ///   already has the same expense.
    package func updateActual(_ expense: ActualExpense) throws {
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
    /// An id given twice is deleted once.
    ///
    /// - Returns: the deleted expenses.
    /// - Throws: `PlannerError` naming the first id that is unknown or already deleted.
    package func deleteActuals(_ ids: [ExpenseID]) throws -> [ActualExpense] {
        try writer.write { db in
            var deleted: [ActualExpense] = []
            for id in Self.once(ids) {
                let live = ActualRecord.filter(key: id.rawValue).filter(!ActualRecord.Columns.isDeleted)
                guard let record = try live.fetchOneStored(db) else {
                    guard try ActualRecord.filter(key: id.rawValue).fetchCount(db) > 0 else { throw Self.unknown(id) }
                    throw PlannerError(
                        "expense \(id) is already deleted",
                        hint: "`tourplan budget actuals restore \(id.rawValue)` brings it back")
                }
                deleted.append(try record.expense())
                try live.updateAll(db, ActualRecord.Columns.isDeleted.set(to: true))
            }
            return deleted
        }
    }

    /// Brings back deleted expenses (all or none) as they were when deleted; a receipt file
    /// removed with the deletion is no longer there, so `receiptGone` names the receipts to
    /// mark missing (their expense is restored with "" as its receipt).
    ///
    /// An id given twice is restored once.
    ///
    /// - Returns: the restored expenses.
    /// - Throws: `PlannerError` naming the first id that is not a deleted expense.
    package func restoreActuals(_ ids: [ExpenseID], receiptGone: (String) -> Bool = { _ in false }) throws
        -> [ActualExpense]
    {
        try writer.write { db in
            var restored: [ActualExpense] = []
            for id in Self.once(ids) {
                let tombstone = ActualRecord.filter(key: id.rawValue).filter(ActualRecord.Columns.isDeleted)
                guard let record = try tombstone.fetchOneStored(db) else {
                    let live = try ActualRecord.filter(key: id.rawValue).fetchCount(db) > 0
                    throw live
                        ? PlannerError("expense \(id) is not deleted", hint: "only a deleted expense can be restored")
                        : Self.unknown(id)
                }
                var expense = try record.expense()
                var assignments = [ActualRecord.Columns.isDeleted.set(to: false)]
                if !expense.receipt.isEmpty && receiptGone(expense.receipt) {
                    expense.receipt = ""
                    assignments.append(ActualRecord.Columns.receipt.set(to: ""))
                }
                try tombstone.updateAll(db, assignments)
                restored.append(expense)
            }
            return restored
        }
    }

    static func unknown(_ id: ExpenseID?) -> PlannerError {
        PlannerError(
            "expense \(id.map(\.description) ?? "without an id") is not a recorded expense",
            hint: "see the ids with `tourplan budget actuals list`")
    }

    /// `ids` in order, each once.
    static func once(_ ids: [ExpenseID]) -> [ExpenseID] {
        var seen: Set<ExpenseID> = []
        return ids.filter { seen.insert($0).inserted }
    }

    static func text(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }

}

extension ActualRecord {
    /// A new row for `expense` (not deleted; its identity computed once, here).
    init(_ expense: ActualExpense) {
        id = nil
        tour = expense.tour
        date = expense.date.description
        category = expense.category
        trip = expense.trip
        amountMinor = expense.amount.minorUnits
        currency = expense.amount.currency.rawValue
        budgetCurrency = expense.budgetCurrency?.rawValue
        rate = expense.rate.map(TourDatabase.text)
        note = expense.note
        receipt = expense.receipt
        sourceFile = expense.sourceFile
        line = expense.line
        occurrence = expense.occurrence
        identityKey = expense.identityKey
        isDeleted = false
    }

    /// The domain value.
    ///
    /// - Throws: `StoreDecodingError` naming the expense and the column that does not decode.
    func expense() throws -> ActualExpense {
        let key = id.map(String.init) ?? "?"
        guard let id else {
            throw Self.invalid("NULL", column: CodingKeys.id.stringValue, rowID: key, problem: "is missing")
        }
        guard let day = CalendarDate(iso: date) else {
            throw Self.invalid(
                date, column: CodingKeys.date.stringValue, rowID: key, problem: "is not a date (YYYY-MM-DD)",
                hint: "fix it with `tourplan budget actuals edit \(id) --date YYYY-MM-DD`")
        }
        guard ActualExpense.categories.contains(category) else {
            throw Self.invalid(
                category, column: CodingKeys.category.stringValue, rowID: key,
                problem: "is not a budget category (\(ActualExpense.categories.joined(separator: ", ")))",
                hint: "fix it with `tourplan budget actuals edit \(id) --category CATEGORY`")
        }
        for (column, code) in [(CodingKeys.currency, currency), (.budgetCurrency, budgetCurrency)] {
            if let code, !CurrencyCode(rawValue: code).isISO4217 {
                throw Self.invalid(
                    code, column: column.stringValue, rowID: key, problem: "is not an ISO 4217 currency code")
            }
        }
        var parsedRate: Decimal?
        if let rate {
            guard let value = Decimal(string: rate, locale: Locale(identifier: "en_US_POSIX")) else {
                throw Self.invalid(
                    rate, column: CodingKeys.rate.stringValue, rowID: key, problem: "is not a rate (a decimal number)",
                    hint: "fix it with `tourplan budget actuals edit \(id) --rate RATE`")
            }
            parsedRate = value
        }
        return ActualExpense(
            id: ExpenseID(rawValue: id), tour: tour, date: day, category: category, trip: trip,
            amount: Money(minorUnits: amountMinor, currency: CurrencyCode(currency)),
            budgetCurrency: budgetCurrency.map(CurrencyCode.init(rawValue:)), rate: parsedRate, note: note,
            receipt: receipt, sourceFile: sourceFile, line: line, occurrence: occurrence)
    }
}
