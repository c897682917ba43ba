/// A saved tour deleted (`tourplan tour delete NAME`, the Delete button of `/tours`): what went
/// with it (its plan and its budget template).
public struct TourDeletedReport: RenderableReport {
    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// The tour's name.
    public var name: String
    /// How many trips its deleted plan had (nil: it had no plan).
    public var trips: Int?
    /// The file its deleted budget template was read from (nil: it had no template).
    public var templateFile: String?

    /// The report of deleting `tour`.
    package init(tour: SavedTour) {
        name = tour.name
        trips = tour.plan?.trips.count
        templateFile = tour.templateText == nil ? nil : (tour.templateFile ?? "saved template")
    }

    /// What deleting the listed tour `tour` would take with it (the tours page's confirmation).
    package init(_ tour: SavedToursReport.Entry) {
        name = tour.name
        trips = tour.hasPlan ? tour.trips : nil
        templateFile = tour.templateFile
    }

    /// What went with the tour: "its plan (N trips) and its budget template (FILE)".
    public var removedParts: String {
        let parts = [
            trips.map { "its plan (\($0 == 1 ? "1 trip" : "\($0) trips"))" },
            templateFile.map { "its budget template (\($0))" },
        ].compactMap { $0 }
        return parts.isEmpty ? "nothing else was saved for it" : parts.joined(separator: " and ")
    }

    /// One line: "deleted tour NAME: its plan (2 trips) and its budget template (FILE)".
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: try JSONOutput.encode(self) + "\n"
        case .table: "deleted tour \(name): \(removedParts)\n"
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
