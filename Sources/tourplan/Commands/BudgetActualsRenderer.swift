import Foundation
import TourPlanner

/// Recorded expenses as a table, Markdown, CSV (spreadsheet-safe) or JSON.
enum BudgetActualsRenderer {
    static let header = [
        "id", "tour", "date", "category", "trip", "amount", "currency", "rate", "budgetCurrency", "receipt", "note",
        "source",
    ]

    static func cells(_ expense: ActualExpense) -> [String] {
        [
            expense.id.map { String($0.rawValue) } ?? "", expense.tour.isEmpty ? "(none)" : expense.tour,
            expense.date.description, expense.category, expense.trip, expense.amount.plainText,
            expense.amount.currency.rawValue, expense.rate.map { NSDecimalNumber(decimal: $0).stringValue } ?? "",
            expense.budgetCurrency?.rawValue ?? "", expense.hasReceipt ? expense.receipt : "MISSING", expense.note,
            "\(expense.sourceFile):\(expense.line)",
        ]
    }

    static func list(_ expenses: [ActualExpense], format: BudgetCommand.Format) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.encode(expenses)
        case .csv:
            return CSVWriter.render(header: header, rows: expenses.map(cells))
        case .md:
            let rows = expenses.map(cells).map { row in
                "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
            }
            return (["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---|" }.joined()] + rows)
                .joined(separator: "\n")
        case .table:
            if expenses.isEmpty { return "No expenses recorded (add some with `tourplan budget actuals add FILE`)." }
            var table = TextTable(header)
            for expense in expenses { table.add(cells(expense)) }
            let missing = expenses.filter { !$0.hasReceipt }.count
            return table.render() + "\n\(expenses.count) expenses, \(missing) without a receipt."
        }
    }

    /// "2014-06-07 fuel €10.00 at 1.08 → $10.80, tour west-coast, receipt R-2".
    static func summary(_ expense: ActualExpense) -> String {
        var text = "\(expense.date) \(expense.category) \(expense.amount.formatted)"
        if let rate = expense.rate, let budget = expense.budgetCurrency, let converted = expense.amount(in: budget) {
            text += " at \(NSDecimalNumber(decimal: rate).stringValue) → \(converted.formatted)"
        }
        text += ", tour \(expense.tour.isEmpty ? "(none)" : expense.tour)"
        text += expense.hasReceipt ? ", receipt \(expense.receipt)" : ", receipt missing"
        return text
    }
}
