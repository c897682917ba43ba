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
            let store = try database.open()
            let rules = try options.loadRules()
            let tasks = ReminderTextExport.due(try store.tasks(), on: day)
            let export = ReminderTextExport.make(
                date: day, tasks: tasks, members: try store.members(ids: tasks.map(\.memberId)),
                events: Dictionary(try store.events().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                rules: rules)
            if !export.withoutPhone.isEmpty {
                printError(
                    "Warning: \(export.withoutPhone.count) texts not exported: the member has no phone number"
                        + " (members \(export.withoutPhone.map(\.rawValue).joined(separator: " ")))")
            }
            if !export.withoutMember.isEmpty {
                printError(
                    "Warning: \(export.withoutMember.count) texts not exported: the member is no longer in the store"
                        + " (members \(export.withoutMember.map(\.rawValue).joined(separator: " "))); run `tourplan remind schedule`"
                )
            }
            let text: String
            switch format {
            case .spoke: text = export.spokeCSV()
            case .csv: text = export.csv()
            case .table: text = export.table()
            }
            if let out {
                try SecureFile.write(text, to: out)
                print("\(export.texts.count) texts written to \(out)")
            } else {
                print(text, terminator: "")
            }
        }
    }
}
