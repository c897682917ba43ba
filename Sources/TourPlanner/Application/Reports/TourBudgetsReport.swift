/// Every saved tour's budget (`Planner.tourBudgets()`): the treasurer's overview.
public struct TourBudgetsReport: RenderableReport, Hashable {
    /// One saved tour.
    public struct Entry: Codable, Sendable, Hashable {
        /// The tour's name.
        public var name: String
        /// Whether a plan is saved for it (without one, the template's own counts are used).
        package var hasPlan: Bool
        /// Its budget with every scenario side by side; nil when no template is saved for it.
        public var statement: BudgetStatement?
    }

    /// The saved tours, by name.
    public var tours: [Entry]

    /// Markdown and JSON.
    public static let formats: [OutputFormat] = [.markdown, .json]

    /// Each tour's comparison in Markdown, or the whole report as JSON.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.encode(self)
        case .markdown:
            var parts: [String] = []
            for tour in tours {
                let body = try tour.statement?.render(.markdown) ?? "No budget template is saved for this tour."
                parts.append("## \(tour.name)\n\n\(body)")
            }
            return parts.isEmpty ? "No saved tours." : parts.joined(separator: "\n\n")
        case .table, .csv, .html, .ics, .geojson:
            throw unsupported(format)
        }
    }
}
