import TourPlannerCore

/// A place a tour can stop at: a metro of the store, with its member cities.
package struct StopSite: Hashable, Sendable {
    /// The metro's name (its most populous city).
    package var name: String
    /// ISO 3166-1 alpha-2.
    package var countryCode: String?
    /// The member cities in the metro.
    package var cities: [String]
    /// The anchor city's position.
    package var center: GeoPoint
    /// GeoNames id of the metro's anchor city, for the echo.
    package var geonameId: Int?
    /// A site from a metro's fields.
    package init(name: String, countryCode: String?, cities: [String], center: GeoPoint, geonameId: Int?) {
        self.name = name
        self.countryCode = countryCode
        self.cities = cities
        self.center = center
        self.geonameId = geonameId
    }
}

/// Which site a `--stops` name chose, and the place echoed for it.
package struct StopMatch: Hashable, Sendable {
    /// Index into the sites passed to `matchStops`.
    package var site: Int
    /// The place echoed for the name (the metro's anchor city for a metro or member-city name).
    package var place: ResolvedPlace
}

/// Matches `--stops` names to the store's metros.
///
/// A name is, in this order: the name of exactly one metro ("Boston"), the name of a member city
/// of exactly one metro ("Cambridge"), or any place `resolvePlace` accepts ("Baltimore, MD",
/// "Washington DC", "Philly", an unambiguous typo), which then stops at the metro whose center is
/// nearest to it within `radiusKm`. Every name that fails is reported, in one error.
package struct StopMatcher: Sendable {
    /// Resolves names that are not metro or member-city names.
    package var resolver: CityResolver
    /// Where the organization's members live (see `CityResolver.resolvePlace`).
    package var organizationCountries: Set<String>
    /// How far from a metro's center a resolved place may be.
    package var radiusKm: Double

    /// A matcher resolving with `resolver`.
    package init(resolver: CityResolver, organizationCountries: Set<String>, radiusKm: Double) {
        self.resolver = resolver
        self.organizationCountries = organizationCountries
        self.radiusKm = radiusKm
    }

    /// Matches every name, or reports every one that fails.
    ///
    /// - Returns: one match per name, in the order given.
    /// - Throws: `PlaceLookupError` listing every name that matches no site, each with suggestions.
    /// - Complexity: O(names × sites) plus one place resolution per name that is not a metro name.
    package func match(_ names: [String], sites: [StopSite]) throws(PlaceLookupError) -> [StopMatch] {
        var matches: [StopMatch] = []
        var failures: [PlaceLookupError.Failure] = []
        for name in names {
            switch outcome(name, sites: sites) {
            case .matched(let match): matches.append(match)
            case .failed(let failure): failures.append(failure)
            }
        }
        guard failures.isEmpty else { throw PlaceLookupError(failures: failures) }
        return matches
    }

    private enum Outcome {
        case matched(StopMatch)
        case failed(PlaceLookupError.Failure)
    }

    private func outcome(_ name: String, sites: [StopSite]) -> Outcome {
        let folded = TextFolding.fold(name)
        let byName = sites.indices.filter { TextFolding.fold(sites[$0].name) == folded }
        let byCity = sites.indices.filter { sites[$0].cities.contains { TextFolding.fold($0) == folded } }
        for (found, how) in [(byName, "metro name"), (byCity, "member city name")] where found.count == 1 {
            let site = sites[found[0]]
            if let id = site.geonameId, let entry = resolver.gazetteer.entry(geonameId: id) {
                return .matched(
                    StopMatch(site: found[0], place: resolver.place(entry: entry, text: name, confidence: 1, how: how)))
            }
        }
        let lookup = resolver.resolvePlace(name, organizationCountries: organizationCountries)
        guard let place = lookup.place else {
            return .failed(PlaceLookupError.Failure(source: "--stops", lookup: lookup))
        }
        let point = GeoPoint(latitude: place.latitude, longitude: place.longitude)
        let nearest = sites.indices.map { ($0, sites[$0].center.distanceKm(to: point)) }
            .filter { $0.1 <= radiusKm }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let nearest else {
            let known = sites.prefix(8).map(\.name).joined(separator: ", ")
            return .failed(
                PlaceLookupError.Failure(
                    source: "--stops", lookup: lookup,
                    problem: "is \(place.label), but no metro of the store is within \(Int(radiusKm)) km of it"
                        + " (metros: \(known.isEmpty ? "none; import members first" : known))"))
        }
        return .matched(StopMatch(site: nearest.0, place: place))
    }
}
