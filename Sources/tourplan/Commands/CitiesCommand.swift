import ArgumentParser
import CitiesData
import Foundation
import TourPlanner

struct CitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cities",
        abstract: "The offline gazetteer: how place strings resolve.",
        subcommands: [ResolveCommand.self, CitiesRouteCommand.self])

    struct ResolveCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Show how one place string resolves, with its confidence and alternatives.",
            discussion: "TEXT is \"City\", \"City, Region\" or \"City, Region, Country\", e.g. \"Cinncinati, OH\".")

        @Argument(help: "The place as typed.") var text: String
        @OptionGroup var database: DatabaseOptions
        @Option(
            name: .customLong("organization-country"),
            help: "A country where the organization's members live (ISO code, repeatable). Default: the store's.")
        var organizationCountries: [String] = []
        @OptionGroup var places: PlaceOptions
        @Option(help: "Output format.") var format: OutputFormat = .table

        func run() async throws {
            let resolver = try places.makeResolver()
            let countries =
                organizationCountries.isEmpty
                ? try storeCountries() : Set(organizationCountries.map { $0.uppercased() })
            let lookup = resolver.resolvePlace(text, organizationCountries: countries)
            switch format {
            case .json:
                print(
                    try JSONOutput.encode(WithResolvedPlaces(value: lookup, resolved: lookup.place.map { [$0] } ?? [])))
            case .csv:
                print(CSVWriter.render(header: Self.csvHeader, rows: [csvRow(lookup)]), terminator: "")
            case .table:
                if let place = lookup.place {
                    print("\"\(text)\" → \(place.label)  (geonameid \(place.geonameId))")
                    print("  position   \(String(format: "%.5f, %.5f", place.latitude, place.longitude))")
                    print("  time zone  \(place.timeZone)")
                    print("  population \(place.population)")
                    print("  confidence \(String(format: "%.3f", place.confidence)) (\(lookup.reason))")
                    if !lookup.alternatives.isEmpty {
                        print("  also       \(lookup.alternativeLabels)")
                    }
                } else {
                    print("\"\(text)\" is not resolved: \(lookup.reason)")
                    if !lookup.alternatives.isEmpty {
                        print("  did you mean: \(lookup.alternativeLabels)")
                    }
                }
            }
            if !lookup.isResolved { throw ExitCode(1) }
        }

        static let csvHeader = [
            "text", "status", "name", "region", "country", "geonameId", "latitude", "longitude", "timeZone",
            "confidence", "reason", "alternatives",
        ]

        func csvRow(_ lookup: PlaceLookup) -> [String] {
            guard let place = lookup.place else {
                return [
                    text, lookup.status.rawValue, "", "", "", "", "", "", "", String(format: "%.3f", lookup.confidence),
                    lookup.reason, lookup.alternativeLabels,
                ]
            }
            let latitude = String(format: "%.5f", place.latitude)
            let longitude = String(format: "%.5f", place.longitude)
            return [
                text, lookup.status.rawValue, place.name, place.region ?? "", place.country, String(place.geonameId),
                latitude, longitude, place.timeZone, String(format: "%.3f", lookup.confidence), lookup.reason,
                lookup.alternativeLabels,
            ]
        }

        /// Countries where the store's members live, when there is a store.
        func storeCountries() throws -> Set<String> {
            guard FileManager.default.fileExists(atPath: database.resolvedPath) else { return [] }
            return Set(try database.open().resolvedCities().map(\.entry.countryCode))
        }
    }
}

/// `--aliases FILE` (default: the bundled Cities/aliases.tsv) and a resolver built on the
/// bundled gazetteer.
struct PlaceOptions: ParsableArguments {
    @Option(help: "Place alias file (TSV: alias<TAB>City, Region, Country), added to the bundled Cities/aliases.tsv.")
    var aliases: String?

    func makeResolver() throws -> CityResolver { try Self.makeResolver(aliasPath: aliases) }

    static func makeResolver(aliasPath: String?) throws -> CityResolver {
        let gazetteer = try Gazetteer.loadBundled()
        return CityResolver(gazetteer: gazetteer, aliases: try loadAliases(aliasPath))
    }

    /// The bundled aliases, plus the user's file when given (its aliases win where both define one).
    static func loadAliases(_ aliases: String?) throws -> PlaceAliases {
        guard let url = CitiesData.url(of: "aliases.tsv"),
            let bundledText = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw CLIError("Cities/aliases.tsv is missing from this build", hint: "rebuild tourplan (`swift build`)")
        }
        let bundled = try PlaceAliases(text: bundledText, fileName: "Cities/aliases.tsv")
        guard let aliases else { return bundled }
        guard let text = try? String(contentsOfFile: aliases, encoding: .utf8) else {
            throw CLIError("\(aliases): cannot be read", hint: "check the --aliases path")
        }
        return bundled.adding(try PlaceAliases(text: text, fileName: aliases))
    }
}
