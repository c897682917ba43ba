extension Planner {
    /// Fills in a budget template, from a plan when given, with one scenario or all of them, and the
    /// tour's recorded actuals from the store when there is one (a budget needs no store: none is
    /// created).
    ///
    /// - Throws: `PlannerError` for a missing file; `BudgetError` for a bad template or scenario;
    ///   `PlanFileError` for a bad plan; the store's errors.
    public func budget(_ query: BudgetQuery) async throws -> BudgetStatement {
        let text = try PlannerFiles.budgetTemplate(query.templatePath)
        let plan = try query.planPath.map(PlannerFiles.plan)
        return try budgetStatement(
            text: text, fileName: query.templatePath, plan: plan, scenario: query.scenario, compare: query.compare,
            tour: query.tour ?? ActualExpense.defaultTour(forTemplate: query.templatePath))
    }

    /// The statement of a template's text (read from `fileName`), as `budget(_:)` makes it.
    func budgetStatement(
        text: String, fileName: String, plan: TourPlan?, scenario: String?, compare: Bool, tour: String
    ) throws -> BudgetStatement {
        let base = try BudgetTemplate.parse(text, fileName: fileName, scenario: scenario)
        let report = BudgetCalculator.report(template: base, plan: plan, scenario: scenario)
        var statement = BudgetStatement(budget: report, notes: [])
        if let store {
            let actuals = try store.actuals()
            let variance = BudgetVariance.make(report: report, actuals: actuals, tour: tour)
            if !variance.isEmpty {
                statement.actuals = variance
            } else if !actuals.isEmpty {
                let tours = Set(actuals.map(\.tour)).sorted().joined(separator: ", ")
                statement.notes.append(
                    "note: no actual expenses for tour \(tour) (recorded tours: \(tours)); see --tour")
            }
        }
        if compare {
            var reports = [report]
            for name in base.scenarioNames where name != scenario {
                let other = try BudgetTemplate.parse(text, fileName: fileName, scenario: name)
                reports.append(BudgetCalculator.report(template: other, plan: plan, scenario: name))
            }
            statement.comparison = reports
        }
        return statement
    }
}
