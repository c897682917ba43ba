/// An event deleted (`tourplan events delete ID`, the Delete button of `/events`): the event as
/// it was and how many of its reminder tasks went with it.
public struct EventDeletedReport: RenderableReport {
    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// The event as it was stored.
    public var event: OutreachEvent
    /// How many reminder tasks of the event were removed (none had an outcome).
    public var removedTasks: Int

    /// The report of a deleted event.
    package init(event: OutreachEvent, removedTasks: Int) {
        self.event = event
        self.removedTasks = removedTasks
    }

    /// One line: "deleted event ID (metro, date): N reminder tasks removed with it".
    public var summary: String {
        let tasks = removedTasks == 1 ? "1 reminder task" : "\(removedTasks) reminder tasks"
        return "deleted event \(event.id) (\(event.metro), \(event.date) \(event.start)) and its \(tasks); "
            + "nothing else changed"
    }

    /// The summary line, or JSON.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: try JSONOutput.encode(self) + "\n"
        case .table: summary + "\n"
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
