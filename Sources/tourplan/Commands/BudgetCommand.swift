import ArgumentParser
import Foundation
import TourPlanner

struct BudgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "The tour budget: lines, totals, scenarios, funding gap, and actual spending.",
        subcommands: [ReportCommand.self, BudgetActualsCommand.self, BudgetInitCommand.self],
        defaultSubcommand: ReportCommand.self)

    enum Format: String, CaseIterable, ExpressibleByArgument { case table, md, csv, json }

    struct ReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Fill in a budget template (the default: `tourplan budget TEMPLATE`).",
            discussion: """
                With --plan, days, nights (and which ones members host) and distances come from the plan;
                without, from the template's [counts]. --scenario applies one [scenarios.NAME] table;
                --compare shows every scenario beside the base; with --plan, scenario keys the plan sets
                ([counts], lodging.hosted_nights) are named as replaced. Counts that contradict each other
                are warned about on stderr. The tour's recorded actuals (`tourplan budget actuals add`; the
                tour is --tour, else the template's file name without .toml) are shown against the plan,
                converted at each expense's recorded rate. See Budgets/README.md.
                """)

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Budget template (TOML), e.g. Budgets/east-coast-2014.toml.") var template: String
        @Option(help: "A plan from `tourplan tour plan`.") var plan: String?
        @Option(help: "Apply one scenario of the template.") var scenario: String?
        @Flag(help: "Show every scenario beside the base, with the difference.") var compare = false
        @Option(help: "Whose actual expenses to show (default: the template's file name without .toml).")
        var tour: String?
        @Option(help: "Output format.") var format: Format = .table

        func run() async throws {
            let text = try BudgetFiles.readTemplate(template)
            let tourPlan = try plan.map(PlanFile.load)
            let base = try BudgetTemplate.parse(text, fileName: template, scenario: scenario)
            let report = BudgetCalculator.report(template: base, plan: tourPlan, scenario: scenario)
            var variance: BudgetVariance?
            // Without a store there are no actuals to show, and the report needs none: create nothing.
            if FileManager.default.fileExists(atPath: database.resolvedPath) {
                let actuals = try database.open().actuals()
                let tourName = tour ?? ActualExpense.defaultTour(forTemplate: template)
                let made = BudgetVariance.make(report: report, actuals: actuals, tour: tourName)
                if !made.isEmpty {
                    variance = made
                } else if !actuals.isEmpty {
                    let tours = Set(actuals.map(\.tour)).sorted().joined(separator: ", ")
                    FileHandle.standardError.write(
                        Data(
                            "note: no actual expenses for tour \(tourName) (recorded tours: \(tours)); see --tour\n"
                                .utf8))
                }
            }
            if compare {
                var reports = [report]
                for name in base.scenarioNames where name != scenario {
                    let scenarioTemplate = try BudgetTemplate.parse(text, fileName: template, scenario: name)
                    reports.append(BudgetCalculator.report(template: scenarioTemplate, plan: tourPlan, scenario: name))
                }
                printOutput(BudgetRenderer.comparison(reports, format: format))
                BudgetRenderer.printWarnings(of: reports, format: format, compare: true)
                return
            }
            printOutput(BudgetRenderer.render(report, variance: variance, format: format))
            BudgetRenderer.printWarnings(of: [report], format: format)
        }
    }
}

/// Reading budget files with clear errors.
enum BudgetFiles {
    static func readTemplate(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CLIError(
                "\(path): cannot be read (\(error.localizedDescription))",
                hint:
                    "check the path; templates live in Budgets/, or write one with `tourplan budget init --out FILE.toml`"
            )
        }
    }
}
