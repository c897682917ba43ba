import ArgumentParser
import TourPlanner

struct TourCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tour", abstract: CommandHelp.tour, subcommands: [Plan.self, List.self, Delete.self])

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CommandHelp.tourPlanAbstract, discussion: CommandHelp.tourPlan)
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
        @Option(help: ArgumentHelp(CommandHelp.tourTrainingStart)) var trainingStart: String?
        @Option(help: "No drive leaves before this local time (default 07:00).") var earliestDeparture: String?
        @Option(help: "No drive arrives after this local time (default 22:00).") var latestArrival: String?
        @Option(help: "Maximum driving hours per day (default 6).") var maxDriveHours: Double?
        @Option(help: "Maximum driving plus training hours per day (default 12).") var maxWorkingHours: Double?
        @Option(help: ArgumentHelp(CommandHelp.tourTravelDays)) var travelDays: String?
        @Option(help: "Departure time of a travel-day evening drive (default 17:00).") var travelDayDeparture: String?
        @Option(help: "At most this many trainings.") var maxTrainings: Int?
        @Option(help: "Money budget for driving (distance-only costing at --cost-per-km).") var budget: Double?
        @Option(help: "Cost per km for --budget (distance-only costing).") var costPerKm = 0.5
        @Option(help: ArgumentHelp(CommandHelp.tourRates)) var rates: String?
        @Option(help: ArgumentHelp(CommandHelp.tourObjective)) var objective: TourQuery.Objective = .all
        @Option(help: "Distance/time matrix CSV (from,to,km,hours) overriding the road model.") var matrix: String?
        @Option(help: ArgumentHelp(CommandHelp.tourTrafficMargin)) var trafficMargin = 0.0
        @Option(help: "Metro radius in km (as for rank).") var radiusKm = MetroClustering.defaultRadiusKm
        @Option(help: ArgumentHelp(CommandHelp.tourSeed)) var seed: UInt64 = 1
        @Option(help: "Time limit in seconds (both planners stop on their own well within it).") var seconds = 10.0
        @Option(help: "Where to write the plan (JSON).") var out: String
        @Option(help: ArgumentHelp(CommandHelp.tourSave, valueName: "name")) var save: String?
        @Flag(help: ArgumentHelp(CommandHelp.tourReplace)) var replace = false
        @Option(help: "Summary format.") var format: OutputFormat = .table
        @OptionGroup var places: PlaceOptions
        func validate() throws { _ = try query() }

        func query() throws -> TourQuery {
            let flags = DayRuleSettings(
                trainingHours: trainingHours, trainingStart: trainingStart, earliestDeparture: earliestDeparture,
                latestArrival: latestArrival, maxDriveHours: maxDriveHours, maxWorkingHours: maxWorkingHours,
                travelDays: travelDays, travelDayDeparture: travelDayDeparture)
            return try usage {
                try TourQuery(
                    base: base, teamsPath: teams, from: from, to: to, stops: stops, top: top, weekdays: weekdays,
                    blackout: blackout, settingsPath: settings, dayRuleFlags: flags, maxTrainings: maxTrainings,
                    budget: budget, costPerKm: costPerKm, ratesPath: rates, objective: objective, matrixPath: matrix,
                    trafficMargin: trafficMargin, radiusKm: radiusKm, seed: seed, out: out, save: save, replace: replace
                )
            }
        }

        func run() async throws {
            let query = try query()
            try query.checkOutput(aliases: places.aliases, store: database.resolvedPath)
            let planner = try database.planner(aliases: places.aliases)
            let report = try await planner.planTour(query) { resolved in if format != .json { printPlaces(resolved) } }
            for line in report.noteLines { printError(line) }
            printOutput(try report.render(format.rendering))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.tourList)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Output format.") var format: OutputFormat = .table
        func run() async throws { try printReport(try database.planner().savedTours(), format.rendering) }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.tourDelete)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The saved tour's name.") var name: String
        func run() async throws { try printReport(database.planner().deleteSavedTour(name: name), .table) }
    }
}
