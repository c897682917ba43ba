import ArgumentParser
import TourPlanner

struct BudgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: "The tour budget: lines, totals, scenarios, funding gap, and actual spending.",
        subcommands: [ReportCommand.self, BudgetActualsCommand.self, BudgetInitCommand.self],
        defaultSubcommand: ReportCommand.self)

    enum Format: String, FormatChoice { case table, md, csv, json }

    struct ReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
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
        @Option(
            help: ArgumentHelp(
                "Also save the template in the store as tour NAME (replacing its template).", valueName: "name"))
        var save: String?

        func run() async throws {
            let planner = try database.location.expensesPlanner(optional: true)
            if let save { printError(try await planner.saveTourBudget(templatePath: template, name: save).note) }
            let statement = try await planner.budget(
                BudgetQuery(templatePath: template, planPath: plan, scenario: scenario, compare: compare, tour: tour))
            for note in statement.notes { printError(note) }
            printOutput(try statement.render(format.rendering))
            for warning in statement.warnings(for: format.rendering) { printError(warning) }
        }
    }
}
