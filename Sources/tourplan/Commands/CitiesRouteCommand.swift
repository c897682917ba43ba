import ArgumentParser
import TourPlanner

/// `tourplan cities route "FROM" "TO"`: the drive model's road km and hours between two places.
struct CitiesRouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Show the drive model's road km and hours between two places, each echoed as resolved.",
        discussion: CommandHelp.citiesRoute)

    @Argument(help: "Where the leg starts, e.g. \"New York, NY\".") var from: String
    @Argument(help: "Where the leg ends, e.g. \"Boston, MA\".") var to: String
    @Option(help: "Distance/time matrix CSV (from,to,km,hours) overriding the road model.") var matrix: String?
    @OptionGroup var places: PlaceOptions
    @Option(
        name: .customLong("organization-country"), parsing: .upToNextOption,
        help: "The organization's countries (ISO codes) for ambiguous names (default: the store's members').")
    var organizationCountries: [String] = []
    @OptionGroup var database: DatabaseOptions
    @Option(help: "A traffic margin to show, as a fraction of the hours (e.g. 0.15), as `tour plan` takes it.")
    var trafficMargin = 0.0
    @Option(help: "Output format.") var format: RecordFormat = .table

    func validate() throws {
        try usage { try RouteQuery.checkArguments(trafficMargin: trafficMargin) }
    }

    func run() async throws {
        let countries = organizationCountries.isEmpty ? nil : Set(organizationCountries)
        let planner = try database.planner(countries == nil ? .ifPresent : .none, aliases: places.aliases)
        let report = try await planner.route(
            RouteQuery(
                from: from, to: to, matrixFile: matrix, organizationCountries: countries, trafficMargin: trafficMargin))
        if format == .table { printPlaces([report.from, report.to]) }
        printOutput(try report.render(format.rendering))
    }
}
