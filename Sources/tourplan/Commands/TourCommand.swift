import ArgumentParser
import Foundation
import TourPlanner

struct TourCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour", abstract: "Plan the chapter-building tour.", subcommands: [PlanCommand.self])

    struct PlanCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Plan dated weekend road trips to the chosen metros and write PLAN.json.",
            discussion: """
                Stops come from the store's metros (`tourplan rank`): --stops NAME… picks them by metro or city
                name, --top N takes the N best-ranked metros with unaffiliated members (default 5) that a trip can
                reach under the day rules, excluding the base's own metro, and says which higher-ranked ones it
                skipped and why. Trips leave the base and come back within one run of allowed days (Saturday and
                Sunday by default), with at most one training a day, and every day passes the day rules: no
                departure before --earliest-departure, no arrival after --latest-arrival (local times), at most
                --max-drive-hours of driving and --max-working-hours of driving plus training, trainings starting
                within --training-start. Day rules come from the defaults, then --settings FILE, then these flags,
                then each team's own keys in --teams. See README "Day rules" and "Tour planning".
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The team's base, e.g. \"New York, NY\" (or Name@lat,lon,TimeZone).") var base: String?
        @Option(help: "Teams file (JSON, see README) instead of --base.") var teams: String?
        @Option(help: "First date (YYYY-MM-DD).") var from: String
        @Option(help: "Last date (YYYY-MM-DD).") var to: String
        @Option(parsing: .upToNextOption, help: "Metros to visit, by name.") var stops: [String] = []
        @Option(help: "Visit the N best-ranked metros (when --stops is not given).") var top: Int?
        @Option(help: "Allowed travel weekdays, comma-separated (mon…sun).") var weekdays = "sat,sun"
        @Option(parsing: .upToNextOption, help: "Dates the team cannot travel.") var blackout: [String] = []
        @Option(help: "Planner settings file (TOML, [day] table; README \"Planner settings\").") var settings: String?
        @Option(help: "Length of a training in hours (default 8).") var trainingHours: Double?
        @Option(help: "Training start: HH:MM fixed, or a window HH:MM-HH:MM (default 09:00-13:00).")
        var trainingStart: String?
        @Option(help: "No drive leaves before this local time (default 07:00).") var earliestDeparture: String?
        @Option(help: "No drive arrives after this local time (default 22:00).") var latestArrival: String?
        @Option(help: "Maximum driving hours per day (default 6).") var maxDriveHours: Double?
        @Option(help: "Maximum driving plus training hours per day (default 12).") var maxWorkingHours: Double?
        @Option(help: "Weekdays to drive the evening before a run of allowed days, e.g. fri (default none).")
        var travelDays: String?
        @Option(help: "Departure time of a travel-day evening drive (default 17:00).") var travelDayDeparture: String?
        @Option(help: "At most this many trainings.") var maxTrainings: Int?
        @Option(help: "Money budget for driving (distance-only costing at --cost-per-km).") var budget: Double?
        @Option(help: "Cost per km for --budget (distance-only costing).") var costPerKm = 0.5
        @Option(help: "Price --budget with this budget template's rates instead (per km, night, trip, training).")
        var rates: String?
        @Option(
            help: """
                all: visit every stop at least cost; value: choose stops to maximize value within the limits; \
                chapters: choose stops and visit kinds (in person, follow-up, remote) for the most expected chapters.
                """)
        var objective: ObjectiveOption = .all
        @Option(help: "Distance/time matrix CSV (from,to,km,hours) overriding the road model.") var matrix: String?
        @Option(help: "Plan drives this fraction longer than the no-traffic model (e.g. 0.15 for 15%).")
        var trafficMargin = 0.0
        @Option(help: "Metro radius in km (as for rank).") var radiusKm = MetroClustering.defaultRadiusKm
        @Option(help: "Random seed (the planner is exact and deterministic; kept for reproducibility).") var seed:
            UInt64 = 1
        @Option(help: "Time limit in seconds (both planners stop on their own well within it).") var seconds = 10.0
        @Option(help: "Where to write the plan (JSON).") var out: String
        @Option(
            help: ArgumentHelp("Also save the plan in the store as tour NAME (replacing its plan).", valueName: "name"))
        var save: String?
        @Option(help: "Summary format.") var format: OutputFormat = .table
        @OptionGroup var places: PlaceOptions

        func validate() throws {
            if !(0...2).contains(trafficMargin) {
                throw ValidationError("--traffic-margin must be a fraction from 0 to 2 (got \(trafficMargin))")
            }
            if base == nil && teams == nil { throw ValidationError("give --base PLACE or --teams FILE") }
            _ = try Self.date(from, option: "--from")
            _ = try Self.date(to, option: "--to")
            if let top, top < 1 { throw ValidationError("--top must be at least 1 (got \(top))") }
            if let maxTrainings, maxTrainings < 1 {
                throw ValidationError("--max-trainings must be at least 1 (got \(maxTrainings))")
            }
            if let budget, budget < 0 { throw ValidationError("--budget must not be negative (got \(budget))") }
            _ = try parsedWeekdays()
            for date in blackout { _ = try Self.date(date, option: "--blackout") }
        }

        /// A YYYY-MM-DD option's date, or the usage error naming the option and the value.
        static func date(_ text: String, option: String) throws -> CalendarDate {
            guard let date = CalendarDate(iso: text) else {
                throw ValidationError("\(option) \"\(text)\" is not a date (YYYY-MM-DD)")
            }
            return date
        }

        func parsedWeekdays() throws -> Set<Int> {
            let names = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]
            var days: Set<Int> = []
            for part in weekdays.lowercased().split(separator: ",") {
                guard let day = names[String(part.trimmingCharacters(in: .whitespaces).prefix(3))] else {
                    throw ValidationError(
                        "--weekdays \"\(weekdays)\": \"\(part)\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
                }
                days.insert(day)
            }
            if days.isEmpty { throw ValidationError("--weekdays must name at least one day") }
            return days
        }

        func run() async throws {
            try OutputPath.check(
                out,
                against: [
                    OutputPath.Input("--teams", teams), OutputPath.Input("--matrix", matrix),
                    OutputPath.Input("--rates", rates), OutputPath.Input("--aliases", places.aliases),
                    OutputPath.Input("--settings", settings),
                ] + OutputPath.store(database))
            let flags = DayRuleSettings(
                trainingHours: trainingHours, trainingStart: trainingStart, earliestDeparture: earliestDeparture,
                latestArrival: latestArrival, maxDriveHours: maxDriveHours, maxWorkingHours: maxWorkingHours,
                travelDays: travelDays, travelDayDeparture: travelDayDeparture)
            let query = TourQuery(
                base: base, teamsPath: teams,
                from: try Self.date(from, option: "--from"), to: try Self.date(to, option: "--to"), stops: stops,
                top: top, weekdays: try parsedWeekdays(),
                blackoutDates: Set(try blackout.map { try Self.date($0, option: "--blackout") }),
                settingsPath: settings, dayRuleFlags: flags, maxTrainings: maxTrainings, budget: budget,
                costPerKm: costPerKm, ratesPath: rates, objective: objective.objective, matrixPath: matrix,
                trafficMargin: trafficMargin, radiusKm: radiusKm, seed: seed, out: out)
            let planner = Planner(
                store: try database.open(), resources: try PlannerResources(aliasFile: places.aliases))
            let report = try await planner.planTour(query) { resolved in
                if format != .json { PlaceEcho.printToStandardError(resolved) }
            }
            for line in report.skippedLines { printError(line) }
            if let save { printError(try await planner.saveTourPlan(report.plan, name: save).note) }
            printOutput(try report.render(format.rendered))
        }
    }
}

/// `--objective all|value|chapters`.
enum ObjectiveOption: String, CaseIterable, ExpressibleByArgument {
    case all
    case value
    /// Expected new chapters, with in-person, follow-up and remote visits (README "Planning for chapters").
    case chapters
    var objective: TourQuery.Objective {
        switch self {
        case .all: .all
        case .value: .value
        case .chapters: .chapters
        }
    }
}

extension OutputFormat {
    /// The library's format of the same name.
    fileprivate var rendered: TourPlanner.OutputFormat {
        switch self {
        case .table: .table
        case .csv: .csv
        case .json: .json
        }
    }
}
