/// A resolved city with members, as input to metro clustering.
public struct ClusterCity: Hashable, Sendable {
    public var entry: GazetteerEntry
    /// The raw place keys that resolved to this city.
    public var placeKeys: Set<String>
    public var members: Int
    public init(entry: GazetteerEntry, placeKeys: Set<String>, members: Int) {
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
    public static let defaultRadiusKm = 25.0

    /// - Complexity: O(n²) distance checks for n cities with members (a few thousand at most:
    ///   well under 100 ms); deterministic.
    public static func cluster(_ cities: [ClusterCity], radiusKm: Double = defaultRadiusKm) -> [MetroGroup] {
        let ordered = cities.sorted {
            ($0.entry.population, -$0.entry.geonameId) > ($1.entry.population, -$1.entry.geonameId)
        }
        var assigned = [Bool](repeating: false, count: ordered.count)
        var metros: [MetroGroup] = []
        for (anchorIndex, anchor) in ordered.enumerated() where !assigned[anchorIndex] {
            assigned[anchorIndex] = true
            var members = [anchor]
            let center = anchor.entry.point
            // Cheap latitude prefilter: 1° of latitude ≈ 111 km.
            let latitudeWindow = radiusKm / 111.0 + 0.01
            for index in ordered.indices where !assigned[index] {
                let other = ordered[index]
                if abs(other.entry.latitude - center.latitude) > latitudeWindow { continue }
                if center.distanceKm(to: other.entry.point) <= radiusKm {
                    assigned[index] = true
                    members.append(other)
                }
            }
            let names = Array(Set(members.map(\.entry.name))).sorted()
            metros.append(
                MetroGroup(
                    name: anchor.entry.name, countryCode: anchor.entry.countryCode, cities: names, center: center,
                    timeZone: anchor.entry.timeZone, placeKeys: members.reduce(into: Set<String>()) { $0.formUnion($1.placeKeys) },
                    geonameId: anchor.entry.geonameId, regionCode: anchor.entry.admin1))
        }
        return metros
    }
}
