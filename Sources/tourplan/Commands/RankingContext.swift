import Foundation
import TourPlanner

/// Metros of the store's resolved places, and base resolution, for `rank`, `members --by metro`
/// and `tour plan`.
struct RankingContext {
    var metros: [MetroGroup]
    var resolver: CityResolver
    /// Countries where the store's resolved members live: their places come first when a
    /// command-line place is ambiguous.
    var organizationCountries: Set<String>
    var radiusKm: Double

    static func make(store: TourDatabase, radiusKm: Double, places: PlaceOptions) throws -> RankingContext {
        try make(store: store, radiusKm: radiusKm, resolver: try places.makeResolver())
    }

    static func make(store: TourDatabase, radiusKm: Double, resolver: CityResolver) throws -> RankingContext {
        // Places cached by an older gazetteer or alias file are re-resolved (cheap when none are).
        _ = try store.resolvePlaces(using: resolver)
        let metros = MetroClustering.cluster(try store.resolvedCities(), radiusKm: radiusKm)
        return RankingContext(
            metros: metros, resolver: resolver, organizationCountries: Set(metros.compactMap(\.countryCode)),
            radiusKm: radiusKm)
    }

    /// Resolves a place typed on the command line (`--base`, a teams file's base), or explains
    /// why not (exit 1).
    ///
    /// - Throws: `PlaceLookupError` with the candidates when the place is refused.
    func resolveBase(_ text: String, source: String = "--base") throws -> ResolvedPlace {
        let lookup = resolver.resolvePlace(text, organizationCountries: organizationCountries)
        guard let place = lookup.place else {
            throw PlaceLookupError(failures: [PlaceLookupError.Failure(source: source, lookup: lookup)])
        }
        return place
    }
}
