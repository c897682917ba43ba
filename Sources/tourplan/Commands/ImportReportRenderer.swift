import Foundation
import TourPlanner

/// Prints import reports for people (table) or scripts (csv, json).
enum ImportReportRenderer {
    static let maxProblemsShown = 50

    static func render(_ reports: [ImportReport], format: OutputFormat) -> String {
        switch format {
        case .json:
            return (try? JSONOutput.encode(reports)) ?? "[]"
        case .csv:
            return CSVWriter.render(
                header: [
                    "file", "format", "mapping", "added", "updated", "unchanged", "skipped", "warnings", "errors",
                    "committed", "doNotCall", "doNotText", "doNotContact", "deceased",
                ],
                rows: reports.map { report in
                    [
                        report.file, report.format.rawValue, report.mapping, "\(report.added)", "\(report.updated)",
                        "\(report.unchanged)", "\(report.skipped)", "\(report.warnings)", "\(report.errors)",
                        "\(report.committed)", "\(report.consent.doNotCall)", "\(report.consent.doNotText)",
                        "\(report.consent.doNotContact)", "\(report.consent.deceased)",
                    ]
                }
            )
        case .table:
            var table = TextTable([
                "file", "mapping", "added", "updated", "unchanged", "skipped", "warnings", "errors", "result",
            ])
            for report in reports {
                let result =
                    report.dryRun
                    ? (report.rowsRead == 0 ? "dry run, 0 members" : "dry run, nothing written")
                    : !report.committed
                        ? "NOT imported (database unchanged)"
                        : report.rowsRead == 0 ? "0 members (no rows after the header)" : "imported"
                table.add([
                    report.file, report.mapping, "\(report.added)", "\(report.updated)", "\(report.unchanged)",
                    "\(report.skipped)", "\(report.warnings)", "\(report.errors)", result,
                ])
            }
            var text = table.render()
            for report in reports where report.consent != ConsentCounts() {
                text += "\n\(report.file): consent flags: \(report.consent.summary)"
            }
            for report in reports {
                if let previous = report.previouslyImportedAt {
                    text +=
                        "\nnote: \(report.file) has exactly the same content as an import of \(ISO8601DateFormatter().string(from: previous))"
                }
                if !report.committed && !report.dryRun {
                    text +=
                        "\n\(report.file): \(report.errors) error(s), more than --max-errors \(report.errors > 0 ? "allows" : "")"
                        + "; fix them and import again (see the messages on stderr)"
                }
            }
            return text
        }
    }

    /// Problems go to stderr: the first 50, then a count.
    static func printProblems(_ report: ImportReport) {
        for problem in report.problems.prefix(maxProblemsShown) {
            printError("\(problem.severity == .error ? "Error" : "Warning"): \(problem.error)")
        }
        if report.problems.count > maxProblemsShown {
            printError(
                "…and \(report.problems.count - maxProblemsShown) more problems in \(report.file) (use --format json for all)"
            )
        }
    }
}
