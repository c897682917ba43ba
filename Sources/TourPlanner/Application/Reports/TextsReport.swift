/// The reminder texts of a day (`tourplan texts list`, the web app's `/texts`), with the texts
/// that cannot go out as warnings.
public struct TextsReport: RenderableReport {
    /// Plain text (table), CSV (spreadsheet-safe) or JSON.
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// The texts, ready to send.
    public var export: ReminderTextExport

    /// What `--out` received, for the line saying so: "12 texts", "1 text".
    public var written: String { Plural.count(export.texts.count, "text") }
    /// Why some of the day's texts are not in `export` (no phone, an unreadable phone, member gone).
    public var warnings: [String]

    /// The report of `export`, with its warnings worded for a person.
    package init(export: ReminderTextExport) {
        self.export = export
        var warnings: [String] = []
        if !export.withoutPhone.isEmpty {
            warnings.append(
                "Warning: \(export.withoutPhone.count) texts not exported: the member has no phone number"
                    + " (members \(export.withoutPhone.map(\.rawValue).joined(separator: " ")))")
        }
        if !export.unreadablePhone.isEmpty {
            warnings.append(
                "Warning: \(export.unreadablePhone.count) texts not exported: the member's phone could not be read as"
                    + " a number (members \(export.unreadablePhone.map(\.rawValue).joined(separator: " ")));"
                    + " correct it on the website with the country code, then import again")
        }
        if !export.withoutMember.isEmpty {
            warnings.append(
                "Warning: \(export.withoutMember.count) texts not exported: the member is no longer in the store"
                    + " (members \(export.withoutMember.map(\.rawValue).joined(separator: " "))); run `tourplan remind schedule`"
            )
        }
        self.warnings = warnings
    }

    /// The texts in `format` (see `ReminderTextExport.table()` and `csv()`).
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .table: export.table()
        case .csv: export.csv()
        case .json: try JSONOutput.encode(self) + "\n"
        case .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }

    /// Spoke's contact upload CSV (`texts list --format spoke`).
    package func spokeCSV() -> String { export.spokeCSV() }

    /// The texts in the format `texts list --format` names: `spoke` (`spokeCSV()`) or one of
    /// `formats` by its option name.
    ///
    /// - Throws: `PlannerError` for any other name; the errors of `render(_:)`.
    public func render(option: String) throws -> String {
        if option == "spoke" { return spokeCSV() }
        guard let format = OutputFormat(option: option) else {
            throw PlannerError("--format \(option) is not a texts format", hint: "use table, csv, json or spoke")
        }
        return try render(format)
    }
}
