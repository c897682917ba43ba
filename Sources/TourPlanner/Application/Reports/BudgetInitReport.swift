/// A starter template written (`Planner.writeBudgetTemplate(_:)`).
public struct BudgetInitReport: RenderableReport, Hashable {
    /// The file written.
    package var out: String
    /// The plan its counts came from, and that plan's number of trips.
    package var planPath: String?
    /// The plan's trips (when a plan was given).
    package var trips: Int?

    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// "wrote FILE …; fill it in, then run `tourplan budget FILE`".
    ///
    /// - Throws: `PlannerError` for a format not in `formats`.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self)
        case .table:
            let counts = trips.map { " with the counts of \(planPath ?? "") (\($0) trips)" } ?? ""
            return "wrote \(out)\(counts); fill it in, then run `tourplan budget \(out)`"
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
