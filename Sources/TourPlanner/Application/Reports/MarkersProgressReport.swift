/// The answer of `markers`: progress toward the founding markers, and a plan's forecast when asked.
public struct MarkersProgressReport: RenderableReport, Hashable {
    /// The markers and each chapter's status.
    public var markers: MarkersReport
    /// The chance distribution of chapters after a plan's trainings (when the query named a plan).
    package var forecast: ChapterForecast?

    /// A report of `markers`, with `forecast` when there is one.
    package init(markers: MarkersReport, forecast: ChapterForecast? = nil) {
        self.markers = markers
        self.forecast = forecast
    }

    /// Table (the default), CSV and JSON.
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// The forecast when there is one, else the markers, in `format` (JSON: that value itself).
    ///
    /// - Throws: `PlannerError` for a format the report does not offer; encoding errors.
    public func render(_ format: OutputFormat) throws -> String {
        switch (format, forecast) {
        case (.json, let forecast?): return try JSONOutput.encode(forecast)
        case (.json, nil): return try JSONOutput.encode(markers)
        case (.csv, let forecast?): return forecast.csv
        case (.csv, nil): return markers.csv
        case (.table, let forecast?): return forecast.table
        case (.table, nil): return markers.table
        case (.markdown, _), (.html, _), (.ics, _), (.geojson, _): throw unsupported(format)
        }
    }
}
