import Foundation

/// The answer of `import`: one report per file that could be read, the files that could not, and
/// the place resolution that followed.
public struct ImportRunReport: RenderableReport, Hashable {
    /// Problems shown on standard error per file; the rest are counted ("…and N more").
    public static let maxProblemsShown = 50

    /// One report per readable file, in order.
    public var reports: [ImportReport]
    /// Files that could not be read at all (the store is unchanged for them).
    public var fileErrors: [ImportError]
    /// The place resolution run after a committed import (nil when none ran).
    public var places: PlaceResolutionSummary?

    /// A report of an import run.
    package init(reports: [ImportReport], fileErrors: [ImportError], places: PlaceResolutionSummary? = nil) {
        self.reports = reports
        self.fileErrors = fileErrors
        self.places = places
    }

    /// Whether some file was refused or not written (CLI exit status 1).
    public var failed: Bool {
        !fileErrors.isEmpty || reports.contains { !$0.committed && !$0.dryRun }
    }

    /// The messages for standard error: unreadable files first, then each file's first
    /// `maxProblemsShown` problems and a count of the rest.
    public var diagnostics: [String] {
        var lines = fileErrors.map { "Error: \($0)" }
        for report in reports {
            for problem in report.problems.prefix(Self.maxProblemsShown) {
                lines.append("\(problem.severity == .error ? "Error" : "Warning"): \(problem.error)")
            }
            if report.problems.count > Self.maxProblemsShown {
                lines.append(
                    "…and \(report.problems.count - Self.maxProblemsShown) more problems in \(report.file) "
                        + "(use --format json for all)")
            }
        }
        return lines
    }

    /// Table (the default), CSV and JSON (the array of file reports).
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// The file reports in `format`; the table adds the place resolution line. An empty table
    /// (no file could be read) renders as "".
    ///
    /// - Throws: `PlannerError` for a format the report does not offer; encoding errors.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(reports)
        case .csv: return csv
        case .table:
            var lines = reports.isEmpty ? [] : [table]
            if let places {
                let guesses =
                    places.guessedNow > 0
                    ? " (\(places.guessedNow) of them by a guess: a misspelled name, or one several cities share)" : ""
                lines.append(
                    "places: \(places.resolvedNow) newly resolved\(guesses), \(places.unresolvedNow) unresolved, "
                        + "\(places.cached) already known"
                        + (places.unresolvedNow + places.guessedNow > 0 ? " (see `tourplan members --unresolved`)" : "")
                )
            }
            return lines.joined(separator: "\n")
        case .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
