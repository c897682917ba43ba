import Foundation

/// Recorded expenses (`Planner.actuals(tour:)`), with their ids for edit and delete.
public struct ActualsListReport: RenderableReport, Hashable {
    /// The expenses, in the store's order.
    public var expenses: [ActualExpense]

    /// Table, Markdown, CSV (spreadsheet-safe), JSON.
    public static let formats: [OutputFormat] = [.table, .markdown, .csv, .json]

    /// The expenses in `format`.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(expenses)
        case .csv: return CSVWriter.render(header: Self.header, rows: expenses.map(Self.cells))
        case .markdown:
            let rows = expenses.map(Self.cells).map { row in
                "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
            }
            return
                ([
                    "| " + Self.header.joined(separator: " | ") + " |", "|" + Self.header.map { _ in "---|" }.joined(),
                ] + rows).joined(separator: "\n")
        case .table:
            if expenses.isEmpty { return "No expenses recorded (add some with `tourplan budget actuals add FILE`)." }
            var table = TextTable(Self.header)
            for expense in expenses { table.add(Self.cells(expense)) }
            let missing = expenses.filter { !$0.hasReceipt }.count
            return table.render() + "\n\(expenses.count) expenses, \(missing) without a receipt."
        case .html, .ics, .geojson: throw unsupported(format)
        }
    }

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
}
