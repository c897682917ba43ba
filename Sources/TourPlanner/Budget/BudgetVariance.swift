import Foundation

/// Plan against actual spending, per budget line (category).
public struct BudgetVariance: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var category: String
        public var planned: Money
        public var actual: Money
        /// actual − planned (positive: over budget).
        public var variance: Money
    }
    public var lines: [Line]
    public var plannedTotal: Money
    public var actualTotal: Money
    public var variance: Money
    /// Expenses still without a receipt (those an accountable plan requires first).
    public var missingReceipts: [ActualExpense]

    /// Compares.
    ///
    /// - Throws: `BudgetError` when an expense is in another currency than the budget.
    public static func make(report: BudgetReport, actuals: [ActualExpense]) throws -> BudgetVariance {
        let currency = report.currency
        for expense in actuals where expense.amount.currency != currency {
            throw BudgetError(
                file: "actuals", line: expense.line, key: "currency",
                problem: "\(expense.amount.currency) differs from the budget's \(currency)",
                hint: "convert the expense to \(currency) at the rate you paid and record it again")
        }
        var categories = report.lines.map(\.category)
        for expense in actuals where !categories.contains(expense.category) { categories.append(expense.category) }
        let zero = Money(amount: 0, currency: currency)
        let lines = categories.map { category -> Line in
            let planned = report.lines.filter { $0.category == category }.reduce(zero) { $0 + $1.amount }
            let actual = actuals.filter { $0.category == category }.reduce(zero) { $0 + $1.amount.rounded }
            return Line(category: category, planned: planned, actual: actual, variance: actual - planned)
        }
        let planned = lines.reduce(zero) { $0 + $1.planned }
        let actual = lines.reduce(zero) { $0 + $1.actual }
        let missing = actuals.filter { $0.receipt.isEmpty }.sorted {
            ($0.receiptRequired ? 0 : 1, $0.date) < ($1.receiptRequired ? 0 : 1, $1.date)
        }
        return BudgetVariance(
            lines: lines, plannedTotal: planned, actualTotal: actual, variance: actual - planned,
            missingReceipts: missing)
    }
}
