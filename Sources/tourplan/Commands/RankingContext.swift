import Foundation
import TourPlanner

/// Metros of the store's resolved places, and base resolution, for `rank`, `members --by metro`
/// and `tour plan`.
struct RankingContext {
    var metros: [MetroGroup]
    var resolver: CityResolver

    static func make(store: TourDatabase, radiusKm: Double, places: PlaceOptions) throws -> RankingContext {
        try make(store: store, radiusKm: radiusKm, resolver: try places.makeResolver())
    }

    static func make(store: TourDatabase, radiusKm: Double, resolver: CityResolver) throws -> RankingContext {
        // Places cached by an older gazetteer or alias file are re-resolved (cheap when none are).
        _ = try store.resolvePlaces(using: resolver)
        let metros = MetroClustering.cluster(try store.resolvedCities(), radiusKm: radiusKm)
        return RankingContext(metros: metros, resolver: resolver)
    }

    /// Resolves `--base` text, or explains why not (exit 1).
    func resolveBase(_ text: String) throws -> GazetteerEntry {
        let resolution = resolver.resolve(text: text)
        guard let entry = resolution.entry else {
            throw CLIError(
                "--base \"\(text)\" does not resolve: \(resolution.reason)",
                hint: resolution.suggestions.isEmpty
                    ? "write it as \"City, Region, Country\""
                    : "did you mean \(resolution.suggestions.joined(separator: "; "))?")
        }
        return entry
    }
}
