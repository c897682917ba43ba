import Foundation

extension Planner {
    /// Writes a commented budget template to fill in, with a plan's counts when given; never
    /// overwrites a file unless asked.
    ///
    /// - Throws: `PlannerError` when `out` exists (without `overwrite`) or cannot be written, or the
    ///   plan is missing; `PlanFileError` for a bad plan.
    public func writeBudgetTemplate(_ query: BudgetInitQuery) async throws -> BudgetInitReport {
        if FileManager.default.fileExists(atPath: query.out) && !query.overwrite {
            throw PlannerError(
                "\(query.out): already exists; nothing written",
                hint: "choose another --out, or add --force to overwrite it")
        }
        let plan = try query.planPath.map(PlannerFiles.plan)
        let title = query.name ?? ActualExpense.defaultTour(forTemplate: query.out)
        let text = BudgetTemplate.starterText(name: title, currency: query.currency, plan: plan)
        try PlannerFiles.write(
            text, to: query.out, detailed: true, hint: "check the folder exists and is writable")
        return BudgetInitReport(out: query.out, planPath: query.planPath, trips: plan?.trips.count)
    }
}
