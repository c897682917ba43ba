/// A resolved city with members, as input to metro clustering.
package struct ClusterCity: Hashable, Sendable {
    /// The gazetteer city the places resolved to.
    package var entry: GazetteerEntry
    /// The raw place keys that resolved to this city.
    package var placeKeys: Set<String>
    /// Number of members whose place resolved to this city.
    package var members: Int
    /// Creates a city with members.
    package init(entry: GazetteerEntry, placeKeys: Set<String>, members: Int) {
        self.entry = entry
        self.placeKeys = placeKeys
        self.members = members
    }
}

/// Groups resolved cities into metro areas by great-circle distance.
///
/// Linkage rule: **anchored (leader) clustering**. Cities are taken by population, largest
/// first (ties: geonameid); each city not yet in a metro becomes the anchor of a new metro and
/// takes every unassigned city within `radiusKm` of the anchor itself. So a metro is named
/// after its most populous city, every member city is within the radius of that center, and
/// the metro's diameter is at most twice the radius. Single linkage was rejected because it
/// chains: along the Boston–Providence or Rhine–Ruhr corridors, towns 20 km apart would link
/// cities 100 km apart into one "metro" that no single training could serve.
/// At 25 km, Berkeley, Oakland and San Francisco form one metro (Oakland–San Francisco
/// ≈ 13 km, Berkeley–San Francisco ≈ 16 km) and so do Boston and Cambridge (≈ 5 km); Denver
/// and Boulder (≈ 39 km) do not.
public enum MetroClustering {
    /// The default clustering radius in km (25): Boston and Cambridge form one metro, Denver and Boulder do not.
    public static let defaultRadiusKm = 25.0

    /// Clusters the cities into metros by the anchored rule above.
    ///
    /// - Complexity: O(n log n + n·k) for n cities with members and k cities in a band of
    ///   latitude around each anchor (cities are indexed by latitude); deterministic.
    package static func cluster(_ cities: [ClusterCity], radiusKm: Double = defaultRadiusKm) -> [MetroGroup] {
        let ordered = cities.sorted {
            ($0.entry.population, -$0.entry.geonameId) > ($1.entry.population, -$1.entry.geonameId)
        }
        // Positions in `ordered`, sorted by latitude, to find an anchor's band by binary search.
        let byLatitude = ordered.indices.sorted { (ordered[$0].entry.latitude, $0) < (ordered[$1].entry.latitude, $1) }
        let latitudes = byLatitude.map { ordered[$0].entry.latitude }
        func firstIndex(atLeast latitude: Double) -> Int {
            var low = 0, high = latitudes.count
            while low < high {
                let middle = (low + high) / 2
                if latitudes[middle] < latitude { low = middle + 1 } else { high = middle }
            }
            return low
        }
        // 1° of latitude ≈ 111 km: only cities within this band can be within the radius.
        let latitudeWindow = radiusKm / 111.0 + 0.01
        var assigned = [Bool](repeating: false, count: ordered.count)
        var metros: [MetroGroup] = []
        for (anchorIndex, anchor) in ordered.enumerated() where !assigned[anchorIndex] {
            assigned[anchorIndex] = true
            var members = [anchor]
            let center = anchor.entry.point
            var band: [Int] = []
            var position = firstIndex(atLeast: center.latitude - latitudeWindow)
            while position < latitudes.count && latitudes[position] <= center.latitude + latitudeWindow {
                band.append(byLatitude[position])
                position += 1
            }
            for index in band.sorted() where !assigned[index] {
                let other = ordered[index]
                if center.distanceKm(to: other.entry.point) <= radiusKm {
                    assigned[index] = true
                    members.append(other)
                }
            }
            let names = Array(Set(members.map(\.entry.name))).sorted()
            metros.append(
                MetroGroup(
                    name: anchor.entry.name, countryCode: anchor.entry.countryCode, cities: names, center: center,
                    timeZone: anchor.entry.timeZone,
                    placeKeys: members.reduce(into: Set<String>()) { $0.formUnion($1.placeKeys) },
                    geonameId: anchor.entry.geonameId, regionCode: anchor.entry.admin1))
        }
        return metros
    }
}
