import ArgumentParser
import TourPlanner

struct CitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cities", abstract: "The offline gazetteer: how place strings resolve.",
        subcommands: [Resolve.self, Route.self])

    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how one place string resolves, with its confidence and alternatives.",
            discussion: CommandHelp.citiesResolve)
        @Argument(help: "The place as typed.") var text: String
        @OptionGroup var database: DatabaseOptions
        @Option(
            name: .customLong("organization-country"),
            help: "A country where the organization's members live (ISO code, repeatable). Default: the store's.")
        var organizationCountries: [String] = []
        @OptionGroup var places: PlaceOptions
        @Option(help: "Output format.") var format: OutputFormat = .table
        func run() async throws {
            let query = PlaceResolutionQuery(text: text, countryOptions: organizationCountries)
            let report = try await database.planner(query.storeAccess, aliases: places.aliases).resolvePlace(query)
            try printReport(report, format.rendering)
            if !report.lookup.isResolved { throw ExitCode(1) }
        }
    }

    /// `tourplan cities route "FROM" "TO"`: the drive model's road km and hours between two places.
    struct Route: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
        func validate() throws { try usage { try RouteQuery.checkArguments(trafficMargin: trafficMargin) } }
        func run() async throws {
            let query = RouteQuery(
                from: from, to: to, matrixFile: matrix, countryOptions: organizationCountries,
                trafficMargin: trafficMargin)
            let report = try await database.planner(query.storeAccess, aliases: places.aliases).route(query)
            if format == .table { printPlaces([report.from, report.to]) }
            printOutput(try report.render(format.rendering))
        }
    }
}

/// `--aliases FILE`, added to the bundled Cities/aliases.tsv.
struct PlaceOptions: ParsableArguments {
    @Option(help: "Place alias file (TSV: alias<TAB>City, Region, Country), added to the bundled Cities/aliases.tsv.")
    var aliases: String?
}
