import Foundation
import TourPlannerCore

/// The fields `tourplan budget actuals edit ID` changes, as typed; nil leaves a field as it is.
public struct ActualExpenseChange: Hashable, Sendable {
    /// New tour (`--tour`); must not be empty.
    package var tour: String?
    /// New date (`--date`), `YYYY-MM-DD`.
    package var date: String?
    /// New category (`--category`), one of ``ActualExpense/categories``.
    package var category: String?
    /// New trip text (`--trip`).
    package var trip: String?
    /// New amount (`--amount`), a decimal with at most the currency's minor-unit digits.
    package var amount: String?
    /// New currency paid (`--currency`), an ISO 4217 code; a change of currency needs a rate.
    package var currency: String?
    /// Budget-currency units per unit paid; "" removes the rate.
    package var rate: String?
    /// The currency the rate converts to (`--budget-currency`), for expenses recorded before rates existed.
    package var budgetCurrency: String?
    /// New note (`--note`).
    package var note: String?
    /// New receipt (`--receipt`), normalized like an imported cell (``ActualExpense/normalizedReceipt(_:)``).
    package var receipt: String?

    /// Creates a change; every field left nil stays as it is.
    public init(
        tour: String? = nil, date: String? = nil, category: String? = nil, trip: String? = nil,
        amount: String? = nil, currency: String? = nil, rate: String? = nil, budgetCurrency: String? = nil,
        note: String? = nil, receipt: String? = nil
    ) {
        self.tour = tour
        self.date = date
        self.category = category
        self.trip = trip
        self.amount = amount
        self.currency = currency
        self.rate = rate
        self.budgetCurrency = budgetCurrency
        self.note = note
        self.receipt = receipt
    }

    /// Whether no field is changed.
    package var isEmpty: Bool { self == ActualExpenseChange() }

    /// The expense with the changes, checked like an imported row. Its identity (the key a
    /// re-import matches) stays the one it was recorded with, so re-importing the original
    /// file does not bring the old version back.
    ///
    /// - Throws: `BudgetError` naming the expense, the flag and the value.
    package func applied(to expense: ActualExpense) throws -> ActualExpense {
        var changed = expense
        var flag = ""
        var value = ""
        func take(_ name: String, _ text: String?) -> String? {
            if let text {
                flag = name
                value = text
            }
            return text?.trimmingCharacters(in: .whitespaces)
        }
        do throws(ActualExpense.FieldProblem) {
            if let text = take("--tour", tour) {
                guard !text.isEmpty else {
                    throw ActualExpense.FieldProblem(problem: "is empty", hint: "name the tour, e.g. --tour west-coast")
                }
                changed.tour = text
            }
            if let text = take("--date", date) { changed.date = try ActualExpense.parseDate(text) }
            if let text = take("--category", category) { changed.category = try ActualExpense.parseCategory(text) }
            if let text = take("--trip", trip) { changed.trip = text }
            if let text = take("--amount", amount) {
                changed.amount = Money(amount: try ActualExpense.parseAmount(text), currency: changed.amount.currency)
            }
            if let text = take("--currency", currency) {
                changed.amount.currency = try ActualExpense.parseCurrency(text)
            }
            if let text = take("--budget-currency", budgetCurrency) {
                changed.budgetCurrency = try ActualExpense.parseCurrency(text)
            }
            if amount != nil || currency != nil {
                if amount == nil { _ = take("--currency", currency) } else { _ = take("--amount", amount) }
                try ActualExpense.checkMinorUnits(changed.amount.amount, changed.amount.currency)
            }
            if let text = take("--note", note) { changed.note = text }
            if let text = take("--receipt", receipt) { changed.receipt = ActualExpense.normalizedReceipt(text) }
            if rate != nil || currency != nil || budgetCurrency != nil {
                let budget = changed.budgetCurrency ?? changed.amount.currency
                var given: Decimal? = nil
                if let text = take("--rate", rate), !text.isEmpty { given = try ActualExpense.parseRate(text) }
                let unchanged = changed.amount.currency == expense.amount.currency && budget == expense.budgetCurrency
                if rate == nil {
                    flag = budgetCurrency != nil ? "--budget-currency" : "--currency"
                    value = flag == "--currency" ? changed.amount.currency.rawValue : budget.rawValue
                }
                changed.rate = try ActualExpense.rate(
                    paid: changed.amount.currency, budget: budget,
                    cell: rate == nil && unchanged ? expense.rate : given, options: [:])
                changed.budgetCurrency = budget
            }
        } catch {
            throw BudgetError(
                file: "expense \(expense.id.map(\.description) ?? "")", line: nil, key: flag,
                problem: "\"\(value)\" \(error.problem)", hint: error.hint)
        }
        return changed
    }
}
