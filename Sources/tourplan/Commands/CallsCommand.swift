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
        @Option(help: "Volunteer name.") var volunteer: String
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
                        row.phoneNational ?? row.phoneAsTyped ?? "-", row.event,
                        row.previousOutcomes.joined(separator: "; "),
                    ])
                }
                text =
                    (sheet.rows.isEmpty
                        ? "Nothing to do for \(volunteer) on \(day)."
                        : table.render() + "\n\n"
                            + sheet.rows.map { "\($0.taskId): \($0.script)" }.joined(separator: "\n")) + "\n"
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
            commandName: "log", abstract: "Record what happened on a call.",
            discussion:
                "no-answer and voicemail retry in the next window; rsvp-no cancels the remaining reminders; wrong-number flags the phone; do-not-contact opts the member out of every list."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Task id (from the call sheet).") var task: String
        @Option(help: "reached, voicemail, no-answer, wrong-number, rsvp-yes, rsvp-no or do-not-contact.") var outcome:
            OutcomeOption
        @Option(help: "A note.") var note: String?
        @Option(help: "Who called (default: the task's volunteer).") var volunteer: String?
        @OptionGroup var options: ReminderOptions

        enum OutcomeOption: String, CaseIterable, ExpressibleByArgument {
            case reached, voicemail, noAnswer = "no-answer", wrongNumber = "wrong-number", rsvpYes = "rsvp-yes",
                rsvpNo = "rsvp-no", doNotContact = "do-not-contact"
            var outcome: CallOutcome { CallOutcome(rawValue: rawValue) ?? .reached }
        }

        func run() async throws {
            let store = try database.open()
            let changed = try store.logOutcome(
                taskID: task, outcome: outcome.outcome, note: note, volunteer: volunteer, now: try options.instant(),
                rules: try options.loadRules())
            for task in changed {
                print(
                    "\(task.taskId): \(task.status.rawValue)"
                        + (task.status == .pending
                            ? " (next window \(LocalClock.iso(task.windowStart, zone: task.timeZone)))" : "")
                        + (task.note.map { " — \($0)" } ?? ""))
            }
        }
    }
}

/// Builds a call sheet from the store.
enum CallSheetLoader {
    static func load(store: TourDatabase, volunteerName: String, date: CalendarDate, rules: ReminderRules) throws
        -> CallSheet
    {
        let volunteers = try store.volunteers()
        guard let volunteer = volunteers.first(where: { $0.name.caseInsensitiveCompare(volunteerName) == .orderedSame })
        else {
            throw CLIError(
                "no volunteer called \"\(volunteerName)\"",
                hint: volunteers.isEmpty
                    ? "add volunteers with `tourplan remind schedule --volunteers FILE`"
                    : "volunteers: \(volunteers.map(\.name).joined(separator: ", "))")
        }
        let tasks = try store.tasks().filter { $0.volunteer == volunteer.name }
        let details = try store.contactDetails(tasks.map(\.memberId))
        var contacts: [MemberID: CallSheet.Contact] = [:]
        var outcomes: [MemberID: [String]] = [:]
        for (id, detail) in details {
            contacts[id] = CallSheet.Contact(
                name: detail.name, firstName: detail.firstName, phoneRaw: detail.phoneRaw, phoneE164: detail.phoneE164,
                languages: detail.languages)
            outcomes[id] = try store.outcomes(memberID: id).map {
                "\(LocalClock.iso($0.recordedAt, zone: volunteer.timeZone).prefix(10)) \($0.outcome)"
            }
        }
        let events = Dictionary(try store.events().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let phones = PhoneNumberNormalizer.loadBundled()
        return CallSheet.make(
            volunteer: volunteer, date: date, tasks: tasks, events: events, contacts: contacts, outcomes: outcomes,
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
