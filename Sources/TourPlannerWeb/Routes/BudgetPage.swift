import Foundation
import Hummingbird
import TourPlanner

/// `/budget`: each saved tour's budget with every scenario side by side, the funding gap, and
/// the recorded expenses against the plan, line by line. The figures are the ones
/// `tourplan budget TEMPLATE --compare` prints, from `Planner.tourBudgets()`.
enum BudgetPage {
    /// Every saved tour's budget.
    ///
    /// - Throws: `HTTPError` 422 naming the tour's template when a saved template no longer parses.
    static func report(_ environment: WebEnvironment) async throws -> TourBudgetsReport {
        do {
            return try await environment.planner.tourBudgets()
        } catch let error as BudgetError {
            throw HTTPError(
                .unprocessableContent,
                message:
                    "The saved budget template \(error.file) no longer reads: \(error.key) \(error.problem) "
                    + "(\(WebWording.general.hint(error.hint))). Ask an organizer to fix the template and save it "
                    + "again; budget templates are saved at the command line: "
                    + "tourplan budget TEMPLATE --save NAME."
            )
        }
    }

    /// The tour `?tour=` names, else the first one `isUsable` accepts; nil when there is none.
    ///
    /// - Throws: `HTTPError` 404 naming the saved tours when `?tour=` names none of them.
    static func choose(
        _ report: TourBudgetsReport, request: Request,
        isUsable: (TourBudgetsReport.Entry) -> Bool = { _ in true }
    ) throws -> TourBudgetsReport.Entry? {
        guard let asked = request.uri.queryParameters.get("tour"), !asked.isEmpty else {
            return report.tours.first(where: isUsable) ?? report.tours.first
        }
        guard let entry = report.tours.first(where: { $0.name == asked }) else {
            let names = report.tours.map(\.name)
            throw HTTPError(
                .notFound,
                message: "There is no saved tour called \"\(asked)\". "
                    + (names.isEmpty ? "No tour is saved yet." : "Saved tours: \(names.joined(separator: ", "))."))
        }
        return entry
    }

    /// Links to each saved tour's page (`path?tour=NAME`), the shown one marked current; empty
    /// when there is only one tour.
    static func picker(_ report: TourBudgetsReport, chosen: String?, path: String) -> [[String: Any]] {
        guard report.tours.count > 1 else { return [] }
        return report.tours.map {
            ["name": $0.name, "href": "\(path)?tour=\(QueryValue.escape($0.name))", "current": $0.name == chosen]
        }
    }

    /// The budget page's view model: already-formatted strings only.
    static func view(_ report: TourBudgetsReport, chosen: TourBudgetsReport.Entry?, environment: WebEnvironment)
        throws -> [String: Any]
    {
        var view: [String: Any] = [
            "empty": report.tours.isEmpty, "tours": picker(report, chosen: chosen?.name, path: "/budget"),
        ]
        view["hasPicker"] = !(view["tours"] as? [[String: Any]] ?? []).isEmpty
        guard let chosen else { return view }
        view["tour"] = chosen.name
        view["expensesHref"] = "/expenses?tour=\(QueryValue.escape(chosen.name))"
        guard let statement = chosen.statement else {
            view["noTemplate"] = true
            return view
        }
        let budget = statement.budget
        let reports = statement.comparison ?? [budget]
        view["basis"] =
            budget.basedOnPlan
            ? "Costed from the tour's saved plan."
            : "Costed from the template's counts (no plan is saved for this tour)."
        view["scenarios"] = reports.map { ["name": scenarioName($0)] }
        let categories = reports.flatMap { $0.lines.map(\.category) }.reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        var rows: [[String: Any]] = categories.map { category -> [String: Any] in
            [
                "label": category.capitalized,
                "cells": reports.map { report in
                    report.lines.first { $0.category == category }?.amount.formatted ?? "—"
                },
            ]
        }
        rows.append(["label": "Total", "cells": reports.map(\.total.formatted), "strong": true])
        rows.append([
            "label": "Difference from base", "cells": reports.map { signed($0.total - budget.total) },
        ])
        rows.append(["label": "Raised", "cells": reports.map(\.funding.raised.formatted)])
        rows.append(["label": "Pledged", "cells": reports.map(\.funding.pledged.formatted)])
        rows.append(["label": "Still to raise", "cells": reports.map { gapText($0.funding.gap) }, "strong": true])
        view["rows"] = rows
        view["lines"] = budget.lines.map {
            ["category": $0.category.capitalized, "basis": $0.description, "amount": $0.amount.formatted]
        }
        view["total"] = budget.total.formatted
        var figures = ["Per diem per trainer: \(budget.perDiemPerTrainer.formatted)"]
        if let perTraining = budget.costPerTraining {
            figures.append("Cost per training: \(perTraining.formatted) (\(budget.trainings) trainings)")
        }
        if let perMember = budget.costPerUnaffiliatedMember {
            figures.append(
                "Cost per unaffiliated member reached: \(perMember.formatted) (\(budget.unaffiliatedReached) members)")
        }
        view["figures"] = figures
        view["funding"] = budget.funding.items.map {
            [
                "name": $0.name, "status": $0.status,
                "amount": Money(amount: $0.amount, currency: budget.currency).formatted,
            ]
        }
        let gap = budget.funding.gap
        view["gap"] =
            (gap.amount > 0
                ? "Still to raise: \(gap.formatted)"
                : "Fully funded (surplus \(Money(amount: -gap.amount, currency: gap.currency).formatted))")
            + " — \(budget.funding.gapAfterRaisedOnly.formatted) if the pledges do not come in."
        view["isFunded"] = gap.amount <= 0
        view["variance"] = try environment.templates.render(
            varianceView(variance(statement, tour: chosen.name), expensesHref: view["expensesHref"] as? String),
            template: "web/budget-variance")
        let notes = (statement.notes + statement.warnings(for: .markdown)).map(webNote)
        view["notes"] = notes
        view["hasNotes"] = !notes.isEmpty
        return view
    }

    /// The tour's actuals against its plan: the statement's, or every line at zero when no expense
    /// is recorded for it yet.
    static func variance(_ statement: BudgetStatement, tour: String) -> BudgetVariance {
        statement.actuals ?? BudgetVariance.make(report: statement.budget, actuals: [], tour: tour)
    }

    /// The plan-vs-actual table's view model (shared by /budget and /expenses).
    static func varianceView(_ variance: BudgetVariance, expensesHref: String?) -> [String: Any] {
        var view: [String: Any] = [
            "lines": variance.lines.map { line -> [String: Any] in
                [
                    "category": line.category.capitalized, "planned": line.planned.formatted,
                    "actual": line.actual.formatted, "variance": signed(line.variance),
                    "status": status(line.variance), "over": line.variance.amount > 0,
                ]
            },
            "planned": variance.plannedTotal.formatted, "actual": variance.actualTotal.formatted,
            "variance": signed(variance.variance), "status": status(variance.variance),
            "over": variance.variance.amount > 0,
        ]
        var notes: [String] = []
        let required = variance.missingReceipts.filter(\.isRequired).count
        if !variance.missingReceipts.isEmpty {
            notes.append(
                "\(Plural.count(variance.missingReceipts.count, "expense")) "
                    + "\(Plural.verb(variance.missingReceipts.count, "has", "have")) no receipt"
                    + (required > 0
                        ? "; \(required) of them \(Plural.verb(required, "needs", "need")) one (a receipt is needed for "
                            + "lodging, and for anything else of \(ActualExpense.receiptRequiredFrom) "
                            + "\(variance.plannedTotal.currency) or more)."
                        : "."))
        }
        if !variance.unconverted.isEmpty {
            notes.append(
                "Not counted: \(Plural.count(variance.unconverted.count, "expense")) paid in another currency without a rate to "
                    + "\(variance.plannedTotal.currency); edit them and give the rate.")
        }
        if !variance.unassigned.isEmpty {
            notes.append(
                "\(Plural.count(variance.unassigned.count, "expense")) recorded before expenses had tours "
                    + "\(Plural.verb(variance.unassigned.count, "counts", "count")) for no tour. "
                    + "The web cannot move \(Plural.verb(variance.unassigned.count, "it", "them")) to a tour; an organizer does it at the command line: "
                    + "tourplan budget actuals edit ID --tour \(variance.tour).")
        }
        view["notes"] = notes
        view["hasNotes"] = !notes.isEmpty
        if let expensesHref { view["expensesHref"] = expensesHref }
        return view
    }

    /// A scenario's column heading.
    static func scenarioName(_ report: BudgetReport) -> String { report.scenario ?? "base" }

    /// A budget note in the web's words: the library's advice to run `tourplan tour plan --stops …`
    /// is what an organizer does (plans on the Tours page, saves the budget at the command line);
    /// any other command in backquotes is named as an organizer's command.
    static func webNote(_ note: String) -> String {
        // The template keys a plan sets, in the words of the page ("the distance, nights and
        // trips"), not as the budget file writes them (counts.distance_miles, …).
        note.replacing(/the plan sets ([a-z_.]+(?:, [a-z_.]+)*), so/) { match in
            let words = match.output.1.split(separator: ", ").map { templateKeyWords[String($0)] ?? String($0) }
            let list =
                words.count > 1 ? words.dropLast().joined(separator: ", ") + " and " + (words.last ?? "") : words[0]
            return "the tour's plan sets the \(list), so"
        }
        .replacingOccurrences(
            of: "plan them: `tourplan tour plan --stops …` and budget that plan",
            with: "an organizer plans a tour with fewer stops on the Tours page and saves its budget at the "
                + "command line"
        )
        .replacing(/`(tourplan [^`]*)`/) { match in "the organizer's command “\(match.output.1)”" }
    }

    /// The budget template keys a plan sets, in words.
    static let templateKeyWords = [
        "counts.distance_km": "distance", "counts.distance_miles": "distance", "counts.nights": "nights",
        "counts.trainings": "trainings", "counts.trips": "trips", "counts.travel_days": "travel days",
        "counts.unaffiliated_reached": "members reached",
        "lodging.hosted_nights": "hosted nights",
    ]

    /// What a treasurer does about a tour without a budget template: the web cannot save one, so
    /// an organizer does it at the command line (the command is named as theirs, not the reader's).
    static func askForTemplate(tour: String?) -> String {
        "Ask an organizer to save one; budget templates are saved at the command line: "
            + "tourplan budget TEMPLATE --save \(tour ?? "NAME")."
    }

    /// "+$12.00", "−$5.00" or "$0.00": a variance or difference with its sign spelled out.
    static func signed(_ money: Money) -> String {
        money.amount > 0 ? "+" + money.formatted : money.formatted
    }

    /// "over budget", "under budget" or "on budget": the variance in words, so colour is never the
    /// only sign.
    static func status(_ variance: Money) -> String {
        if variance.amount > 0 { return "over budget" }
        if variance.amount < 0 { return "under budget" }
        return "on budget"
    }

    /// A funding gap: the amount still to raise, or the surplus.
    static func gapText(_ gap: Money) -> String {
        gap.amount > 0
            ? gap.formatted : "funded (surplus \(Money(amount: -gap.amount, currency: gap.currency).formatted))"
    }
}
