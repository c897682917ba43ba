import Foundation
import TourPlanner

/// Metros of the store's resolved places, and base resolution, for `rank` and `tour plan`.
struct RankingContext {
    var metros: [MetroGroup]

    static func make(store: TourDatabase, radiusKm: Double) throws -> RankingContext {
        // Wired to the Cities stage's MetroClustering at integration.
        RankingContext(metros: [])
    }

    func resolveBase(_ text: String) throws -> GeoPoint {
        throw CLIError("--base \"\(text)\" cannot be resolved yet", hint: "the gazetteer is not in this build")
    }
}
