import ArgumentParser
import Foundation
import TourPlanner

struct CallsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls", abstract: "Volunteers' call sheets and outcomes.", subcommands: [List.self, Log.self])

    enum SheetFormat: String, CaseIterable, ExpressibleByArgument { case table, csv, html, ics, json }

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
            let store = try database.open()
            let sheet = try CallSheetLoader.load(
                store: store, volunteerName: volunteer, date: day, rules: try options.loadRules())
            let text: String
            switch format {
            case .csv: text = sheet.csv()
            case .html: text = sheet.html()
            case .ics: text = sheet.ics()
            case .json: text = try JSONOutput.encode(sheet) + "\n"
            case .table:
                var table = TextTable(["member window", "your time", "kind", "name", "dial", "event", "before"])
                for row in sheet.rows {
                    table.add([
                        row.memberWindow, row.volunteerWindow, row.kind.rawValue, row.memberName,
                        row.dial.isEmpty ? "-" : row.dial, row.event,
                        row.previousOutcomes.joined(separator: "; "),
                    ])
                }
                text =
                    (sheet.rows.isEmpty
                        ? "Nothing to do for \(sheet.volunteer) on \(day)."
                        : table.render() + "\n\n"
                            + sheet.rows.map { "\($0.taskId): \($0.fullScript)" }.joined(separator: "\n")) + "\n"
            }
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
            let store = try database.open()
            let now = try options.instant()
            let rules = try options.loadRules()
            let logged: [TourDatabase.LoggedOutcome]
            if let file {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw CLIError("\(file): cannot be read as UTF-8 text", hint: "check the --file path")
                }
                let entries = try OutcomeFile.parse(text, fileName: file)
                logged = try store.logOutcomes(entries, fileName: file, now: now, rules: rules)
            } else if let task, let outcome = outcome?.outcome {
                logged = [
                    try store.logOutcome(
                        taskID: task, outcome: outcome, note: note, volunteer: volunteer, attempt: attempt, now: now,
                        rules: rules)
                ]
            } else {
                throw ValidationError("give --task ID --outcome OUTCOME, or --file outcomes.csv")
            }
            for entry in logged {
                let place = entry.line.map { "line \($0): " } ?? ""
                if entry.isDuplicate {
                    print(
                        "\(place)\(entry.taskID): \(entry.outcome.rawValue) is already recorded for attempt \(entry.attempt): not stored again"
                    )
                    continue
                }
                for task in entry.tasks {
                    print(
                        "\(place)\(task.taskId): \(task.status.rawValue)"
                            + (task.status == .pending
                                ? " (next window \(LocalClock.iso(task.windowStart, zone: task.timeZone)))" : "")
                            + (task.note.map { " — \($0)" } ?? ""))
                }
            }
            let stored = logged.filter { !$0.isDuplicate }.count
            if logged.count > 1 {
                print("\(stored) outcomes recorded, \(logged.count - stored) already recorded.")
            }
        }
    }
}

/// Builds a call sheet from the store.
enum CallSheetLoader {
    static func load(store: TourDatabase, volunteerName: String, date: CalendarDate, rules: ReminderRules) throws
        -> CallSheet
    {
        let volunteer = try Volunteer.find(volunteerName, in: try store.volunteers())
        let tasks = try store.tasks().filter { $0.volunteer == volunteer.name }
        let details = try store.contactDetails(tasks.map(\.memberId))
        var contacts: [MemberID: CallSheet.Contact] = [:]
        var outcomes: [MemberID: [String]] = [:]
        for (id, detail) in details {
            contacts[id] = CallSheet.Contact(
                name: detail.name, firstName: detail.firstName, phoneRaw: detail.phoneRaw, phoneE164: detail.phoneE164,
                languages: detail.languages, countryCode: detail.countryCode)
            outcomes[id] = try store.outcomes(memberID: id).map {
                "\(LocalClock.iso($0.recordedAt, zone: volunteer.timeZone).prefix(10)) \($0.outcome)"
            }
        }
        let events = Dictionary(try store.events().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let phones = PhoneNumberNormalizer.loadBundled()
        return CallSheet.make(
            volunteer: volunteer, date: date, tasks: tasks, events: events, contacts: contacts,
            confirmed: Set(try store.rsvps().filter { $0.value == .rsvpYes }.keys), outcomes: outcomes,
            rules: rules,
            nationalForm: { phones?.nationalForm($0) })
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
