import ArgumentParser
import TourPlanner

struct BudgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: "The tour budget: lines, totals, scenarios, funding gap, and actual spending.",
        subcommands: [Report.self, BudgetActualsCommand.self, Init.self], defaultSubcommand: Report.self)

    enum Format: String, FormatChoice { case table, md, csv, json }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill in a budget template (the default: `tourplan budget TEMPLATE`).",
            discussion: CommandHelp.budgetReport)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Budget template (TOML), e.g. Budgets/east-coast-2014.toml.") var template: String
        @Option(help: "A plan from `tourplan tour plan`.") var plan: String?
        @Option(help: "Apply one scenario of the template.") var scenario: String?
        @Flag(help: "Show every scenario beside the base, with the difference.") var compare = false
        @Option(help: "Whose actual expenses to show (default: the template's file name without .toml).")
        var tour: String?
        @Option(help: "Output format.") var format: Format = .table
        @Option(help: ArgumentHelp(CommandHelp.budgetSave, valueName: "name")) var save: String?
        @Flag(help: ArgumentHelp(CommandHelp.budgetReplace)) var replace = false
        func validate() throws { try usage { try BudgetQuery.checkSave(save, replacing: replace) } }
        func run() async throws {
            let planner = try database.location.expensesPlanner(optional: true)
            if let save {
                printError(
                    try await planner.saveTourBudget(templatePath: template, name: save, replacing: replace).note)
            }
            let statement = try await planner.budget(
                BudgetQuery(templatePath: template, planPath: plan, scenario: scenario, compare: compare, tour: tour))
            for note in statement.notes { printError(note) }
            printOutput(try statement.render(format.rendering))
            for warning in statement.warnings(for: format.rendering) { printError(warning) }
        }
    }

    /// `tourplan budget init [--from-plan PLAN.json] --out FILE.toml`: a commented template to fill in.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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

        func run() async throws { print(try await Planner.withoutStore().writeBudgetTemplate(query()).render(.table)) }
    }
}
