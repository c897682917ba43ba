import Testing
import TourPlannerCore

@testable import TourPlanner

@Suite("MetroID")
struct MetroIDTests {
    @Test("a gazetteer id names the metro; a hand-made metro is named by country and name")
    func forms() {
        #expect(MetroID(geonameId: 4_930_956).rawValue == "geonames:4930956")
        #expect(MetroID(geonameId: 4_930_956).geonameId == 4_930_956)
        #expect(MetroID(name: "Boston", countryCode: "US").rawValue == "name:US:Boston")
        #expect(MetroID(name: "Boston", countryCode: nil).rawValue == "name::Boston")
        #expect(MetroID(name: "Boston", countryCode: "US").geonameId == nil)
    }

    @Test("a metro group's id is its anchor city's gazetteer id, else its country and name")
    func metroGroupID() {
        let point = GeoPoint(latitude: 42.36, longitude: -71.06)
        let anchored = MetroGroup(
            name: "Boston", countryCode: "US", cities: ["Boston"], center: point, timeZone: nil, placeKeys: [],
            geonameId: 4_930_956)
        let handMade = MetroGroup(
            name: "Boston", countryCode: "US", cities: ["Boston"], center: point, timeZone: nil, placeKeys: [])
        #expect(anchored.id == MetroID(geonameId: 4_930_956))
        #expect(handMade.id == MetroID(rawValue: "name:US:Boston"))
    }

    @Test("clustering the same cities twice gives the same ids, in any input order")
    func stableAcrossRuns() {
        // Given two cities 5 km apart (one metro, anchored at the larger) and one far away
        func city(_ id: Int, _ name: String, _ lat: Double, _ lon: Double, population: Int) -> ClusterCity {
            ClusterCity(
                entry: GazetteerEntry(
                    geonameId: id, name: name, countryCode: "US", admin1: "MA", latitude: lat, longitude: lon,
                    population: population, timeZone: "America/New_York"),
                placeKeys: [name], members: 1)
        }
        let cities = [
            city(4_931_972, "Cambridge", 42.3751, -71.1056, population: 118_403),
            city(4_930_956, "Boston", 42.3584, -71.0598, population: 667_137),
            city(4_951_788, "Springfield", 42.1015, -72.5898, population: 153_606),
        ]
        // When they are clustered in two orders
        let first = MetroClustering.cluster(cities).map(\.id)
        let second = MetroClustering.cluster(cities.reversed()).map(\.id)
        // Then each metro is named by its most populous city's gazetteer id, both times
        #expect(first == [MetroID(geonameId: 4_930_956), MetroID(geonameId: 4_951_788)])
        #expect(second == first)
    }
}
