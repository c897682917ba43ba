import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("/rank's map: labels never overlap")
struct RankMapLabelTests {
    static func metro(_ rank: Int, _ name: String, lat: Double, lon: Double, unaffiliated: Int) -> RankedMetro {
        RankedMetro(
            rank: rank, metro: name, country: "US", cities: [name], latitude: lat, longitude: lon, timeZone: nil,
            unaffiliated: unaffiliated, organizers: 0, hosts: 0, womenShare: nil, womenNeeded: nil,
            nearestChapter: nil, nearestChapterKm: nil, baseKm: nil, score: Double(unaffiliated))
    }

    /// The box a `<text>` covers at font size 18: 0.62 em a character, 0.8 em above the baseline,
    /// 0.25 em below it, placed by its `text-anchor`.
    struct Box {
        var minX, minY, maxX, maxY: Double
        func intersects(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    static func labels(_ svg: String) -> [(text: String, box: Box)] {
        svg.matches(of: /<text x="([0-9.-]+)" y="([0-9.-]+)"(?: text-anchor="(\w+)")?[^>]*>([^<]*)<\/text>/).map {
            let x = Double($0.output.1) ?? .nan
            let y = Double($0.output.2) ?? .nan
            let text = String($0.output.4).replacingOccurrences(of: "&amp;", with: "&")
            let width = Double(text.count) * 0.62 * 18
            let left =
                switch $0.output.3 {
                case "end": x - width
                case "middle": x - width / 2
                default: x
                }
            return (text, Box(minX: left, minY: y - 0.8 * 18, maxX: left + width, maxY: y + 0.25 * 18))
        }
    }

    @Test("Boston, Cambridge, Somerville, Quincy and Brookline: no two label boxes intersect; every dot stays")
    func closeCities() throws {
        var ranking = MetroRanking.make(metros: [], stats: [], chapters: [], base: nil, weights: RankingWeights())
        ranking.metros = [
            Self.metro(1, "Boston", lat: 42.3601, lon: -71.0589, unaffiliated: 120),
            Self.metro(2, "Cambridge", lat: 42.3736, lon: -71.1097, unaffiliated: 80),
            Self.metro(3, "Somerville", lat: 42.3876, lon: -71.0995, unaffiliated: 60),
            Self.metro(4, "Quincy", lat: 42.2529, lon: -71.0023, unaffiliated: 40),
            Self.metro(5, "Brookline", lat: 42.3318, lon: -71.1212, unaffiliated: 20),
        ]
        let svg = RouteMap(outlines: []).svg(ranking: ranking)
        #expect(svg.components(separatedBy: "<circle class=\"metro\"").count == 6)
        let labels = Self.labels(svg)
        #expect(labels.first?.text == "1 Boston")
        #expect(labels.count >= 2)
        for (index, label) in labels.enumerated() {
            #expect(label.box.minX >= 0 && label.box.maxX <= 720 && label.box.minY >= 0 && label.box.maxY <= 480)
            for other in labels[(index + 1)...] {
                #expect(!label.box.intersects(other.box), "“\(label.text)” overlaps “\(other.text)”")
            }
        }
    }

    @Test("metros far apart all keep their label (inside the frame)")
    func farApart() {
        var ranking = MetroRanking.make(metros: [], stats: [], chapters: [], base: nil, weights: RankingWeights())
        ranking.metros = [
            Self.metro(1, "Boston", lat: 42.36, lon: -71.06, unaffiliated: 100),
            Self.metro(2, "Denver", lat: 39.74, lon: -104.99, unaffiliated: 50),
            Self.metro(3, "Atlanta", lat: 33.75, lon: -84.39, unaffiliated: 25),
        ]
        let labels = Self.labels(RouteMap(outlines: []).svg(ranking: ranking))
        #expect(labels.map(\.text).sorted() == ["1 Boston", "2 Denver", "3 Atlanta"])
    }

    @Test("a label goes to a side where it covers no other dot when there is one")
    func avoidsDots() {
        var ranking = MetroRanking.make(metros: [], stats: [], chapters: [], base: nil, weights: RankingWeights())
        // Alpha's dot (r 22) at x ≈ 323; Beta's (r ≈ 5.8) at x ≈ 397, under where Alpha's label
        // would start on the right (x 348 to 426).
        ranking.metros = [
            Self.metro(1, "Alpha", lat: 40, lon: -80, unaffiliated: 100),
            Self.metro(2, "Beta", lat: 40, lon: -79.4, unaffiliated: 1),
        ]
        let svg = RouteMap(outlines: []).svg(ranking: ranking)
        #expect(svg.contains(/<text [^>]*text-anchor="end"[^>]*>1 Alpha<\/text>/))
        #expect(svg.contains(/<text x="[0-9.]+" y="[0-9.]+" stroke[^>]*>2 Beta<\/text>/))
    }
}
