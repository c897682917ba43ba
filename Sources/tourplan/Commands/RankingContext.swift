import TourPlanner

/// The CLI's way to the library's `RankingContext` (moved into the application layer).
extension RankingContext {
    static func make(store: TourDatabase, radiusKm: Double, places: PlaceOptions) throws -> RankingContext {
        let planner = Planner(store: store, resources: try PlannerResources(aliasFile: places.aliases))
        return try planner.rankingContext(radiusKm: radiusKm)
    }

    static func make(store: TourDatabase, radiusKm: Double, resolver: CityResolver) throws -> RankingContext {
        let planner = Planner(store: store, resources: try PlannerResources(resolver: resolver))
        return try planner.rankingContext(radiusKm: radiusKm)
    }
}
