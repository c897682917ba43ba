import Foundation

extension BudgetStatement {
    /// The budget as a terminal table or as Markdown: lines, unit costs, by trip, funding, and the
    /// plan against the recorded actuals.
    func text(markdown md: Bool) -> String {
        var out: [String] = []
        out.append(
            md
                ? "# \(budget.name)\(budget.scenario.map { " — scenario \($0)" } ?? "")"
                : "\(budget.name)\(budget.scenario.map { " — scenario \($0)" } ?? "")")
        out.append(
            budget.basedOnPlan
                ? "Costed from the routed plan." : "Costed from the template's counts (no plan given).")
        out.append("")
        if md {
            out.append("| Line | Basis | Amount |")
            out.append("|---|---|---:|")
            for line in budget.lines {
                out.append("| \(line.category.capitalized) | \(line.description) | \(line.amount.formatted) |")
            }
            out.append("| **Total** | | **\(budget.total.formatted)** |")
        } else {
            var table = TextTable(["line", "basis", "amount"])
            for line in budget.lines { table.add([line.category, line.description, line.amount.formatted]) }
            table.add(["TOTAL", "", budget.total.formatted])
            out.append(table.render())
        }
        out.append("")
        out.append("Per diem per trainer: \(budget.perDiemPerTrainer.formatted)")
        if let perTraining = budget.costPerTraining {
            out.append("Cost per training: \(perTraining.formatted) (\(budget.trainings) trainings)")
        }
        if let perMember = budget.costPerUnaffiliatedMember {
            out.append(
                "Cost per unaffiliated member reached: \(perMember.formatted) (\(budget.unaffiliatedReached) members)"
            )
        }
        if let expected = budget.expectedChapters {
            out.append(
                "Expected new chapters: \(String(format: "%.2f", expected))"
                    + (budget.remoteTrainings > 0 ? " (with \(budget.remoteTrainings) remote trainings)" : "")
                    + (budget.costPerExpectedChapter.map { "; cost per expected chapter: \($0.formatted)" } ?? ""))
        }
        if !budget.byTrip.isEmpty {
            out.append("")
            out.append(md ? "## By trip" : "By trip:")
            for trip in budget.byTrip { out.append("\(md ? "- " : "  ")\(trip.trip): \(trip.amount.formatted)") }
        }
        out.append("")
        out.append(md ? "## Funding" : "Funding:")
        for item in budget.funding.items {
            out.append(
                "\(md ? "- " : "  ")\(item.name) (\(item.status)): \(Money(amount: item.amount, currency: budget.currency).formatted)"
            )
        }
        out.append(
            "\(md ? "- " : "  ")Raised \(budget.funding.raised.formatted), pledged \(budget.funding.pledged.formatted)"
        )
        let gap = budget.funding.gap
        out.append(
            "\(md ? "- **" : "  ")"
                + (gap.amount > 0
                    ? "Still to raise: \(gap.formatted)"
                    : "Fully funded (surplus \(Money(amount: -gap.amount, currency: gap.currency).formatted))")
                + " (\(budget.funding.gapAfterRaisedOnly.formatted) if the pledges do not come in)\(md ? "**" : "")"
        )
        if let variance = actuals {
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
            out += Self.actualsNotes(variance, md: md)
        }
        if let note = Self.overrideNote(budget) {
            out.append("")
            out.append(note)
        }
        return out.joined(separator: "\n")
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
                "Not counted: \(Plural.count(variance.unconverted.count, "expense")) without a rate to \(variance.plannedTotal.currency); give one with `tourplan budget actuals edit ID --rate RATE --budget-currency \(variance.plannedTotal.currency)`:"
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
                "\(Plural.count(variance.unassigned.count, "expense")) recorded before expenses had tours "
                    + "\(Plural.verb(variance.unassigned.count, "is", "are")) counted for no tour: "
                    + "assign them with `tourplan budget actuals edit ID --tour \(variance.tour)` (ids "
                    + variance.unassigned.map { $0.id.map(\.description) ?? "?" }.joined(separator: ", ") + ").")
        }
        return out
    }
}
