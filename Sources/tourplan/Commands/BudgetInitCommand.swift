import ArgumentParser
import TourPlanner

/// `tourplan budget init [--from-plan PLAN.json] --out FILE.toml`: a commented template to fill in.
struct BudgetInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented budget template to fill in (no need for the repository's Budgets/ folder).",
        discussion: CommandHelp.budgetInit)

    @Option(help: "A plan from `tourplan tour plan`, whose counts to copy.") var fromPlan: String?
    @Option(help: "The template to write (.toml).") var out: String
    @Option(help: "The report title (default: the --out file name without .toml).") var name: String?
    @Option(help: "The budget's currency (ISO 4217).") var currency: String = "USD"
    @Flag(help: "Overwrite an existing --out file (never the plan).") var force = false

    func validate() throws { _ = try query() }

    func query() throws -> BudgetInitQuery {
        try usage {
            try BudgetInitQuery(out: out, planPath: fromPlan, name: name, currency: currency, overwrite: force)
        }
    }

    func run() async throws {
        print(
            try await Planner(store: nil, resources: try PlannerResources()).writeBudgetTemplate(query()).render(.table)
        )
    }
}
