import ArgumentParser
import Foundation
import TourPlanner

/// `--rules FILE` (default: the bundled reminder-rules.toml) and `--now` for scheduling.
struct ReminderOptions: ParsableArguments {
    @Option(help: "Reminder rules file (TOML; see README \"Reminder rules\").") var rules: String?
    @Option(help: "Pretend it is this time (ISO 8601, e.g. 2014-06-01T09:00:00Z); default: now.") var now: String?
    func instant() throws -> Date { try usage { try InstantArgument.parse(now, option: "--now") } }
}

struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Outreach tasks: calls and texts for each event.", subcommands: [Schedule.self]
    )

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create events from a plan, then schedule and store every call and text.",
            discussion: CommandHelp.remindSchedule)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "A plan from `tourplan tour plan` (events are made from its trainings).") var plan: String?
        @Option(help: "Volunteers CSV: name,phone,time_zone,languages,max_calls_per_day.") var volunteers: String?
        @Option(help: "Invite members within this many km of the event.") var radiusKm = 25.0
        @Option(help: "Output format.") var format: RecordFormat = .table
        @Flag(help: "Send reminder texts for events with no venue yet (held otherwise; calls still go).")
        var textsWithoutVenue = false
        @OptionGroup var options: ReminderOptions
        func run() async throws {
            let planner = try database.planner()
            let rules = try ReminderRules.load(options.rules)
            let report = try planner.schedule(
                ScheduleQuery(
                    planPath: plan, volunteersPath: volunteers, radiusKm: radiusKm,
                    textsWithoutVenue: textsWithoutVenue, now: try options.instant(), rules: rules))
            for warning in report.warnings { printError(warning) }
            print(try report.render(format.rendering), terminator: "")
        }
    }
}
