import Foundation
import TourPlanner

/// Budget reports as a table, Markdown, CSV or JSON.
enum BudgetRenderer {
    static func render(_ report: BudgetReport, variance: BudgetVariance?, format: BudgetCommand.Format) -> String {
        switch format {
        case .json:
            struct Output: Encodable { var budget: BudgetReport; var actuals: BudgetVariance? }
            return (try? JSONOutput.encode(Output(budget: report, actuals: variance))) ?? "{}"
        case .csv:
            var rows = report.lines.map {
                ["line", $0.category, $0.description, $0.amount.plainText, report.currency.rawValue]
            }
            rows.append(["total", "", "", report.total.plainText, report.currency.rawValue])
            rows += report.byTrip.map { ["trip", "", $0.trip, $0.amount.plainText, report.currency.rawValue] }
            rows.append(["funding", "raised", "", report.funding.raised.plainText, report.currency.rawValue])
            rows.append(["funding", "pledged", "", report.funding.pledged.plainText, report.currency.rawValue])
            rows.append(["funding", "gap", "", report.funding.gap.plainText, report.currency.rawValue])
            return CSVWriter.render(header: ["kind", "category", "description", "amount", "currency"], rows: rows)
        case .md, .table:
            let md = format == .md
            var out: [String] = []
            out.append(
                md
                    ? "# \(report.name)\(report.scenario.map { " — scenario \($0)" } ?? "")"
                    : "\(report.name)\(report.scenario.map { " — scenario \($0)" } ?? "")")
            out.append(
                report.basedOnPlan
                    ? "Costed from the routed plan." : "Costed from the template's counts (no plan given).")
            out.append("")
            if md {
                out.append("| Line | Basis | Amount |")
                out.append("|---|---|---:|")
                for line in report.lines {
                    out.append("| \(line.category.capitalized) | \(line.description) | \(line.amount.formatted) |")
                }
                out.append("| **Total** | | **\(report.total.formatted)** |")
            } else {
                var table = TextTable(["line", "basis", "amount"])
                for line in report.lines { table.add([line.category, line.description, line.amount.formatted]) }
                table.add(["TOTAL", "", report.total.formatted])
                out.append(table.render())
            }
            out.append("")
            out.append("Per diem per trainer: \(report.perDiemPerTrainer.formatted)")
            if let perTraining = report.costPerTraining {
                out.append("Cost per training: \(perTraining.formatted) (\(report.trainings) trainings)")
            }
            if let perMember = report.costPerUnaffiliatedMember {
                out.append(
                    "Cost per unaffiliated member reached: \(perMember.formatted) (\(report.unaffiliatedReached) members)"
                )
            }
            if let expected = report.expectedChapters {
                out.append(
                    "Expected new chapters: \(String(format: "%.2f", expected))"
                        + (report.remoteTrainings > 0 ? " (with \(report.remoteTrainings) remote trainings)" : "")
                        + (report.costPerExpectedChapter.map { "; cost per expected chapter: \($0.formatted)" } ?? ""))
            }
            if !report.byTrip.isEmpty {
                out.append("")
                out.append(md ? "## By trip" : "By trip:")
                for trip in report.byTrip { out.append("\(md ? "- " : "  ")\(trip.trip): \(trip.amount.formatted)") }
            }
            out.append("")
            out.append(md ? "## Funding" : "Funding:")
            for item in report.funding.items {
                out.append(
                    "\(md ? "- " : "  ")\(item.name) (\(item.status)): \(Money(amount: item.amount, currency: report.currency).formatted)"
                )
            }
            out.append(
                "\(md ? "- " : "  ")Raised \(report.funding.raised.formatted), pledged \(report.funding.pledged.formatted)"
            )
            let gap = report.funding.gap
            out.append(
                "\(md ? "- **" : "  ")"
                    + (gap.amount > 0
                        ? "Still to raise: \(gap.formatted)"
                        : "Fully funded (surplus \(Money(amount: -gap.amount, currency: gap.currency).formatted))")
                    + " (\(report.funding.gapAfterRaisedOnly.formatted) if the pledges do not come in)\(md ? "**" : "")"
            )
            if let variance {
                out.append("")
                out.append(md ? "## Plan vs actual (tour \(variance.tour))" : "Plan vs actual (tour \(variance.tour)):")
                if md {
                    out.append("| Line | Planned | Actual | Variance |")
                    out.append("|---|---:|---:|---:|")
                    for line in variance.lines {
                        out.append(
                            "| \(line.category) | \(line.planned.formatted) | \(line.actual.formatted) | \(line.variance.formatted) |"
                        )
                    }
                    out.append(
                        "| **Total** | \(variance.plannedTotal.formatted) | \(variance.actualTotal.formatted) | \(variance.variance.formatted) |"
                    )
                } else {
                    var table = TextTable(["line", "planned", "actual", "variance"])
                    for line in variance.lines {
                        table.add([
                            line.category, line.planned.formatted, line.actual.formatted, line.variance.formatted,
                        ])
                    }
                    table.add([
                        "TOTAL", variance.plannedTotal.formatted, variance.actualTotal.formatted,
                        variance.variance.formatted,
                    ])
                    out.append(table.render())
                }
                out += actualsNotes(variance, md: md)
            }
            if let note = overrideNote(report) {
                out.append("")
                out.append(note)
            }
            return out.joined(separator: "\n")
        }
    }

    static func comparison(_ reports: [BudgetReport], format: BudgetCommand.Format) -> String {
        guard let base = reports.first else { return "" }
        switch format {
        case .json:
            return (try? JSONOutput.encode(reports)) ?? "[]"
        case .csv:
            return CSVWriter.render(
                header: ["scenario", "total", "difference", "currency"],
                rows: reports.map {
                    [
                        $0.scenario ?? "base", $0.total.plainText, ($0.total - base.total).plainText,
                        $0.currency.rawValue,
                    ]
                }
            )
        case .md, .table:
            let categories = reports.flatMap { $0.lines.map(\.category) }.reduce(into: [String]()) {
                if !$0.contains($1) { $0.append($1) }
            }
            var table = TextTable(["line"] + reports.map { $0.scenario ?? "base" })
            for category in categories {
                table.add(
                    [category]
                        + reports.map { report in
                            report.lines.first { $0.category == category }?.amount.formatted ?? "—"
                        })
            }
            table.add(["TOTAL"] + reports.map { $0.total.formatted })
            table.add(["vs base"] + reports.map { ($0.total - base.total).formatted })
            table.add(["still to raise"] + reports.map { $0.funding.gap.formatted })
            if format == .md {
                let header = "| line | " + reports.map { $0.scenario ?? "base" }.joined(separator: " | ") + " |"
                var rows = [header, "|---|" + reports.map { _ in "---:|" }.joined()]
                for category in categories {
                    rows.append(
                        "| \(category) | "
                            + reports.map { report in
                                report.lines.first { $0.category == category }?.amount.formatted ?? "—"
                            }.joined(separator: " | ") + " |")
                }
                rows.append(
                    "| **total** | " + reports.map { "**\($0.total.formatted)**" }.joined(separator: " | ") + " |")
                rows.append(
                    "| vs base | " + reports.map { ($0.total - base.total).formatted }.joined(separator: " | ") + " |")
                return rows.joined(separator: "\n")
            }
            return table.render()
        }
    }

    /// "plan sets counts.trips, …: scenario fewer-cities's values replaced by the plan's".
    static func overrideNote(_ report: BudgetReport) -> String? {
        guard let scenario = report.scenario, !report.planOverrides.isEmpty else { return nil }
        var hints: [String] = []
        if report.planOverrides.contains(where: { $0.hasPrefix("counts.") }) {
            hints.append("to cost fewer stops, plan them: `tourplan tour plan --stops …` and budget that plan")
        }
        if report.planOverrides.contains("lodging.hosted_nights") {
            hints.append("the plan's own hosted nights (metros with a member willing to host) are costed")
        }
        return
            "Note: the plan sets \(report.planOverrides.joined(separator: ", ")), so scenario \(scenario)'s values for them"
            + " are replaced by the plan's; \(hints.joined(separator: "; "))."
    }

    /// Count warnings on stderr, once each, naming the scenario they come from; for CSV and for
    /// `--compare` (whose table is data, like every command's output), the notes on what a plan
    /// replaces too.
    static func printWarnings(of reports: [BudgetReport], format: BudgetCommand.Format, compare: Bool = false) {
        var seen: Set<String> = []
        for report in reports {
            for warning in report.warnings where seen.insert(warning).inserted {
                let origin = report.scenario.map { " (scenario \($0))" } ?? ""
                FileHandle.standardError.write(Data("warning\(origin): \(warning)\n".utf8))
            }
            if format == .csv || (compare && format != .json), let note = overrideNote(report) {
                FileHandle.standardError.write(Data("\(note)\n".utf8))
            }
        }
    }

    static func actualsNotes(_ variance: BudgetVariance, md: Bool) -> [String] {
        var out: [String] = []
        let bullet = md ? "- " : "  "
        if !variance.missingReceipts.isEmpty {
            out.append("")
            out.append("Expenses without a receipt:")
            for item in variance.missingReceipts {
                let expense = item.expense
                out.append(
                    "\(bullet)\(expense.id.map(\.description) ?? "") \(expense.date) \(expense.category) \(item.amount.formatted)\(expense.trip.isEmpty ? "" : " (\(expense.trip))")"
                        + (item.isRequired ? " — receipt required (lodging always, other items from 75)" : ""))
            }
        }
        if !variance.unconverted.isEmpty {
            out.append("")
            out.append(
                "Not counted: \(variance.unconverted.count) expense(s) without a rate to \(variance.plannedTotal.currency); give one with `tourplan budget actuals edit ID --rate RATE --budget-currency \(variance.plannedTotal.currency)`:"
            )
            for expense in variance.unconverted {
                out.append(
                    "\(bullet)\(expense.id.map(\.description) ?? "") \(expense.date) \(expense.category) \(expense.amount.formatted) (\(expense.sourceFile):\(expense.line))"
                )
            }
        }
        if !variance.unassigned.isEmpty {
            out.append("")
            out.append(
                "\(variance.unassigned.count) expense(s) recorded before expenses had tours are counted for no tour: "
                    + "assign them with `tourplan budget actuals edit ID --tour \(variance.tour)` (ids "
                    + variance.unassigned.map { $0.id.map(\.description) ?? "?" }.joined(separator: ", ") + ").")
        }
        return out
    }
}
