/// A costed budget (`Planner.budget(_:)`): the report, the recorded actuals against it, and with
/// `compare` every scenario beside it.
public struct BudgetStatement: RenderableReport, Hashable {
    /// The budget (with the query's scenario applied).
    public var budget: BudgetReport
    /// The tour's recorded actuals against the plan, when there are any.
    public var actuals: BudgetVariance?
    /// With `compare`: `budget` first, then each other scenario of the template.
    public var comparison: [BudgetReport]?
    /// Notes for the user about the query itself (e.g. no actuals for the tour), each one line, shown
    /// before the output.
    public var notes: [String]

    /// A statement of `budget`, with the actuals against it and the scenarios beside it when given.
    package init(
        budget: BudgetReport, actuals: BudgetVariance? = nil, comparison: [BudgetReport]? = nil, notes: [String] = []
    ) {
        self.budget = budget
        self.actuals = actuals
        self.comparison = comparison
        self.notes = notes
    }

    /// Table, Markdown, CSV, JSON.
    public static let formats: [OutputFormat] = [.table, .markdown, .csv, .json]

    /// The budget (or the comparison) in `format`.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        if let comparison {
            switch format {
            case .json: return try JSONOutput.encode(comparison)
            case .csv: return try Self.comparisonCSV(comparison)
            case .table, .markdown: return try Self.comparisonText(comparison, markdown: format == .markdown)
            case .html, .ics, .geojson: throw unsupported(format)
            }
        }
        switch format {
        case .json:
            struct Output: Encodable {
                var budget: BudgetReport
                var actuals: BudgetVariance?
            }
            return try JSONOutput.encode(Output(budget: budget, actuals: actuals))
        case .csv: return Self.csv(budget)
        case .table, .markdown: return text(markdown: format == .markdown)
        case .html, .ics, .geojson: throw unsupported(format)
        }
    }

    /// The warnings for standard error (after the output): each count warning once, naming the
    /// scenario it comes from; for CSV, whose rows have no room for them, and for a comparison
    /// (whose table is data, as every command's output), the notes on what a plan replaces.
    public func warnings(for format: OutputFormat) -> [String] {
        var lines: [String] = []
        var seen: Set<String> = []
        for report in comparison ?? [budget] {
            for warning in report.warnings where seen.insert(warning).inserted {
                lines.append("warning\(report.scenario.map { " (scenario \($0))" } ?? ""): \(warning)")
            }
            if format == .csv || (comparison != nil && format != .json), let note = Self.overrideNote(report) {
                lines.append(note)
            }
        }
        return lines
    }
}
