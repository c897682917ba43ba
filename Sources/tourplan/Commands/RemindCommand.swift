import ArgumentParser
import Foundation
import TourPlanner

/// `--rules FILE` (default: the bundled reminder-rules.toml) and `--now` for scheduling.
struct ReminderOptions: ParsableArguments {
    @Option(help: "Reminder rules file (TOML; see README \"Reminder rules\").") var rules: String?
    @Option(help: "Pretend it is this time (ISO 8601, e.g. 2014-06-01T09:00:00Z); default: now.") var now: String?

    func loadRules() throws -> ReminderRules {
        guard let rules else { return try ReminderRules.loadBundled() }
        guard let text = try? String(contentsOfFile: rules, encoding: .utf8) else {
            throw CLIError("\(rules): cannot be read", hint: "check the --rules path")
        }
        return try ReminderRules.parse(text, fileName: rules)
    }

    func instant() throws -> Date {
        guard let now else { return Date() }
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: now) else {
            throw ValidationError("--now \"\(now)\" is not an ISO 8601 time like 2014-06-01T09:00:00Z")
        }
        return date
    }
}

struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Outreach tasks: calls and texts for each event.", subcommands: [Schedule.self]
    )

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "Create events from a plan, then schedule and store every call and text.",
            discussion: """
                Re-running after a new plan or import updates tasks in place (ids are event/member/kind): it never
                duplicates them and never loses recorded outcomes. Members with no phone or opted out are reported.
                """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "A plan from `tourplan tour plan` (events are made from its trainings).") var plan: String?
        @Option(help: "Volunteers CSV: name,phone,time_zone,languages,max_calls_per_day.") var volunteers: String?
        @Option(help: "Invite members within this many km of the event.") var radiusKm = 25.0
        @Option(help: "Output format.") var format: ReminderFormat = .table
        @Flag(help: "Send reminder texts for events with no venue yet (held otherwise; calls still go).")
        var textsWithoutVenue = false
        @OptionGroup var options: ReminderOptions

        enum ReminderFormat: String, CaseIterable, ExpressibleByArgument { case table, json }

        func run() async throws {
            let store = try database.open()
            let rules = try options.loadRules()
            let now = try options.instant()
            let tourPlan = try plan.map(PlannerFiles.plan)
            let team = try volunteers.map { path in
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw CLIError("\(path): cannot be read", hint: "check the --volunteers path")
                }
                return try VolunteerFile.parse(text, fileName: path)
            }
            let report = try Planner(store: store, resources: try PlannerResources()).schedule(
                ScheduleQuery(
                    plan: tourPlan, volunteers: team, radiusKm: radiusKm, textsWithoutVenue: textsWithoutVenue,
                    now: now, rules: rules))
            for warning in report.warnings { printError(warning) }
            switch format {
            case .json: print(try report.render(.json), terminator: "")
            case .table: print(try report.render(.table), terminator: "")
            }
        }
    }
}
