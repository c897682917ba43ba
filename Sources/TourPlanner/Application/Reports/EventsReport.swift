/// The stored events, by date (`tourplan events list`, the organizer's `/events`).
public struct EventsReport: RenderableReport {
    public static let formats: [OutputFormat] = [.table, .json]

    /// The events, by date then id.
    public var events: [OutreachEvent]

    /// The report of `events`.
    public init(events: [OutreachEvent]) { self.events = events }

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
