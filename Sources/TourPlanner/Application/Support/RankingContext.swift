/// Metros of the store's resolved places, and command-line place resolution, shared by `rank`,
/// `members --by metro`, `markers` and `tour plan` (CLI and web app alike).
package struct RankingContext: Sendable {
    /// The store's resolved places clustered into metros within `radiusKm`.
    package var metros: [MetroGroup]
    /// Countries where the store's resolved members live: their places come first when a typed place
    /// is ambiguous.
    package var organizationCountries: Set<String>
    /// The clustering radius the metros were built with.
    package var radiusKm: Double
    private let resources: PlannerResources

    /// The place resolver, loaded on first use: a ranking whose places are all cached never parses the
    /// gazetteer (a third of `rank`'s time on a large store).
    package var resolver: CityResolver { get throws { try resources.resolver() } }

    init(metros: [MetroGroup], radiusKm: Double, resources: PlannerResources) {
        self.metros = metros
        self.organizationCountries = Set(metros.compactMap(\.countryCode))
        self.radiusKm = radiusKm
        self.resources = resources
    }

    /// Resolves a place typed by a person (`--base`, a teams file's base, a web form), or explains why not.
    ///
    /// - Throws: `PlaceLookupError` with the candidates when the place is refused.
    package func resolveBase(_ text: String, source: String = "--base") throws -> ResolvedPlace {
        let lookup = try resolver.resolvePlace(text, organizationCountries: organizationCountries)
        guard let place = lookup.place else {
            throw PlaceLookupError(failures: [PlaceLookupError.Failure(source: source, lookup: lookup)])
        }
        return place
    }
}

extension Planner {
    /// The store's metros within `radiusKm`; places cached by an older gazetteer or alias file are
    /// re-resolved first (nothing is loaded when none are).
    ///
    /// - Throws: `PlannerError` when there is no store; the store's errors.
    package func rankingContext(radiusKm: Double) throws -> RankingContext {
        let store = try requireStore()
        if try store.hasUnresolvedPlaces(version: resources.resolverVersion) {
            _ = try store.resolvePlaces(using: try resources.resolver())
        }
        let metros = MetroClustering.cluster(try store.resolvedCities(), radiusKm: radiusKm)
        return RankingContext(metros: metros, radiusKm: radiusKm, resources: self.resources)
    }
}
