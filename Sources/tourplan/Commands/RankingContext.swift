import Foundation
import TourPlanner

/// Metros of the store's resolved places, and base resolution, for `rank`, `members --by metro`
/// and `tour plan`.
struct RankingContext {
    var metros: [MetroGroup]
    /// The place resolver, loaded on first use: a ranking whose places are all cached never
    /// parses the gazetteer (a third of `rank`'s time on a large store).
    var resolver: CityResolver { get throws { try source.resolver() } }
    private let source: ResolverSource
    /// Countries where the store's resolved members live: their places come first when a
    /// command-line place is ambiguous.
    var organizationCountries: Set<String>
    var radiusKm: Double

    static func make(store: TourDatabase, radiusKm: Double, places: PlaceOptions) throws -> RankingContext {
        let aliases = try PlaceOptions.loadAliases(places.aliases)
        let source = ResolverSource { CityResolver(gazetteer: try Gazetteer.loadBundled(), aliases: aliases) }
        let version = CityResolver.version(gazetteer: Gazetteer.bundledVersion, aliases: aliases)
        return try make(store: store, radiusKm: radiusKm, source: source, version: version)
    }

    static func make(store: TourDatabase, radiusKm: Double, resolver: CityResolver) throws -> RankingContext {
        try make(store: store, radiusKm: radiusKm, source: ResolverSource(resolver), version: resolver.version)
    }

    private static func make(store: TourDatabase, radiusKm: Double, source: ResolverSource, version: String) throws
        -> RankingContext
    {
        // Places cached by an older gazetteer or alias file are re-resolved (nothing to load when none are).
        if try store.hasUnresolvedPlaces(version: version) { _ = try store.resolvePlaces(using: try source.resolver()) }
        let metros = MetroClustering.cluster(try store.resolvedCities(), radiusKm: radiusKm)
        return RankingContext(
            metros: metros, source: source, organizationCountries: Set(metros.compactMap(\.countryCode)),
            radiusKm: radiusKm)
    }

    /// Resolves a place typed on the command line (`--base`, a teams file's base), or explains
    /// why not (exit 1).
    ///
    /// - Throws: `PlaceLookupError` with the candidates when the place is refused.
    func resolveBase(_ text: String, source: String = "--base") throws -> ResolvedPlace {
        let lookup = try resolver.resolvePlace(text, organizationCountries: organizationCountries)
        guard let place = lookup.place else {
            throw PlaceLookupError(failures: [PlaceLookupError.Failure(source: source, lookup: lookup)])
        }
        return place
    }
}

/// Loads the place resolver once, on first use.
final class ResolverSource {
    private let load: () throws -> CityResolver
    private var loaded: CityResolver?

    init(_ load: @escaping () throws -> CityResolver) { self.load = load }
    init(_ resolver: CityResolver) {
        load = { resolver }
        loaded = resolver
    }

    func resolver() throws -> CityResolver {
        if let loaded { return loaded }
        let made = try load()
        loaded = made
        return made
    }
}
