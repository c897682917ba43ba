import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Itinerary formats")
struct ItineraryFormatsTests {
    @Test("GeoJSON is written by JSONEncoder and reads back: 1 base, 4 trainings, 7 legs, positions [lon, lat]")
    func geoJSONReadsBack() throws {
        // Given the summer plan (Philadelphia day trip, Boston with a night, Baltimore + Washington)
        let plan = try ItineraryTests.plan()
        // When its GeoJSON is parsed back
        let text = try Itinerary.geoJSON(plan: plan)
        let collection = try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: Data(text.utf8))
        // Then
        #expect(collection.type == "FeatureCollection")
        let kinds = collection.features.map(\.properties.kind)
        #expect(kinds.filter { $0 == .base }.count == 1)
        #expect(kinds.filter { $0 == .training }.count == 4)
        #expect(kinds.filter { $0 == .leg }.count == 7)
        let base = try #require(collection.features.first)
        guard case .point(let position) = base.geometry else {
            Issue.record("the base is not a Point")
            return
        }
        #expect(position.count == 2 && abs(position[0] + 74.006) < 1e-9 && abs(position[1] - 40.7128) < 1e-9)
        #expect(base.properties.name == "New York" && base.properties.team == "New York")
        // Every leg runs between two of the points.
        let points: [[Double]] = collection.features.compactMap {
            if case .point(let position) = $0.geometry { return position }
            return nil
        }
        for feature in collection.features where feature.properties.kind == .leg {
            guard case .lineString(let positions) = feature.geometry else {
                Issue.record("a leg is not a LineString")
                continue
            }
            #expect(positions.count == 2 && positions.allSatisfy(points.contains))
        }
        // Round trip: the same value encodes to the same text.
        #expect(try JSONOutput.encode(collection) + "\n" == text)
    }

    @Test("coordinates are rounded to 5 decimals (about 1 m)")
    func rounding() {
        #expect(abs(GeoJSONFeatureCollection.rounded(-74.006_004_9) + 74.006) < 1e-9)
        #expect(abs(GeoJSONFeatureCollection.rounded(40.712_775_1) - 40.712_78) < 1e-9)
    }

    @Test("a geometry other than Point or LineString is refused by name")
    func unknownGeometry() {
        let json = #"{"type": "Polygon", "coordinates": []}"#
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(GeoJSONGeometry.self, from: Data(json.utf8))
        }
    }

    @Test("the HTML page comes from the itinerary template: data escaped (with ' as &#39;), the map raw")
    func htmlTemplateEscapes() throws {
        let plan = try ItineraryTests.plan()
        let page = try Itinerary.make(plan: plan, title: "Rosa's <tour> & more").html(
            plan: plan, map: RouteMap.loadBundled())
        #expect(page.contains("<title>Rosa&#39;s &lt;tour&gt; &amp; more</title>"))
        #expect(page.contains("<h1>Rosa&#39;s &lt;tour&gt; &amp; more</h1>"))
        #expect(page.contains("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!page.contains("{{"))
        // 4 trainings and 7 drives, one list item each, plus the nights.
        #expect(page.components(separatedBy: "<strong>").count - 1 == 4)
        #expect(page.components(separatedBy: "</span> Drive ").count - 1 == 7)
    }
}
