import Foundation

extension BudgetStatement {
    /// `--format csv` of one budget: its lines, total, trips and funding, one record each.
    static func csv(_ report: BudgetReport) -> String {
        var rows = report.lines.map {
            ["line", $0.category, $0.description, $0.amount.plainText, report.currency.rawValue]
        }
        rows.append(["total", "", "", report.total.plainText, report.currency.rawValue])
        rows += report.byTrip.map { ["trip", "", $0.trip, $0.amount.plainText, report.currency.rawValue] }
        rows.append(["funding", "raised", "", report.funding.raised.plainText, report.currency.rawValue])
        rows.append(["funding", "pledged", "", report.funding.pledged.plainText, report.currency.rawValue])
        rows.append(["funding", "gap", "", report.funding.gap.plainText, report.currency.rawValue])
        return CSVWriter.render(header: ["kind", "category", "description", "amount", "currency"], rows: rows)
    }

    /// `--compare --format csv`: each scenario's total and its difference from the first.
    static func comparisonCSV(_ reports: [BudgetReport]) throws -> String {
        guard let base = reports.first else { return "" }
        return CSVWriter.render(
            header: ["scenario", "total", "difference", "currency"],
            rows: try reports.map {
                [
                    $0.scenario ?? "base", $0.total.plainText, try $0.total.subtracting(base.total).plainText,
                    $0.currency.rawValue,
                ]
            }
        )
    }

    /// `--compare` as a table or Markdown: each line per scenario, totals, differences, gaps.
    static func comparisonText(_ reports: [BudgetReport], markdown: Bool) throws -> String {
        guard let base = reports.first else { return "" }
        let differences = try reports.map { try $0.total.subtracting(base.total).formatted }
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
        table.add(["vs base"] + differences)
        table.add(["still to raise"] + reports.map { $0.funding.gap.formatted })
        if markdown {
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
                "| vs base | " + differences.joined(separator: " | ") + " |")
            return rows.joined(separator: "\n")
        }
        return table.render()
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
}
