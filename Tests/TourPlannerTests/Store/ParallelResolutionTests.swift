import Foundation
import Testing
import TourPlannerCore

@testable import TourPlanner

@Suite("Place resolution on every core")
struct ParallelResolutionTests {
    @Test("resolving in parallel gives every key the same answer as one by one, in the keys' order")
    func sameAsSerial() throws {
        let resolver = try #require(SharedGazetteer.resolver)
        let places = [
            PlaceKey(city: "Boston", region: "MA", country: "US"),
            PlaceKey(city: "Cambridge", region: "MA", country: "US"),
            PlaceKey(city: "Oslo", country: "NO"), PlaceKey(city: "Springfeld", region: "IL", country: "US"),
            PlaceKey(city: "Nowhere 17", region: "ZZ", country: "US"),
        ].map(\.rawValue)
        // Enough keys to take the parallel path (2,000 or more).
        let keys = (0..<2_500).map { index in
            index % 10 == 0 ? PlaceKey(city: "Made Up \(index)", country: "US").rawValue : places[index % places.count]
        }
        let parallel = TourDatabase.resolveInParallel(keys, with: resolver)
        #expect(parallel.map(\.0) == keys)
        #expect(parallel[1].1.entry?.name == "Cambridge" && parallel[0].1.entry == nil)
        for (key, resolution) in parallel.prefix(60) {
            #expect(resolution == resolver.resolve(PlaceKey(rawValue: key)), "\(key)")
        }
        #expect(TourDatabase.resolveInParallel([], with: resolver).isEmpty)
    }
}
