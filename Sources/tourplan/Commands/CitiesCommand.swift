import ArgumentParser
import TourPlanner

struct CitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cities", abstract: "The offline gazetteer: how place strings resolve.",
        subcommands: [ResolveCommand.self, CitiesRouteCommand.self])

    struct ResolveCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
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
            let countries = organizationCountries.isEmpty ? nil : Set(organizationCountries)
            let planner = try database.planner(countries == nil ? .ifPresent : .none, aliases: places.aliases)
            let report = try await planner.resolvePlace(
                PlaceResolutionQuery(text: text, organizationCountries: countries))
            try printReport(report, format.rendering)
            if !report.lookup.isResolved { throw ExitCode(1) }
        }
    }
}

/// `--aliases FILE`, added to the bundled Cities/aliases.tsv.
struct PlaceOptions: ParsableArguments {
    @Option(help: "Place alias file (TSV: alias<TAB>City, Region, Country), added to the bundled Cities/aliases.tsv.")
    var aliases: String?
}
