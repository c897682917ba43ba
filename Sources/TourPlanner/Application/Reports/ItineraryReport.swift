/// A plan laid out day by day (`Planner.itinerary(_:)`), renderable as Markdown, HTML with the
/// route map, ICS, GeoJSON and JSON.
public struct ItineraryReport: RenderableReport, Hashable {
    /// The day-by-day itinerary (its JSON form is `--format json`).
    public var itinerary: Itinerary
    /// The plan it lays out (the map and GeoJSON draw its places).
    public var plan: TourPlan
    /// Notes for the user, e.g. an event whose start differs from the plan's (shown as "warning: …").
    public var warnings: [String]

    /// Markdown, HTML, ICS, GeoJSON, JSON.
    public static let formats: [OutputFormat] = [.markdown, .html, .ics, .geojson, .json]

    /// The itinerary in `format`.
    ///
    /// - Throws: `PlannerError` for a format not in `formats` or a missing template.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .markdown: return itinerary.markdown()
        case .html: return try itinerary.html(plan: plan, map: RouteMap.loadBundled())
        case .ics: return itinerary.ics()
        case .geojson: return try Itinerary.geoJSON(plan: plan)
        case .json: return try JSONOutput.encode(itinerary) + "\n"
        case .table, .csv: throw unsupported(format)
        }
    }
}
