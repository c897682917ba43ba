import ArgumentParser
import Foundation
import TourPlanner

struct TextsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "texts", abstract: "Reminder texts.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "The reminder texts of a day, with their message bodies.",
            discussion:
                "--format spoke writes Spoke's contact upload CSV (firstName,lastName,cell,zip,external_id + message fields)."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Date (YYYY-MM-DD), in each member's own zone.") var date: String
        @Option(help: "table, csv or spoke.") var format: TextFormat = .table
        @Option(help: "Write to this file (created 0600).") var out: String?
        @OptionGroup var options: ReminderOptions

        enum TextFormat: String, CaseIterable, ExpressibleByArgument { case table, csv, spoke }

        func run() async throws {
            guard let day = CalendarDate(iso: date) else {
                throw ValidationError("--date \"\(date)\" is not a date (YYYY-MM-DD)")
            }
            try OutputPath.check(
                out, against: [OutputPath.Input("--rules", options.rules)] + OutputPath.store(database))
            let planner = Planner(store: try database.open(), resources: try PlannerResources())
            let report = try planner.texts(date: day, rules: try options.loadRules())
            for warning in report.warnings { printError(warning) }
            let text: String
            switch format {
            case .spoke: text = report.spokeCSV()
            case .csv: text = try report.render(.csv)
            case .table: text = try report.render(.table)
            }
            if let out {
                try SecureFile.write(text, to: out)
                print("\(report.export.texts.count) texts written to \(out)")
            } else {
                print(text, terminator: "")
            }
        }
    }
}
