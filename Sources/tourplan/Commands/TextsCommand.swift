import ArgumentParser
import TourPlanner

struct TextsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "texts", abstract: "Reminder texts.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The reminder texts of a day, with their message bodies.", discussion: CommandHelp.textsList)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Date (YYYY-MM-DD), in each member's own zone.") var date: String
        @Option(help: "table, csv or spoke.") var format: TextFormat = .table
        @Option(help: "Write to this file (created 0600).") var out: String?
        @OptionGroup var options: ReminderOptions

        enum TextFormat: String, FormatChoice { case table, csv, spoke }

        func run() async throws {
            let day = try usage { try CalendarDate.argument(date, option: "--date") }
            try OutputFile.check(out, against: ["--rules": options.rules], store: database.resolvedPath)
            let report = try database.planner().texts(date: day, rules: try ReminderRules.load(options.rules))
            for warning in report.warnings { printError(warning) }
            try printOutput(
                try report.render(option: format.rawValue), to: out, what: report.written)
        }
    }
}
