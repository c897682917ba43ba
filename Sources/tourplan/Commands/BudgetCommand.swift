import ArgumentParser
import Foundation
import TourPlanner

struct BudgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "The tour budget: lines, totals, scenarios, funding gap, and actual spending.",
        subcommands: [ReportCommand.self, ActualsCommand.self],
        defaultSubcommand: ReportCommand.self)

    enum Format: String, CaseIterable, ExpressibleByArgument { case table, md, csv, json }

    struct ReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Fill in a budget template (the default: `tourplan budget TEMPLATE`).",
            discussion: """
                With --plan, days, nights (and which ones members host) and distances come from the plan;
                without, from the template's [counts]. --scenario applies one [scenarios.NAME] table;
                --compare shows every scenario beside the base. Recorded actuals (`tourplan budget actuals
                import`) are shown against the plan. See Budgets/README.md.
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Budget template (TOML), e.g. Budgets/east-coast-2014.toml.") var template: String
        @Option(help: "A plan from `tourplan tour plan`.") var plan: String?
        @Option(help: "Apply one scenario of the template.") var scenario: String?
        @Flag(help: "Show every scenario beside the base, with the difference.") var compare = false
        @Option(help: "Output format.") var format: Format = .table

        func run() async throws {
            guard let text = try? String(contentsOfFile: template, encoding: .utf8) else {
                throw CLIError("\(template): cannot be read", hint: "check the path; templates live in Budgets/")
            }
            let tourPlan = try plan.map(PlanFile.load)
            let base = try BudgetTemplate.parse(text, fileName: template, scenario: scenario)
            let report = BudgetCalculator.report(template: base, plan: tourPlan, scenario: scenario)
            var variance: BudgetVariance?
            if let path = database.path ?? ProcessInfo.processInfo.environment["TOURPLAN_DB"],
                FileManager.default.fileExists(atPath: path)
            {
                let actuals = try TourDatabase.openExisting(path: path).actuals()
                if !actuals.isEmpty { variance = try BudgetVariance.make(report: report, actuals: actuals) }
            }
            if compare {
                var reports = [report]
                for name in base.scenarioNames where name != scenario {
                    let scenarioTemplate = try BudgetTemplate.parse(text, fileName: template, scenario: name)
                    reports.append(BudgetCalculator.report(template: scenarioTemplate, plan: tourPlan, scenario: name))
                }
                printOutput(BudgetRenderer.comparison(reports, format: format))
                return
            }
            printOutput(BudgetRenderer.render(report, variance: variance, format: format))
        }
    }

    struct ActualsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "actuals", abstract: "Record actual spending.", subcommands: [ImportActuals.self])

        struct ImportActuals: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "import",
                abstract: "Import actual expenses (CSV: date,category,trip,amount,currency,note,receipt).",
                discussion:
                    "Re-importing the same rows adds nothing. Categories: \(ActualExpense.categories.joined(separator: ", "))."
            )
            @OptionGroup var database: DatabaseOptions
            @Argument(help: "Expenses CSV.") var file: String

            func run() async throws {
                let expenses = try ActualExpense.parseCSV(path: file, fileName: file)
                let added = try database.open().recordActuals(
                    expenses, sourceFile: (file as NSString).lastPathComponent)
                print(
                    "\(file): \(expenses.count) expenses read, \(added) new, \(expenses.count - added) already recorded"
                )
                let missing = expenses.filter { $0.receipt.isEmpty }
                if !missing.isEmpty {
                    print("\(missing.count) without a receipt reference (see `tourplan budget TEMPLATE`).")
                }
            }
        }
    }
}
