import Foundation
import Testing

@testable import TourPlanner

@Suite("Budget variance: categories")
struct BudgetVarianceCategoryTests {
    @Test("actuals outside the budget's lines follow them once each, in the order first spent")
    func unbudgetedCategoriesInFirstSeenOrder() throws {
        // Given a budget with no "other" or "parking" line, and actuals other, parking, other, fuel
        let report = BudgetCalculator.report(
            template: try BudgetTemplate.parse(BudgetTests.minimal, fileName: "t.toml"), plan: nil)
        let budgeted = report.lines.map(\.category)
        #expect(!budgeted.contains("other") && !budgeted.contains("parking") && budgeted.contains("fuel"))
        func expense(_ category: String, _ dollars: Decimal, line: Int) -> ActualExpense {
            ActualExpense(
                tour: "west", date: CalendarDate(year: 2014, month: 6, day: 7), category: category, trip: "",
                amount: Money(amount: dollars, currency: .usd), budgetCurrency: .usd, rate: nil, note: "",
                receipt: "R-\(line)", sourceFile: "a.csv", line: line)
        }
        let actuals =
            [expense("other", 5, line: 2), expense("parking", 7, line: 3), expense("other", 3, line: 4)]
            + [expense("fuel", 20, line: 5)]
        // When the variance is made
        let variance = BudgetVariance.make(report: report, actuals: actuals, tour: "west")
        // Then the budget's lines come first, then "other" ($5 + $3) and "parking" ($7), each once
        #expect(variance.lines.map(\.category) == budgeted + ["other", "parking"])
        #expect(variance.lines.first { $0.category == "other" }?.actual.amount == 8)
        #expect(variance.lines.first { $0.category == "parking" }?.variance.amount == 7)
    }
}
