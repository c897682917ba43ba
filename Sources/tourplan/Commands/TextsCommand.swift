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
            let store = try database.open()
            let rules = try options.loadRules()
            let tasks = try store.tasks().filter {
                $0.kind == .reminderText && $0.status == .pending
                    && LocalClock.localDate($0.windowStart, zone: $0.timeZone) == day
            }
            let details = try store.contactDetails(tasks.map(\.memberId))
            let events = Dictionary(try store.events().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var rows: [[String]] = []
            for task in tasks {
                guard let detail = details[task.memberId], let phone = detail.phoneE164 ?? detail.phoneRaw else {
                    continue
                }
                let event = events[task.eventId]
                let body = CallSheet.fill(
                    rules.script(.reminderText, languages: detail.languages),
                    values: [
                        "firstName": detail.firstName, "metro": event?.metro ?? "",
                        "date": event.map { SpokenDate.date($0.date, languages: detail.languages) } ?? "",
                        "time": event.map { SpokenDate.time($0.start, languages: detail.languages) } ?? "",
                        "venue": event?.venue ?? rules.script(.venueToBeAnnounced, languages: detail.languages),
                        "organizer": event?.organizer ?? "", "volunteer": task.volunteer,
                    ])
                let lastName = detail.name.split(separator: " ").dropFirst().joined(separator: " ")
                rows.append([
                    detail.firstName, lastName, phone, "", task.memberId.rawValue, event?.metro ?? "",
                    event?.start.description ?? "",
                    LocalClock.iso(task.windowStart, zone: task.timeZone), body, task.taskId,
                ])
            }
            let text: String
            switch format {
            case .spoke:
                text =
                    ([
                        SpreadsheetSafety.csvLine([
                            "firstName", "lastName", "cell", "zip", "external_id", "eventMetro", "eventTime",
                            "sendAfter", "message",
                        ])
                    ]
                    + rows.map { SpreadsheetSafety.csvLine(Array($0.prefix(9))) }).joined(separator: "\r\n") + "\r\n"
            case .csv:
                text =
                    ([SpreadsheetSafety.csvLine(["task", "member", "name", "phone", "send after", "message"])]
                    + rows.map { SpreadsheetSafety.csvLine([$0[9], $0[4], "\($0[0]) \($0[1])", $0[2], $0[7], $0[8]]) })
                    .joined(separator: "\r\n") + "\r\n"
            case .table:
                text =
                    rows.isEmpty
                    ? "No reminder texts on \(day).\n"
                    : rows.map { "\($0[7])  \($0[0]) \($0[1])  \($0[2])\n    \($0[8])" }.joined(separator: "\n") + "\n"
            }
            if let out {
                try SecureFile.write(text, to: out)
                print("\(rows.count) texts written to \(out)")
            } else {
                print(text, terminator: "")
            }
        }
    }
}
