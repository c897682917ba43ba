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

        @Argument(help: "The place as a member typed it.") var text: String
        @OptionGroup var places: PlaceOptions
        @Option(help: "Output format.") var format: OutputFormat = .table

        func run() async throws {
            let resolver = try places.makeResolver()
            let resolution = resolver.resolve(text: text)
            switch format {
            case .json:
                print(try JSONOutput.encode(resolution))
            case .csv:
                print(
                    CSVText.render(
                        header: [
                            "text", "resolved", "name", "region", "country", "latitude", "longitude", "timeZone",
                            "confidence", "reason", "suggestions",
                        ],
                        rows: [
                            [
                                text, "\(resolution.isResolved)", resolution.entry?.name ?? "",
                                resolution.regionName ?? "",
                                resolution.entry?.countryCode ?? "",
                                resolution.entry.map { String(format: "%.5f", $0.latitude) } ?? "",
                                resolution.entry.map { String(format: "%.5f", $0.longitude) } ?? "",
                                resolution.entry?.timeZone ?? "",
                                String(format: "%.3f", resolution.confidence), resolution.reason,
                                resolution.suggestions.joined(separator: " | "),
                            ]
                        ]),
                    terminator: "")
            case .table:
                if let entry = resolution.entry {
                    print("\"\(text)\" → \(resolver.describe(entry))  (geonameid \(entry.geonameId))")
                    print("  position   \(String(format: "%.5f, %.5f", entry.latitude, entry.longitude))")
                    print("  time zone  \(entry.timeZone)")
                    print("  population \(entry.population)")
                    print("  confidence \(String(format: "%.3f", resolution.confidence)) (\(resolution.reason))")
                    if !resolution.suggestions.isEmpty {
                        print("  also       \(resolution.suggestions.joined(separator: "; "))")
                    }
                } else {
                    print("\"\(text)\" is not resolved: \(resolution.reason)")
                    if !resolution.suggestions.isEmpty {
                        print("  did you mean: \(resolution.suggestions.joined(separator: "; "))")
                    }
                    throw ExitCode(1)
                }
            }
        }
    }
}

/// `--aliases FILE` (default: the bundled Cities/aliases.tsv) and a resolver built on the
/// bundled gazetteer.
struct PlaceOptions: ParsableArguments {
    @Option(help: "Place alias file (TSV: alias<TAB>City, Region, Country). Default: Cities/aliases.tsv.")
    var aliases: String?

    func makeResolver() throws -> CityResolver { try Self.makeResolver(aliasPath: aliases) }

    static func makeResolver(aliasPath: String?) throws -> CityResolver {
        let gazetteer = try Gazetteer.loadBundled()
        return CityResolver(gazetteer: gazetteer, aliases: try loadAliases(aliasPath))
    }

    static func loadAliases(_ aliases: String?) throws -> PlaceAliases {
        if let aliases {
            guard let text = try? String(contentsOfFile: aliases, encoding: .utf8) else {
                throw CLIError("\(aliases): cannot be read", hint: "check the --aliases path")
            }
            return try PlaceAliases(text: text, fileName: aliases)
        }
        if let url = CitiesData.url(of: "aliases.tsv"), let text = try? String(contentsOf: url, encoding: .utf8) {
            return try PlaceAliases(text: text, fileName: "Cities/aliases.tsv")
        }
        return PlaceAliases()
    }
}
