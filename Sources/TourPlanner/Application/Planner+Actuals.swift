package import Foundation

extension Planner {
    /// Records a treasurer's expenses file, all or nothing: re-recording a file adds only what is new.
    ///
    /// - Parameters:
    ///   - query: the expenses file, its currency and rates.
    ///   - openStore: opens (or creates) the store once the file has been read without error,
    ///     so a bad file creates nothing; nil: the planner's store.
    ///   - existingStore: the store if there is one, never created, where a target naming only a
    ///     tour finds its saved budget template's currency; nil: the planner's store.
    /// - Returns: the rows read and how many were new, already recorded, deleted earlier or claimed.
    /// - Throws: `PlannerError` for an unknown currency, a conflicting `--currency`, a rate given twice
    ///   or no store; `ActualsImportError` naming every bad row; `BudgetError` for a bad template.
    public func recordActuals(
        _ query: RecordActualsQuery, openStore: (() throws -> TourDatabase)? = nil,
        existingStore: (() throws -> TourDatabase?)? = nil
    ) async throws -> ActualsRecordReport {
        let (tour, currency, rates) = try resolve(query.target) { tour in
            guard let store = try existingStore?() ?? self.store else {
                throw PlannerError(
                    "tour \"\(tour)\" is not a saved tour (there is no store yet), so its currency is unknown",
                    hint: "give --currency CODE, or --budget TEMPLATE")
            }
            return try Self.savedTourCurrency(tour, in: store, missingHint: "give --currency CODE, or ")
        }
        let expenses = try ActualExpense.parseCSV(
            path: query.file, fileName: query.file, tour: tour, budgetCurrency: currency, rates: rates)
        let result = try (openStore?() ?? requireStore()).recordActuals(expenses)
        return ActualsRecordReport(
            file: query.file, tour: tour, read: expenses.count, result: result,
            withoutReceipt: expenses.filter { !$0.hasReceipt }.count)
    }

    /// The recorded expenses, all or one tour's.
    ///
    /// - Throws: `PlannerError` when there is no store; the store's errors.
    public func actuals(tour: String?) async throws -> ActualsListReport {
        ActualsListReport(expenses: try requireStore().actuals(tour: tour))
    }

    /// Records one expense for saved tour `tour` (`addExpenseBlocking(tour:fields:source:)`, which
    /// the web app runs on its write threads).
    ///
    /// - Throws: as `addExpenseBlocking(tour:fields:source:)`.
    package func addExpense(
        tour: String, fields: ActualExpenseChange, source: String = "web"
    ) async throws -> ActualsChangeReport {
        try addExpenseBlocking(tour: tour, fields: fields, source: source)
    }

    /// Keeps an uploaded receipt and records it as expense `id`'s
    /// (`attachReceiptBlocking(_:to:in:)`, which the web app runs on its write threads).
    ///
    /// - Throws: as `attachReceiptBlocking(_:to:in:)`.
    package func attachReceipt(_ data: Data, to id: ExpenseID, in receipts: ReceiptStore) async throws
        -> ActualsChangeReport
    {
        try attachReceiptBlocking(data, to: id, in: receipts)
    }

    /// Corrects one recorded expense with the fields `change` gives (`editActualBlocking(_:change:)`).
    ///
    /// - Throws: `PlannerError` when there is no such expense or store; `BudgetError` for a bad field.
    public func editActual(_ id: ExpenseID, change: ActualExpenseChange) async throws -> ActualsChangeReport {
        try editActualBlocking(id, change: change)
    }

    /// Corrects one recorded expense with the fields `change` gives, on the caller's thread (a
    /// store write, which may wait for another connection's write lock).
    ///
    /// - Throws: `PlannerError` when there is no such expense or store; `BudgetError` for a bad field.
    public func editActualBlocking(_ id: ExpenseID, change: ActualExpenseChange) throws -> ActualsChangeReport {
        let store = try requireStore()
        guard let expense = try store.actual(id: id) else {
            throw PlannerError(
                "expense \(id) is not a recorded expense", hint: "see the ids with `tourplan budget actuals list`")
        }
        let edited = try change.applied(to: expense)
        try store.updateActual(edited)
        return ActualsChangeReport(action: .updated, expenses: [edited])
    }

    /// Deletes recorded expenses, all or none; re-recording their file does not bring them back.
    ///
    /// - Throws: `PlannerError` when there is no store; the store's error naming an unknown id.
    public func deleteActuals(_ ids: [ExpenseID]) async throws -> ActualsChangeReport {
        try deleteActualsBlocking(ids)
    }

    /// Deletes recorded expenses, all or none, on the caller's thread (a store write).
    ///
    /// - Throws: `PlannerError` when there is no store; the store's error naming an unknown id.
    package func deleteActualsBlocking(_ ids: [ExpenseID]) throws -> ActualsChangeReport {
        ActualsChangeReport(action: .deleted, expenses: try requireStore().deleteActuals(ids))
    }

    /// What deleting expenses with their receipt files did: the deleted expenses, and the
    /// receipt files that stay on disk because removing them failed.
    public struct ActualsDeletion: Sendable {
        /// The deleted expenses.
        public var report: ActualsChangeReport
        /// Each receipt file that could not be removed: the expense it belonged to and why.
        public var unremovedReceipts: [(expense: ExpenseID?, error: ReceiptError)]
    }

    /// Deletes recorded expenses, all or none, then (once the deletion is committed) removes from
    /// `receipts` the uploaded receipt files that no remaining expense refers to. A file that
    /// cannot be removed does not undo the deletion: it is listed in the answer for the caller
    /// to log.
    ///
    /// - Throws: `PlannerError` when there is no store; the store's error naming an unknown id
    ///   (then nothing is deleted and no file is touched).
    public func deleteActualsBlocking(_ ids: [ExpenseID], receipts: ReceiptStore?) throws -> ActualsDeletion {
        let store = try requireStore()
        let report = try deleteActualsBlocking(ids)
        var deletion = ActualsDeletion(report: report, unremovedReceipts: [])
        guard let receipts else { return deletion }
        let stored = report.expenses.filter { ReceiptStore.isStoredName($0.receipt) }
        guard !stored.isEmpty else { return deletion }
        let stillReferenced = Set(try store.actuals().map(\.receipt))
        for expense in stored where !stillReferenced.contains(expense.receipt) {
            do {
                try receipts.remove(expense.receipt)
            } catch let error as ReceiptError {
                deletion.unremovedReceipts.append((expense.id, error))
            }
        }
        return deletion
    }

    /// Brings back deleted expenses (all or none) as they were when deleted. An uploaded receipt
    /// file removed with the deletion is gone: that expense comes back with its receipt missing
    /// (upload it again), and the report says so.
    ///
    /// - Throws: `PlannerError` when there is no store; the store's error naming an id that is
    ///   not a deleted expense (then nothing is restored).
    public func restoreActuals(_ ids: [ExpenseID]) async throws -> ActualsChangeReport {
        try restoreActualsBlocking(ids, receipts: nil)
    }

    /// `restoreActuals` on the caller's thread (a store write); `receipts` (or the folder beside
    /// the store) tells which uploaded receipt files are still there.
    ///
    /// - Throws: as `restoreActuals`.
    public func restoreActualsBlocking(_ ids: [ExpenseID], receipts: ReceiptStore?) throws -> ActualsChangeReport {
        let store = try requireStore()
        let folder = receipts ?? ReceiptStore.beside(store)
        var gone: [String] = []
        let restored = try store.restoreActuals(ids) { name in
            guard ReceiptStore.isStoredName(name) else { return false }
            let missing = (try? folder?.read(name)) == nil
            if missing { gone.append(name) }
            return missing
        }
        var report = ActualsChangeReport(action: .restored, expenses: restored)
        report.receiptsGone = gone.count
        return report
    }

    /// The target's tour, budget currency and rates.
    func resolve(_ target: ActualsTarget, savedCurrency: (String) throws -> CurrencyCode) throws -> (
        tour: String, currency: CurrencyCode, rates: [CurrencyCode: Decimal]
    ) {
        let currency: CurrencyCode
        if let text = target.currency {
            guard let code = CurrencyCode.parse(text) else {
                throw PlannerError(
                    "--currency \"\(text)\" is not an ISO 4217 currency code", hint: CurrencyCode.hint(forUnknown: text)
                )
            }
            currency = code
            if let budget = target.budgetPath {
                let fromBudget = try BudgetTemplate.parse(PlannerFiles.budgetTemplate(budget), fileName: budget)
                    .currency
                guard fromBudget == code else {
                    throw PlannerError(
                        "--currency \(code) differs from \(budget)'s currency \(fromBudget)",
                        hint: "leave out --currency; the budget's currency is used")
                }
            }
        } else if let budget = target.budgetPath {
            currency = try BudgetTemplate.parse(PlannerFiles.budgetTemplate(budget), fileName: budget).currency
        } else if let tour = target.tour {
            currency = try savedCurrency(tour)
        } else {
            throw PlannerError(
                "give --budget TEMPLATE, or --tour NAME (a saved tour) with or without --currency CODE",
                hint: "the budget's currency converts every expense")
        }
        var rates: [CurrencyCode: Decimal] = [:]
        for text in target.rates {
            let (code, value) = try ActualExpense.parseRateOption(text)
            if let earlier = rates[code], earlier != value {
                throw PlannerError(
                    "--rate \(code) is given twice (\(earlier) and \(value))", hint: "give one rate per currency")
            }
            rates[code] = value
        }
        let tour = target.tour ?? target.budgetPath.map(ActualExpense.defaultTour(forTemplate:)) ?? ""
        return (tour, currency, rates)
    }

    /// The currency of saved tour `tour`'s budget template.
    ///
    /// - Parameters:
    ///   - tour: the saved tour's name.
    ///   - store: the store it is saved in.
    ///   - missingHint: what the hint offers before saving a template (e.g. "give --currency
    ///     CODE, or "), when the tour or its template is missing.
    /// - Returns: the currency of its saved budget template.
    /// - Throws: `PlannerError` for a tour that is not saved or has no template; `BudgetError`
    ///   when the saved template no longer parses.
    static func savedTourCurrency(_ tour: String, in store: TourDatabase, missingHint: String = "") throws
        -> CurrencyCode
    {
        guard let saved = try store.savedTour(named: tour) else {
            throw PlannerError(
                "tour \"\(tour)\" is not a saved tour",
                hint: "\(missingHint)save its budget with `tourplan budget TEMPLATE --save \(tour)`; "
                    + "`tourplan tour list` shows the saved tours")
        }
        guard let text = saved.templateText else {
            throw PlannerError(
                "tour \"\(tour)\" has no saved budget template, so its currency is unknown",
                hint: "\(missingHint)save one with `tourplan budget TEMPLATE --save \(tour)`")
        }
        return try BudgetTemplate.parse(text, fileName: saved.templateFile ?? "tour \(tour)").currency
    }
}
