import ArgumentParser
import Foundation
import TourPlanner

struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls", abstract: "Volunteers' call sheets and outcomes.", subcommands: [List.self, Log.self])

    enum SheetFormat: String, CaseIterable, ExpressibleByArgument {
        case table, csv, html, ics, json
        var outputFormat: TourPlanner.OutputFormat {
            switch self {
            case .table: .table
            case .csv: .csv
            case .html: .html
            case .ics: .ics
            case .json: .json
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "One volunteer's calls and texts for a day (the volunteer's local date).")
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Volunteer name, or the start of it (any case) when only one volunteer's name starts so.")
        var volunteer: String
        @Option(help: "Date (YYYY-MM-DD) on the volunteer's clock.") var date: String
        @Option(
            help:
                "Output format (csv is safe to open in a spreadsheet; html is printable with tel: links; ics for a calendar)."
        )
        var format: SheetFormat = .table
        @Option(help: "Write to this file (created 0600) instead of standard output.") var out: String?
        @OptionGroup var options: ReminderOptions

        func run() async throws {
            guard let day = CalendarDate(iso: date) else {
                throw ValidationError("--date \"\(date)\" is not a date (YYYY-MM-DD)")
            }
            try OutputPath.check(
                out, against: [OutputPath.Input("--rules", options.rules)] + OutputPath.store(database))
            let planner = Planner(store: try database.open(), resources: try PlannerResources())
            let report = try planner.callList(
                volunteer: volunteer, date: day, now: Date(), rules: try options.loadRules())
            let sheet = report.sheet
            let text = try report.render(format.outputFormat)
            if let out {
                try SecureFile.write(text, to: out)
                print("\(sheet.rows.count) tasks written to \(out)")
            } else {
                print(text, terminator: "")
            }
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: "Record what happened on a call (or a filled-in sheet of them).",
            discussion: """
                no-answer and voicemail retry in a later window; rsvp-no cancels the remaining reminders; wrong-number \
                flags the phone; do-not-contact opts the member out of every list. Logging the same outcome again for \
                the same attempt is reported and not stored. --file takes a CSV with the columns task,outcome,note \
                (attempt optional): every line is checked first, and nothing is recorded if one is wrong.
                """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Task id (from the call sheet).") var task: String?
        @Option(help: "reached, voicemail, no-answer, wrong-number, rsvp-yes, rsvp-no or do-not-contact.")
        var outcome: OutcomeOption?
        @Option(help: "A note.") var note: String?
        @Option(help: "Who called (default: the task's volunteer).") var volunteer: String?
        @Option(help: "The attempt this outcome is for (default: inferred; see `calls log --help`).") var attempt: Int?
        @Option(help: "A CSV of outcomes: task,outcome,note (one line per call).") var file: String?
        @OptionGroup var options: ReminderOptions

        enum OutcomeOption: String, CaseIterable, ExpressibleByArgument {
            case reached, voicemail, noAnswer = "no-answer", wrongNumber = "wrong-number", rsvpYes = "rsvp-yes",
                rsvpNo = "rsvp-no", doNotContact = "do-not-contact"
            var outcome: CallOutcome? { CallOutcome(rawValue: rawValue) }
        }

        func validate() throws {
            if file != nil {
                guard task == nil, outcome == nil, attempt == nil else {
                    throw ValidationError(
                        "--file takes the tasks and outcomes from the file: drop --task, --outcome and --attempt")
                }
            } else if task == nil || outcome == nil {
                throw ValidationError("give --task ID --outcome OUTCOME, or --file outcomes.csv")
            }
            if let attempt, attempt < 1 { throw ValidationError("--attempt must be at least 1 (got \(attempt))") }
        }

        func run() async throws {
            let planner = Planner(store: try database.open(), resources: try PlannerResources())
            let now = try options.instant()
            let rules = try options.loadRules()
            let report: OutcomeLogReport
            if let file {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw CLIError("\(file): cannot be read as UTF-8 text", hint: "check the --file path")
                }
                let entries = try OutcomeFile.parse(text, fileName: file)
                report = try planner.logOutcomes(entries, fileName: file, now: now, rules: rules)
            } else if let task, let outcome = outcome?.outcome {
                report = try planner.logOutcome(
                    OutcomeQuery(
                        taskID: task, outcome: outcome, note: note, volunteer: volunteer, attempt: attempt, now: now,
                        rules: rules))
            } else {
                throw ValidationError("give --task ID --outcome OUTCOME, or --file outcomes.csv")
            }
            print(try report.render(.table), terminator: "")
        }
    }
}

/// Builds a call sheet from the store (`tourplan demo`), through the planner's use case.
enum CallSheetLoader {
    static func load(store: TourDatabase, volunteerName: String, date: CalendarDate, rules: ReminderRules) throws
        -> CallSheet
    {
        try Planner(store: store, resources: try PlannerResources()).callList(
            volunteer: volunteerName, date: date, now: Date(), rules: rules
        ).sheet
    }
}

/// Files holding personal data are created 0600.
enum SecureFile {
    static func write(_ text: String, to path: String) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: path) { try? fileManager.removeItem(atPath: path) }
        guard fileManager.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw CLIError("\(path): cannot be written", hint: "check that the folder exists and is writable")
        }
    }
}
