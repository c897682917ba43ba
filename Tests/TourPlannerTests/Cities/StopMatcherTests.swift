import Testing

@testable import TourPlanner

@Suite("--stops names matched to the store's metros")
struct StopMatcherTests {
    /// Four metros as a store would cluster them (centers and ids from Cities/gazetteer.tsv).
    let sites = [
        StopSite(
            name: "Boston", countryCode: "US", cities: ["Boston", "Cambridge"],
            center: GeoPoint(latitude: 42.35843, longitude: -71.05977), geonameId: 4930956),
        StopSite(
            name: "Baltimore", countryCode: "US", cities: ["Baltimore"],
            center: GeoPoint(latitude: 39.29038, longitude: -76.61219), geonameId: 4347778),
        StopSite(
            name: "Philadelphia", countryCode: "US", cities: ["Philadelphia"],
            center: GeoPoint(latitude: 39.95233, longitude: -75.16379), geonameId: 4560349),
        StopSite(
            name: "Washington", countryCode: "US", cities: ["Washington"],
            center: GeoPoint(latitude: 38.89511, longitude: -77.03637), geonameId: 4140963),
    ]

    func matcher() throws -> StopMatcher {
        StopMatcher(resolver: try #require(TypedGazetteer.resolver), organizationCountries: ["US"], radiusKm: 25)
    }

    @Test("metro and member-city names, places as --base takes them, aliases")
    func accepted() throws {
        let matches = try matcher().match(
            ["Cambridge", "Baltimore, MD", "Philly", "Washington DC", "boston", "Washington, D.C."], sites: sites)
        #expect(matches.map(\.site) == [0, 1, 2, 3, 0, 3])
        #expect(
            matches.map(\.place.match) == [
                "member city name", "exact name", "alias, then exact name", "alias, then exact name", "metro name",
                "exact name",
            ])
        #expect(matches[0].place.label == "Boston, Massachusetts, US")
    }

    @Test("every name that fails is reported in one error, each with its suggestions")
    func typoList() throws {
        let matcher = try matcher()
        let error = try #require(throws: PlaceLookupError.self) {
            try matcher.match(["Bostn", "Boston", "Atlantis, XX", "Cincinati", "Springfield"], sites: sites)
        }
        #expect(error.failures.map(\.lookup.text) == ["Bostn", "Atlantis, XX", "Cincinati", "Springfield"])
        #expect(error.failures[0].lookup.alternatives.first?.label == "Boston, Massachusetts, US")
        // Cincinati is an unambiguous typo of Cincinnati, but no metro of the store is near it.
        #expect(
            error.failures[2].problem
                == "is Cincinnati, Ohio, US, but no metro of the store is within 25 km of it"
                + " (metros: Boston, Baltimore, Philadelphia, Washington)")
        let text = error.description
        #expect(text.hasPrefix("4 places cannot be used:\n--stops \"Bostn\" does not resolve: "))
        #expect(
            text.contains(
                "--stops \"Atlantis, XX\" does not resolve: \"XX\" is neither a region nor a country we know\n"
                    + "  did you mean: Atlantis, Western Cape, ZA?"))
        #expect(text.contains("--stops \"Springfield\" does not resolve: not sure which place \"Springfield\" is"))
    }
}
