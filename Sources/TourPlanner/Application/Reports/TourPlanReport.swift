/// A planned tour (`Planner.planTour(_:)`): the plan, the places resolved for it, where it was written.
public struct TourPlanReport: RenderableReport, Hashable {
    /// The dated trips, totals, naive comparison, unvisited and skipped stops.
    public var plan: TourPlan
    /// The places resolved from the query (bases, stops), to echo.
    package var resolved: [ResolvedPlace]
    /// The file the plan was written to.
    package var out: String?
    /// What saving the plan in the store did (`TourQuery.save`), nil when it was not saved.
    public var saved: TourSavedReport?
    /// One warning per visited stop with no unaffiliated member, then one per pair of places a
    /// model leg joins across 25 km or more of open water (``TourPlan/openWaterWarnings(travel:)``).
    package var warnings: [String] = []

    /// Table (the day-by-day summary), CSV (one record per training), JSON (the plan, `resolved` and
    /// `warnings`, the warnings the table and standard error show).
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// The plan in `format`.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.encode(PlanWithResolvedPlaces(plan: plan, resolved: resolved, warnings: warnings))
        case .csv: return Self.stopsCSV(plan)
        case .table:
            return Self.summary(plan) + warnings.map { "\nWarning: " + $0 }.joined()
                + (out.map { "\nPlan written to \($0)" } ?? "")
        case .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }

    /// "skipped #N METRO: reason" for each higher-ranked metro `--top` passed over.
    package var skippedLines: [String] { plan.skipped.map { "skipped #\($0.rank) \($0.metro): \($0.reason)" } }

    /// The lines for standard error after planning: the open-water warnings, `skippedLines`, then
    /// the note of the save.
    public var noteLines: [String] {
        warnings.map { "warning: " + $0 } + skippedLines + (saved.map { [$0.note] } ?? [])
    }
}

/// The plan's own keys plus `resolved` and `warnings` (the JSON of `tour plan --format json`).
struct PlanWithResolvedPlaces: Encodable {
    var plan: TourPlan
    var resolved: [ResolvedPlace]
    var warnings: [String]

    enum CodingKeys: String, CodingKey { case resolved, warnings }

    func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resolved, forKey: .resolved)
        try container.encode(warnings, forKey: .warnings)
    }
}
