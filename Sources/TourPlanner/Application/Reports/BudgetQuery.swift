/// What `Planner.budget(_:)` costs: a template, optionally a plan and a scenario.
public struct BudgetQuery: Sendable, Hashable {
    /// The budget template (TOML), e.g. Budgets/east-coast-2014.toml.
    package var templatePath: String
    /// A plan from `tourplan tour plan`: its days, nights and distances replace the template's counts.
    package var planPath: String?
    /// One `[scenarios.NAME]` table to apply.
    package var scenario: String?
    /// Whether to cost every scenario beside the base.
    package var compare: Bool
    /// Whose recorded actuals to show (default: the template's file name without .toml).
    package var tour: String?

    /// A query for the template at `templatePath`.
    public init(
        templatePath: String, planPath: String? = nil, scenario: String? = nil, compare: Bool = false,
        tour: String? = nil
    ) {
        self.templatePath = templatePath
        self.planPath = planPath
        self.scenario = scenario
        self.compare = compare
        self.tour = tour
    }

    /// Checks `budget TEMPLATE --save NAME [--replace]` as typed: `--replace` needs `--save`.
    ///
    /// - Throws: `InvalidArgument` for `--replace` without `--save NAME`.
    public static func checkSave(_ save: String?, replacing: Bool) throws {
        if replacing && save == nil {
            throw InvalidArgument("--replace needs --save NAME (the tour whose budget template to replace)")
        }
    }
}
