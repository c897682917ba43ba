/// An event added or updated by hand (`tourplan events add`): where the place resolved and the
/// event as stored (a venue or organizer entered before is kept when none is given).
public struct EventAddedReport: RenderableReport {
    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// Where the place text resolved.
    public var place: ResolvedPlace
    /// The event as stored.
    public var event: OutreachEvent

    /// The report of a stored event.
    package init(place: ResolvedPlace, event: OutreachEvent) {
        self.place = place
        self.event = event
    }

    /// One line "event ID: metro, date start zone, venue" (or that there is no venue yet).
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self) + "\n"
        case .table:
            return "event \(event.id): \(event.metro), \(event.date) \(event.start) \(event.timeZone), "
                + (event.venue ?? "no venue yet (texts wait for one)") + "\n"
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
