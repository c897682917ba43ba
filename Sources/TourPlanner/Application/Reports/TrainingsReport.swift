/// Recorded trainings (`trainings list`, and the one record `log` or `update` wrote).
public struct TrainingsReport: RenderableReport, Hashable {
    /// The trainings, in the store's order.
    package var results: [TrainingResult]

    /// A report of `results`.
    package init(results: [TrainingResult]) { self.results = results }

    /// Table (the default), CSV and JSON (an array of trainings).
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// The trainings in `format`; an empty table says how to record one.
    ///
    /// - Throws: `PlannerError` for a format the report does not offer; encoding errors.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(results)
        case .csv: return csv
        case .table:
            if results.isEmpty { return "No trainings recorded yet (`tourplan trainings log …`)." }
            return table
        case .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}

/// The answer of `trainings delete`.
public struct TrainingDeletionReport: RenderableReport, Hashable {
    /// The deleted training's id.
    public var id: Int64

    /// A report of the deletion of `id`.
    package init(id: Int64) { self.id = id }

    /// Table only.
    public static let formats: [OutputFormat] = [.table]

    /// "deleted training ID".
    public func render(_ format: OutputFormat) throws -> String {
        guard format == .table else { throw unsupported(format) }
        return "deleted training \(id)"
    }
}

/// The answer of `trainings fit`.
public struct ChapterFitReport: RenderableReport, Hashable {
    /// The fitted rates.
    package var fit: ChapterFit

    /// A report of `fit`.
    package init(fit: ChapterFit) { self.fit = fit }

    /// Table (the default) and JSON (the fit itself).
    public static let formats: [OutputFormat] = [.table, .json]

    /// The fitted rates in `format`.
    ///
    /// - Throws: `PlannerError` for a format the report does not offer; encoding errors.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(fit)
        case .table: return table
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
