/// The stored events, by date (`tourplan events list`, the organizer's `/events`).
public struct EventsReport: RenderableReport {
    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// The events, by date then id.
    public var events: [OutreachEvent]

    /// The report of `events`.
    package init(events: [OutreachEvent]) { self.events = events }

    /// One table row per event (id, metro, date, start, zone, venue, organizer; "-" when not set).
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self) + "\n"
        case .table:
            var table = TextTable(["id", "metro", "date", "start", "zone", "venue", "organizer"])
            for event in events {
                table.add([
                    event.id, event.metro, event.date.description, event.start.description, event.timeZone,
                    event.venue ?? "-", event.organizer ?? "-",
                ])
            }
            return table.render() + "\n"
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
