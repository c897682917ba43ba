import ArgumentParser
import Foundation
import TourPlanner

struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls", abstract: CommandHelp.calls, subcommands: [List.self, Log.self, Undo.self])

    enum SheetFormat: String, FormatChoice { case table, csv, html, ics, json }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.callsList)
        @OptionGroup var database: DatabaseOptions
        @Option(help: ArgumentHelp(CommandHelp.callsListVolunteer)) var volunteer: String
        @Option(help: "Date (YYYY-MM-DD) on the volunteer's clock.") var date: String
        @Option(help: ArgumentHelp(CommandHelp.callsListFormat)) var format: SheetFormat = .table
        @Option(help: "Write to this file (created 0600) instead of standard output.") var out: String?
        @OptionGroup var options: ReminderOptions

        func run() async throws {
            let day = try usage { try CalendarDate.argument(date, option: "--date") }
            try OutputFile.check(out, against: ["--rules": options.rules], store: database.resolvedPath)
            let report = try database.planner().callList(
                volunteer: volunteer, date: day, now: Date(), rules: try ReminderRules.load(options.rules))
            try printOutput(try report.render(format.rendering), to: out, what: report.written)
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record what happened on a call (or a filled-in sheet of them).",
            discussion: CommandHelp.callsLog)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Task id (from the call sheet).") var task: String?
        @Option(help: ArgumentHelp(CommandHelp.callsLogOutcome)) var outcome: CallOutcome?
        @Option(help: "A note.") var note: String?
        @Option(help: "Who called (default: the task's volunteer).") var volunteer: String?
        @Option(help: "The attempt this outcome is for (default: inferred; see `calls log --help`).") var attempt: Int?
        @Option(help: "A CSV of outcomes: task,outcome,note (one line per call).") var file: String?
        @OptionGroup var options: ReminderOptions

        func run() async throws {
            let query = try usage {
                try OutcomeLogQuery(
                    file: file, task: task, outcome: outcome, note: note, volunteer: volunteer, attempt: attempt,
                    now: try options.instant(), rules: try ReminderRules.load(options.rules))
            }
            print(try database.planner().logOutcomes(query).render(.table), terminator: "")
        }
    }

    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.callsUndoAbstract, discussion: CommandHelp.callsUndo)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Task id (as for `calls log`).") var task: String
        func run() async throws { print(try database.planner().undoOutcome(.init(taskID: task, now: Date())).summary) }
    }
}
