import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Ranking map (SVG)")
struct RouteMapRankingTests {
    static func metro(_ rank: Int, _ name: String, lat: Double, lon: Double, unaffiliated: Int) -> RankedMetro {
        RankedMetro(
            rank: rank, metro: name, country: "US", cities: [name], latitude: lat, longitude: lon, timeZone: nil,
            unaffiliated: unaffiliated, organizers: 0, hosts: 0, womenShare: nil, womenNeeded: nil,
            nearestChapter: nil, nearestChapterKm: nil, baseKm: nil, score: Double(unaffiliated))
    }

    @Test("a dot per metro, sized by unaffiliated members, titled and labelled, names escaped, no script")
    func dots() {
        var ranking = MetroRanking.make(metros: [], stats: [], chapters: [], base: nil, weights: RankingWeights())
        ranking.metros = [
            Self.metro(1, "Big <City>", lat: 40, lon: -75, unaffiliated: 100),
            Self.metro(2, "Small & Co", lat: 42, lon: -72, unaffiliated: 25),
        ]
        let map = RouteMap(outlines: [[-80, 38, -70, 38, -70, 44, -80, 44]])
        let svg = map.svg(ranking: ranking)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.components(separatedBy: "<circle class=\"metro\"").count == 3)
        #expect(svg.contains("r=\"22.0\"><title>#1 Big &lt;City&gt;: 100 unaffiliated members</title>"))
        #expect(svg.contains("r=\"13.0\"><title>#2 Small &amp; Co: 25 unaffiliated members</title>"))
        #expect(svg.contains(">2 Small &amp; Co</text>"))
        #expect(svg.components(separatedBy: "<path d=\"M").count == 2)
        #expect(!svg.contains("<script") && !svg.contains("Big <City>"))
    }

    @Test("radius: 4 for none, 22 for the largest, by area in between")
    func radius() {
        #expect(RouteMap.radius(unaffiliated: 0, largest: 100) == 4)
        #expect(RouteMap.radius(unaffiliated: 100, largest: 100) == 22)
        #expect(RouteMap.radius(unaffiliated: 25, largest: 100) == 13)
    }

    @Test("no metros: an empty titled map")
    func empty() {
        let ranking = MetroRanking.make(metros: [], stats: [], chapters: [], base: nil, weights: RankingWeights())
        #expect(RouteMap(outlines: []).svg(ranking: ranking).contains("<title>No ranked metros</title>"))
    }
}
