import Foundation

extension ImportRunReport {
    var csv: String {
        CSVWriter.render(
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
            })
    }

    var table: String {
        var table = TextTable([
            "file", "mapping", "added", "updated", "unchanged", "skipped", "warnings", "errors", "result",
        ])
        for report in reports {
            // A refused file wrote nothing: 0 added and updated; the result says what it would have done.
            let refused = !report.committed && !report.dryRun
            table.add([
                report.file, report.mapping, refused ? "0" : "\(report.added)", refused ? "0" : "\(report.updated)",
                "\(report.unchanged)",
                "\(report.skipped)", "\(report.warnings)", "\(report.errors)", Self.result(of: report),
            ])
        }
        var text = table.render()
        for report in reports where report.consent != ConsentCounts() {
            text += "\n\(report.file): consent flags: \(report.consent.summary)"
        }
        for report in reports {
            if let previous = report.previouslyImportedAt {
                text +=
                    "\nnote: \(report.file) has exactly the same content as an import of \(ReportText.instant(previous))"
            }
            if !report.committed && !report.dryRun {
                text +=
                    "\n\(report.file): \(Plural.count(report.errors, "error")), more than --max-errors \(report.errors > 0 ? "allows" : "")"
                    + "; fix them and import again (see the messages on stderr)"
            }
        }
        return text
    }

    /// What happened to one file, in words: "imported", "NOT imported (database unchanged; …)",
    /// "dry run, nothing written" (the table's result column and the web app's import page).
    public static func result(of report: ImportReport) -> String {
        if report.dryRun { return report.rowsRead == 0 ? "dry run, 0 members" : "dry run, nothing written" }
        if !report.committed {
            var wouldDo = ["add \(report.added)"]
            if report.updated > 0 { wouldDo.append("update \(report.updated)") }
            return "NOT imported (database unchanged; would \(wouldDo.joined(separator: ", ")))"
        }
        return report.rowsRead == 0 ? "0 members (no rows after the header)" : "imported"
    }
}
