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
        let base = try BudgetTemplate.parse(text, fileName: query.templatePath, scenario: query.scenario)
        let report = BudgetCalculator.report(template: base, plan: plan, scenario: query.scenario)
        var statement = BudgetStatement(budget: report, notes: [])
        if let store {
            let actuals = try store.actuals()
            let tour = query.tour ?? ActualExpense.defaultTour(forTemplate: query.templatePath)
            let variance = BudgetVariance.make(report: report, actuals: actuals, tour: tour)
            if !variance.isEmpty {
                statement.actuals = variance
            } else if !actuals.isEmpty {
                let tours = Set(actuals.map(\.tour)).sorted().joined(separator: ", ")
                statement.notes.append(
                    "note: no actual expenses for tour \(tour) (recorded tours: \(tours)); see --tour")
            }
        }
        if query.compare {
            var reports = [report]
            for name in base.scenarioNames where name != query.scenario {
                let scenario = try BudgetTemplate.parse(text, fileName: query.templatePath, scenario: name)
                reports.append(BudgetCalculator.report(template: scenario, plan: plan, scenario: name))
            }
            statement.comparison = reports
        }
        return statement
    }
}
