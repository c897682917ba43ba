import Foundation
import Testing

@testable import TourPlanner

/// The bundled gazetteer, loaded once for the suite (read-only).
enum SharedGazetteer {
    static let resolver: CityResolver? = {
        guard let gazetteer = try? Gazetteer.loadBundled() else { return nil }
        let aliases = try? PlaceAliases(
            text: "Baltimore County\tBaltimore, MD, US\nNYC\tNew York City, NY, US\n", fileName: "aliases.tsv")
        return CityResolver(gazetteer: gazetteer, aliases: aliases ?? PlaceAliases())
    }()
}

@Suite("Place resolution")
struct CityResolverTests {
    /// Every city of the organization's 2014 US list, as typed there, with its GeoNames id.
    @Test(arguments: [
        ("Berkeley, CA", 5327684), ("San Diego, CA", 5391811), ("Oakland, CA", 5378538), ("San Francisco, CA", 5391959),
        ("Sacramento, CA", 5389489), ("Los Angeles, CA", 5368361), ("Ann Arbor, MI", 4984247), ("Detroit, MI", 4990729),
        ("Grand Rapids, MI", 4994358), ("Cincinnati, OH", 4508722), ("Columbus, OH", 4509177), ("Toledo, OH", 5174035),
        ("Chicago, IL", 4887398), ("Ames, IA", 4846834), ("Denver, CO", 5419384), ("Boulder, CO", 5574991),
        ("Austin, TX", 4671654), ("El Paso, TX", 5520993), ("Houston, TX", 4699066), ("San Antonio, TX", 4726206),
        ("Baltimore, MD", 4347778), ("Baltimore County", 4347778), ("Amherst, MA", 4929022), ("Boston, MA", 4930956),
        ("Cambridge, MA", 4931972), ("Philadelphia, PA", 4560349), ("Washington, DC", 4140963), ("Tampa, FL", 4174757),
        ("Miami, FL", 4164138), ("Tallahassee, FL", 4174715), ("Sarasota, FL", 4172131),
        // Misspellings from the 2014 list and other ways people type places.
        ("Cinncinati, OH", 4508722), ("Cinncinati OH", 4508722), ("Tallahase, FL", 4174715), ("Sarasotta, FL", 4172131),
        ("Washington, D.C.", 4140963), ("Washington DC", 4140963), ("Portland, ME", 4975802), ("NYC", 5128581),
        ("Wien", 2761369), ("München", 2867714), ("Genève", 2660646), ("GENEVE", 2660646), ("St. Louis, MO", 4407066),
        ("Ft. Collins, CO", 5577147), ("Hanover, NH", 5087168), ("Amherst, Mass", 4929022), ("Oslo, , Norge", 3143244),
    ])
    func resolves(text: String, geonameId: Int) throws {
        let resolver = try #require(SharedGazetteer.resolver)
        let resolution = resolver.resolve(text: text)
        #expect(resolution.entry?.geonameId == geonameId, "\(text): \(resolution.reason)")
        #expect(resolution.confidence >= CityResolver.threshold)
    }

    @Test("Cambridge, MA is not Cambridge GB; Portland, ME is not Portland OR")
    func disambiguates() throws {
        let resolver = try #require(SharedGazetteer.resolver)
        #expect(resolver.resolve(text: "Cambridge, MA").entry?.countryCode == "US")
        #expect(resolver.resolve(text: "Cambridge, England").entry?.countryCode == "GB")
        #expect(resolver.resolve(text: "Portland, ME").entry?.admin1 == "ME")
        #expect(resolver.resolve(text: "Portland, Oregon").entry?.admin1 == "OR")
        #expect(resolver.resolve(PlaceKey(city: "Cambridge", region: nil, country: "US")).entry?.admin1 == "MA")
    }

    @Test(
        "bad input is unresolved with a reason, never a crash",
        arguments: [
            ("", "the place is empty"),
            ("   ", "the place is empty"),
            ("12345", "is empty or not a place name"),
            ("my house, , US", "no place called \"my house\" in United States"),
            ("Boston, MA, Narnia", "the country \"Narnia\" is not a country we know"),
            ("Boston, ON, US", "the region \"ON\" is not in United States"),
            ("Springfeild", "not sure which place"),
        ])
    func unresolved(text: String, reason: String) throws {
        let resolver = try #require(SharedGazetteer.resolver)
        let resolution = resolver.resolve(text: text)
        #expect(resolution.entry == nil)
        #expect(resolution.reason.contains(reason), "\(resolution.reason)")
    }

    @Test("an unsure guess comes with up to three suggestions")
    func suggestions() throws {
        let resolver = try #require(SharedGazetteer.resolver)
        let resolution = resolver.resolve(text: "Springfeild")
        #expect(resolution.suggestions.count == 3)
        #expect(resolution.suggestions.allSatisfy { $0.hasPrefix("Springfield, ") })
    }

    @Test(
        "folding matches the gazetteer build's rules",
        arguments: [
            ("Genève", "geneve"), ("  St. Louis ", "st louis"), ("Øst-Ågder", "ost agder"), ("Straße", "strasse"),
            ("D.C.", "d c"),
        ])
    func folding(text: String, folded: String) {
        #expect(TextFolding.fold(text) == folded)
    }

    @Test(
        "edit distance counts a transposition as one edit",
        arguments: [
            ("tallahase", "tallahassee", 2), ("cinncinati", "cincinnati", 2), ("abcd", "abdc", 1), ("same", "same", 0),
        ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(EditDistance.bounded(Array(a.utf8), Array(b.utf8), limit: 3) == distance)
    }
}

@Suite("Metro clustering")
struct MetroClusteringTests {
    func city(_ id: Int, _ name: String, _ lat: Double, _ lon: Double, _ population: Int) -> ClusterCity {
        ClusterCity(
            entry: GazetteerEntry(
                geonameId: id, name: name, countryCode: "US", admin1: "", latitude: lat, longitude: lon,
                population: population, timeZone: "UTC"), placeKeys: [name], members: 1)
    }

    @Test("at 25 km: Berkeley+Oakland+San Francisco and Boston+Cambridge merge; Denver and Boulder do not")
    func defaultRadius() {
        let cities = [
            city(5327684, "Berkeley", 37.87159, -122.27275, 120_972),
            city(5378538, "Oakland", 37.80437, -122.27080, 419_267),
            city(5391959, "San Francisco", 37.77493, -122.41942, 864_816),
            city(4930956, "Boston", 42.35843, -71.05977, 667_137),
            city(4931972, "Cambridge", 42.37510, -71.10561, 110_402),
            city(5419384, "Denver", 39.73915, -104.98470, 682_545),
            city(5574991, "Boulder", 40.01499, -105.27055, 106_803),
        ]
        let metros = MetroClustering.cluster(cities)
        #expect(metros.map(\.name) == ["San Francisco", "Denver", "Boston", "Boulder"])
        #expect(metros[0].cities == ["Berkeley", "Oakland", "San Francisco"])
        #expect(metros[2].cities == ["Boston", "Cambridge"])
        // Hand check: Denver–Boulder by haversine ≈ 39 km > 25 km; with a 40 km radius they merge.
        #expect(abs(cities[5].entry.point.distanceKm(to: cities[6].entry.point) - 39.0) < 1.0)
        #expect(MetroClustering.cluster(cities, radiusKm: 40).contains { $0.cities == ["Boulder", "Denver"] })
    }

    @Test("clustering is deterministic whatever the input order")
    func deterministic() {
        let cities = (0..<50).map {
            city($0, "C\($0)", 40 + Double($0 % 7) * 0.1, -74 + Double($0 % 5) * 0.1, 1000 * ($0 % 9))
        }
        #expect(MetroClustering.cluster(cities) == MetroClustering.cluster(cities.reversed()))
    }
}
