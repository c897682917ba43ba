import Foundation
import OrderedCollections
import TourPlannerCore

/// Plan against actual spending, per budget line (category), for one tour.
public struct BudgetVariance: Hashable, Sendable, Codable {
    /// One budget line (category) with its planned and actual amounts, in the budget's currency.
    public struct Line: Hashable, Sendable, Codable {
        /// The category: the budget's lines in order, then categories that only have expenses.
        public var category: String
        /// The budgeted amount of the category.
        public var planned: Money
        /// The sum of the tour's converted expenses in the category.
        public var actual: Money
        /// actual − planned (positive: over budget).
        public var variance: Money
    }
    /// An expense whose receipt is missing, and whether an accountable plan requires it.
    public struct MissingReceipt: Hashable, Sendable, Codable {
        /// The expense.
        package var expense: ActualExpense
        /// The amount in the budget's currency.
        package var amount: Money
        /// True when an accountable plan requires its receipt: lodging always, other items from 75 in the budget's
        /// currency.
        public var isRequired: Bool
    }
    /// The tour compared (the template's file name without `.toml` unless `--tour`).
    public var tour: String
    /// One line per category, in budget order.
    public var lines: [Line]
    /// The budget's total.
    public var plannedTotal: Money
    /// The sum of the tour's converted expenses.
    public var actualTotal: Money
    /// actual − planned (positive: over budget).
    public var variance: Money
    /// Expenses still without a receipt, those an accountable plan requires first.
    public var missingReceipts: [MissingReceipt]
    /// The tour's expenses that cannot be converted to the budget's currency (no rate for it):
    /// not counted above until `budget actuals edit ID --rate …` gives one.
    public var unconverted: [ActualExpense]
    /// Expenses recorded before tours existed (tour ""): counted for no tour until assigned.
    public var unassigned: [ActualExpense]

    /// Compares the report with `tour`'s expenses, converted to the report's currency at the
    /// rate recorded with each expense. Expenses of other tours are left out.
    public static func make(report: BudgetReport, actuals: [ActualExpense], tour: String) -> BudgetVariance {
        let currency = report.currency
        let mine = actuals.filter { $0.tour == tour }
        var converted: [(expense: ActualExpense, amount: Money)] = []
        var unconverted: [ActualExpense] = []
        for expense in mine {
            if let amount = expense.amount(in: currency) {
                converted.append((expense, amount))
            } else {
                unconverted.append(expense)
            }
        }
        // The budget's categories in its order, then those only the actuals have, in first-seen order.
        var categories = report.lines.map(\.category)
        let budgeted = Set(categories)
        var unbudgeted = OrderedSet<String>()
        for item in converted where !budgeted.contains(item.expense.category) {
            unbudgeted.append(item.expense.category)
        }
        categories += unbudgeted
        let zero = Money(amount: 0, currency: currency)
        let lines = categories.map { category -> Line in
            let planned = report.lines.filter { $0.category == category }.reduce(zero) { $0 + $1.amount }
            let actual = converted.filter { $0.expense.category == category }.reduce(zero) { $0 + $1.amount }
            return Line(category: category, planned: planned, actual: actual, variance: actual - planned)
        }
        let planned = lines.reduce(zero) { $0 + $1.planned }
        let actual = lines.reduce(zero) { $0 + $1.actual }
        let missing = converted.filter { !$0.expense.hasReceipt }.map {
            MissingReceipt(
                expense: $0.expense, amount: $0.amount,
                isRequired: $0.expense.isReceiptRequired(amountInBudget: $0.amount))
        }.sorted {
            ($0.isRequired ? 0 : 1, $0.expense.date, $0.expense.id?.rawValue ?? 0)
                < ($1.isRequired ? 0 : 1, $1.expense.date, $1.expense.id?.rawValue ?? 0)
        }
        return BudgetVariance(
            tour: tour, lines: lines, plannedTotal: planned, actualTotal: actual, variance: actual - planned,
            missingReceipts: missing, unconverted: unconverted, unassigned: actuals.filter { $0.tour.isEmpty })
    }

    /// Whether there is anything to show: expenses of the tour, or unassigned ones.
    package var isEmpty: Bool {
        lines.allSatisfy { $0.actual.amount == 0 } && unconverted.isEmpty && unassigned.isEmpty
            && missingReceipts.isEmpty
    }
}
