import CitiesData
import Foundation
import Synchronization
import TourPlannerCore

/// The resources every use case draws on, loaded once with one failure policy: a bundled
/// resource that is missing or unreadable is an error at start-up naming it, never a silent
/// fallback. The gazetteer (the largest) is parsed on first use only.
public final class PlannerResources: Sendable {
    /// Country names, continents and calling codes.
    package let countries: CountryTable
    /// Phone metadata for normalizing numbers to E.164.
    package let phones: PhoneNumberNormalizer
    /// The outreach rhythm and calling hours.
    public let reminderRules: ReminderRules
    /// The organization's founding markers and chapter model defaults.
    package let markers: MarkerSettings
    /// Bundled aliases plus the user's alias file, if any.
    package let aliases: PlaceAliases
    private let resolverCache = Mutex<CityResolver?>(nil)

    /// Loads the bundled resources (and `aliasFile` on top of the bundled aliases).
    ///
    /// - Parameters:
    ///   - aliasFile: a place-alias file loaded on top of the bundled aliases (nil: bundled only).
    ///   - resolver: a resolver already loaded over the same aliases (the demo shares one).
    /// - Throws: `PlannerError` naming the missing or unreadable resource.
    public init(aliasFile: String? = nil, resolver: CityResolver? = nil) throws {
        countries = try Self.required("Cities/countries.tsv") { try CountryTable.loadBundled() }
        guard let phones = PhoneNumberNormalizer.loadBundled() else {
            throw PlannerError(
                "Resources/phone-regions.tsv is missing from this build", hint: "rebuild tourplan (`swift build`)")
        }
        self.phones = phones
        reminderRules = try Self.required("Resources/reminder-rules.toml") { try ReminderRules.loadBundled() }
        markers = try Self.required("Resources/markers.toml") { try MarkerSettings.loadBundled() }
        aliases = try resolver?.aliases ?? Self.loadAliases(aliasFile)
        if let resolver { resolverCache.withLock { $0 = resolver } }
    }

    /// The place resolver over the bundled gazetteer and `aliases`, parsed on first use.
    package func resolver() throws -> CityResolver {
        try resolverCache.withLock { cached in
            if let cached { return cached }
            let made = CityResolver(
                gazetteer: try Self.required("Cities/gazetteer.tsv") { try Gazetteer.sharedBundled() }, aliases: aliases
            )
            cached = made
            return made
        }
    }

    /// The version stamp of `resolver()`'s answers (gazetteer and aliases), without loading it.
    package var resolverVersion: String {
        resolverCache.withLock { $0?.version }
            ?? CityResolver.version(gazetteer: Gazetteer.bundledVersion, aliases: aliases)
    }

    /// The continent of an ISO country code, from the bundled table.
    package func continent(of countryCode: String) -> String? { countries.continent(for: countryCode) }

    private static func required<T>(_ name: String, _ load: () throws -> T) throws -> T {
        do {
            return try load()
        } catch let error as PlannerError {
            throw error
        } catch {
            throw PlannerError("\(name) cannot be loaded: \(error)", hint: "rebuild tourplan (`swift build`)")
        }
    }

    /// The bundled aliases, plus the user's file when given.
    static func loadAliases(_ path: String?) throws -> PlaceAliases {
        guard let url = CitiesData.url(of: "aliases.tsv"),
            let bundledText = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw PlannerError(
                "Cities/aliases.tsv is missing from this build", hint: "rebuild tourplan (`swift build`)")
        }
        let bundled = try PlaceAliases(text: bundledText, fileName: "Cities/aliases.tsv")
        guard let path else { return bundled }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PlannerError("\(path): cannot be read", hint: "check the --aliases path")
        }
        return bundled.adding(try PlaceAliases(text: text, fileName: path))
    }
}
