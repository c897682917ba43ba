import Foundation

/// Expenses edited, deleted or restored (`Planner.editActual(_:change:)`,
/// `Planner.deleteActuals(_:)`, `Planner.restoreActuals(_:)`).
public struct ActualsChangeReport: RenderableReport, Hashable {
    /// What happened to each expense.
    public enum Action: String, Codable, Sendable, Hashable {
        /// The expense was recorded (`Planner.addExpense(tour:fields:source:)`).
        case added
        /// The expense was corrected.
        case updated
        /// The expense was deleted.
        case deleted
        /// The deleted expense was brought back.
        case restored
    }

    /// What happened.
    public var action: Action
    /// The expenses as they now are (edited) or were (deleted).
    public var expenses: [ActualExpense]
    /// Restored expenses whose uploaded receipt file had been removed with the deletion (they are
    /// back with their receipt missing); nil for other actions.
    public var receiptsGone: Int?

    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// One "updated #3: 2014-06-07 fuel $10.00, tour east, receipt R-2" line per expense.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self)
        case .table:
            var lines = expenses.map { "\(action.rawValue) \($0.id.map(\.description) ?? ""): \(Self.summary($0))" }
            if let gone = receiptsGone, gone > 0 {
                lines.append(
                    "\(gone) receipt file\(gone == 1 ? " was" : "s were") removed with the deletion: "
                        + "upload \(gone == 1 ? "it" : "them") again (`tourplan serve`, the expense's page)")
            }
            return lines.joined(separator: "\n")
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
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
