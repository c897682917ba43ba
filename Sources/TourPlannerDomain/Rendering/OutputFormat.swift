import TourPlannerCore

/// Every format a report can be rendered in. Each report says which ones it supports.
public enum OutputFormat: String, Codable, Sendable, CaseIterable {
    /// An aligned plain-text table (or plain text) for a terminal.
    case table
    /// Spreadsheet-safe CSV (one writer: `CSVWriter`).
    case csv
    /// Markdown, for printing or pasting into a document.
    case markdown
    /// A standalone HTML page (mustache templates, escaped by default).
    case html
    /// An iCalendar file (RFC 5545).
    case ics
    /// GeoJSON (RFC 7946).
    case geojson
    /// Deterministic JSON: sorted keys, ISO 8601 dates.
    case json
}

/// A use case's report: `Codable` and `Sendable`, renderable in the formats it lists.
public protocol RenderableReport: Codable, Sendable {
    /// The formats `render(_:)` accepts; the first is the default.
    static var formats: [OutputFormat] { get }
    /// The report in `format`.
    ///
    /// - Throws: `PlannerError` when the report cannot be shown in `format`.
    func render(_ format: OutputFormat) throws -> String
}

extension RenderableReport {
    /// The error for a format this report does not offer.
    package func unsupported(_ format: OutputFormat) -> PlannerError {
        PlannerError(
            "this report has no \(format.rawValue) form",
            hint: "use one of: \(Self.formats.map(\.rawValue).joined(separator: ", "))")
    }
}
