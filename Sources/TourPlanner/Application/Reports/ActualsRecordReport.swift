/// What recording an expenses file did.
public struct ActualsRecordReport: RenderableReport, Hashable {
    /// The file read.
    package var file: String
    /// The tour the expenses were recorded for.
    package var tour: String
    /// Rows read from the file.
    package var read: Int
    /// New, already recorded, deleted earlier, claimed.
    package var result: ActualsRecordResult
    /// Rows read without a receipt.
    package var withoutReceipt: Int

    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// "FILE: N expenses read for tour T: …", and how many lack a receipt.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self)
        case .table:
            var parts = ["\(result.added) new", "\(result.alreadyRecorded) already recorded"]
            if result.deletedEarlier > 0 { parts.append("\(result.deletedEarlier) deleted earlier (not re-added)") }
            if result.claimed > 0 { parts.append("\(result.claimed) recorded before tours existed, now assigned") }
            var lines = [
                "\(file): \(Plural.count(read, "expense")) read for tour \(tour): \(parts.joined(separator: ", "))"
            ]
            if withoutReceipt > 0 {
                lines.append("\(withoutReceipt) without a receipt (see `tourplan budget actuals list --tour \(tour)`).")
            }
            return lines.joined(separator: "\n")
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
