import Testing

@testable import TourPlanner

@Suite("Metro ranking")
struct MetroRankingTests {
    static let boston = MetroGroup(
        name: "Boston", countryCode: "US", cities: ["Boston", "Cambridge"],
        center: GeoPoint(latitude: 42.3601, longitude: -71.0589), timeZone: "America/New_York", placeKeys: ["b", "c"])
    static let chicago = MetroGroup(
        name: "Chicago", countryCode: "US", cities: ["Chicago"],
        center: GeoPoint(latitude: 41.8781, longitude: -87.6298), timeZone: "America/Chicago", placeKeys: ["chi"])
    static let denver = MetroGroup(
        name: "Denver", countryCode: "US", cities: ["Denver"],
        center: GeoPoint(latitude: 39.7392, longitude: -104.9903), timeZone: "America/Denver", placeKeys: ["den"])
    static let stats = [
        PlaceMemberStats(
            placeKey: "b", members: 20, unaffiliated: 19, organizers: 1, hosts: 2, unaffiliatedWomen: 4,
            unaffiliatedGenderStated: 16),
        PlaceMemberStats(
            placeKey: "c", members: 10, unaffiliated: 10, organizers: 2, hosts: 0, unaffiliatedWomen: 5,
            unaffiliatedGenderStated: 8),
        PlaceMemberStats(
            placeKey: "chi", members: 30, unaffiliated: 29, organizers: 0, hosts: 1, unaffiliatedWomen: 10,
            unaffiliatedGenderStated: 20),
        PlaceMemberStats(
            placeKey: "den", members: 15, unaffiliated: 15, organizers: 1, hosts: 1, unaffiliatedWomen: 3,
            unaffiliatedGenderStated: 15),
        PlaceMemberStats(
            placeKey: "junk", members: 3, unaffiliated: 2, organizers: 0, hosts: 0, unaffiliatedWomen: 0,
            unaffiliatedGenderStated: 0),
    ]

    @Test("default ranking is by unaffiliated members; ties by organizers; unresolved members are counted")
    func defaultOrder() {
        // Boston metro: 19 + 10 = 29 unaffiliated, 3 organizers; Chicago: 29, 0 organizers → Boston first.
        let ranking = MetroRanking.make(
            metros: [Self.chicago, Self.denver, Self.boston], stats: Self.stats, chapters: [], base: nil,
            weights: RankingWeights())
        #expect(ranking.metros.map(\.metro) == ["Boston", "Chicago", "Denver"])
        #expect(ranking.metros.map(\.rank) == [1, 2, 3])
        #expect(
            ranking.metros[0].unaffiliated == 29 && ranking.metros[0].organizers == 3 && ranking.metros[0].hosts == 2)
        // Boston pool: 9 women of 24 stated = 37.5% → meets 30%; Denver: 3 of 15 = 20% → (3+w)/(15+w) ≥ 0.3
        // ⇔ 0.7w ≥ 1.5 ⇔ w ≥ 2.14 → 3 more women (2 gives 5/17 = 29.4%).
        #expect(ranking.metros[0].womenShare == 0.375 && ranking.metros[0].womenNeeded == 0)
        #expect(ranking.metros[2].womenNeeded == 3)
        #expect(ranking.unresolvedMembers == 3 && ranking.unresolvedUnaffiliated == 2 && ranking.unresolvedPlaces == 1)
        #expect(ranking.totalUnaffiliated == 75)
    }

    @Test("distances to the nearest chapter and the base are great-circle km; weights change the order")
    func distancesAndWeights() {
        // New York chapter at 40.7128,-74.0060. New York–Boston ≈ 306 km, New York–Chicago ≈ 1145 km.
        let chapters = [(name: "New York", point: GeoPoint(latitude: 40.7128, longitude: -74.0060))]
        var weights = RankingWeights()
        _ = weights.set("base_distance", to: 2)
        let ranking = MetroRanking.make(
            metros: [Self.chicago, Self.boston], stats: Self.stats, chapters: chapters, base: chapters[0].point,
            weights: weights)
        let boston = ranking.metros.first { $0.metro == "Boston" }
        let chicago = ranking.metros.first { $0.metro == "Chicago" }
        #expect(abs((boston?.nearestChapterKm ?? 0) - 306) < 2)
        #expect(abs((chicago?.baseKm ?? 0) - 1145) < 5)
        // Chicago: 29 − 2 × 11.45 ≈ 6.1; Boston: 29 − 2 × 3.06 ≈ 22.9.
        #expect(ranking.metros.first?.metro == "Boston")
        #expect(abs((chicago?.score ?? 0) - 6.1) < 0.2)
    }

    @Test("weights file: unknown keys are named with their line")
    func weightsFile() throws {
        let weights = try RankingWeights.parse("[weights]\norganizers = 2\nhosts = 0.5\n", fileName: "w.toml")
        #expect(weights.organizers == 2 && weights.hosts == 0.5 && weights.unaffiliated == 1)
        #expect {
            try RankingWeights.parse("[weights]\norganisers = 2\n", fileName: "w.toml")
        } throws: { error in
            (error as? SettingsError)?.description.hasPrefix("w.toml:2: weights.organisers is not a ranking weight")
                == true
        }
    }
}
