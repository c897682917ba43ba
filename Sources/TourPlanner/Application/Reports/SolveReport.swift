/// A solved instance: its cost and routes, as the benchmark contract prints them
/// (../shared/bench/README.md).
public struct SolveReport: RenderableReport, Hashable {
    /// The cost as printed: TSP tour length, VRPTW total distance to 0.1, OPTW collected score.
    package var cost: String
    /// One route per line, as node ids.
    package var routes: [[String]]

    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// `cost <number>`, then one route per line.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self)
        case .table: return (["cost \(cost)"] + routes.map { $0.joined(separator: " ") }).joined(separator: "\n")
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
