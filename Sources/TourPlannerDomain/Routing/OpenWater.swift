import Foundation
import Synchronization
import TourPlannerCore

/// Land and sea along a great-circle path, from the bundled country outlines (Natural Earth
/// 1:110m, `Resources/Maps/world.json`): how far a leg's straight line runs over open water.
///
/// The path is sampled every ``sampleKm`` (5 km) and each sample is tested against the outlines
/// (ray casting, over only the edges of the sample's 1° band of latitude, each ring's band first
/// checked by its longitude range). A sample is open water when it is off land and so are the two
/// points ``coastKm`` (10 km) to either side of the path: a line that runs along a coast, a sound or
/// a narrow bay (Los Angeles–San Diego, Providence–New York along Long Island Sound, Seattle–
/// Vancouver over Puget Sound) follows the coast road, not a ferry. The longest run of open-water
/// samples is the leg's stretch; one under ``minimumStretchKm`` (25 km) counts as none, because the
/// coarse outlines put harbours and straits a few km out to sea (Copenhagen–Malmö samples 5 km).
/// A chord across a wide bay still counts (Barcelona–Valencia, about 200 km).
///
/// - Complexity: O(d / 5 km · e) for a path of d km, e the edges of a band (a few dozen).
package struct OpenWater: Sendable, Hashable {
    /// The spacing of the samples along a path, in km.
    package static let sampleKm = 5.0
    /// Stretches of water shorter than this (km) count as none: the outlines' coastal error.
    package static let minimumStretchKm = 25.0
    /// A sample off land with land this close (km) to either side of the path is coastal water, not open.
    package static let coastKm = 10.0
    /// Land this close (km, vertex to vertex) is one landmass: Dover–Calais, Messina, the Øresund, the
    /// North Channel; Corsica, Crete, Tasmania and Hawaii are farther from any mainland.
    package static let straitKm = 60.0

    /// The edges of one ring that reach one band of latitude, and their longitude range.
    struct BandRing: Sendable {
        /// The ring's index in the rings the mask was made from.
        var ring: Int
        var minLon: Double
        var maxLon: Double
        /// Edges as `x1, y1, x2, y2` (lon, lat), four numbers per edge.
        var edges: [Double]
    }

    /// Per 1° band of latitude (index ⌊lat + 90⌋, 0…179), the rings that reach it.
    private let bands: [[BandRing]]
    /// Per ring, its landmass: rings whose vertices come within ``straitKm`` of each other (a shared
    /// border, a strait a bridge, tunnel or short ferry crosses) have the same number.
    private let landmassOfRing: [Int]
    /// The rings' vertices by 1° cell (`lat + 90`, `lon + 180`), for the nearest ring of a coastal point.
    private let vertexCells: [Int: [(lat: Double, lon: Double, ring: Int)]]
    /// Where the rings come from ("world.json"), and how many: what equality compares.
    private let source: String
    private let ringCount: Int

    /// A mask of the land inside `rings` (each `[lon, lat, lon, lat, …]`, closed or not).
    ///
    /// - Parameters:
    ///   - rings: land outlines in degrees; holes are not told apart (a ring inside a ring is land).
    ///   - source: a name for the rings; two masks with the same source and ring count are equal.
    package init(rings: [[Double]], source: String) {
        var bands = [[BandRing]](repeating: [], count: 180)
        for (ringIndex, ring) in rings.enumerated() where ring.count >= 6 {
            let count = ring.count / 2
            var byBand: [Int: BandRing] = [:]
            for index in 0..<count {
                let previous = (index + count - 1) % count
                let (x1, y1, x2, y2) = (
                    ring[2 * previous], ring[2 * previous + 1], ring[2 * index], ring[2 * index + 1]
                )
                guard y1 != y2 else { continue }  // a horizontal edge never crosses a ray
                for band in Self.band(min(y1, y2))...Self.band(max(y1, y2)) {
                    var entry =
                        byBand[band] ?? BandRing(ring: ringIndex, minLon: .infinity, maxLon: -.infinity, edges: [])
                    entry.minLon = min(entry.minLon, x1, x2)
                    entry.maxLon = max(entry.maxLon, x1, x2)
                    entry.edges += [x1, y1, x2, y2]
                    byBand[band] = entry
                }
            }
            for (band, entry) in byBand { bands[band].append(entry) }
        }
        self.bands = bands
        self.source = source
        self.ringCount = rings.count
        (landmassOfRing, vertexCells) = Self.landmasses(rings)
    }

    /// Union-find over the rings: two rings with vertices within ``straitKm`` are one landmass.
    private static func landmasses(_ rings: [[Double]]) -> ([Int], [Int: [(lat: Double, lon: Double, ring: Int)]]) {
        var cells: [Int: [(lat: Double, lon: Double, ring: Int)]] = [:]
        for (index, ring) in rings.enumerated() {
            for vertex in stride(from: 0, to: ring.count - 1, by: 2) {
                let (lon, lat) = (ring[vertex], ring[vertex + 1])
                cells[cell(lat: lat, lon: lon), default: []].append((lat, lon, index))
            }
        }
        var parent = Array(rings.indices)
        func root(_ ring: Int) -> Int {
            var ring = ring
            while parent[ring] != ring {
                parent[ring] = parent[parent[ring]]
                ring = parent[ring]
            }
            return ring
        }
        for (key, vertices) in cells {
            for neighbour in neighbourCells(key) {
                guard let others = cells[neighbour] else { continue }
                for a in vertices {
                    for b in others where b.ring != a.ring && root(a.ring) != root(b.ring) {
                        let distance = GeoPoint(latitude: a.lat, longitude: a.lon).distanceKm(
                            to: GeoPoint(latitude: b.lat, longitude: b.lon))
                        if distance <= straitKm { parent[root(a.ring)] = root(b.ring) }
                    }
                }
            }
        }
        return (rings.indices.map(root), cells)
    }

    private static func cell(lat: Double, lon: Double) -> Int {
        let row = max(0, min(179, Int((lat + 90).rounded(.down))))
        let column = (Int((lon + 180).rounded(.down)) % 360 + 360) % 360
        return row * 360 + column
    }

    /// The cell and those around it: ±1° of latitude, ±2° of longitude (over 60 km up to 74°N/S).
    private static func neighbourCells(_ key: Int) -> [Int] {
        let (row, column) = (key / 360, key % 360)
        var keys: [Int] = []
        for r in max(0, row - 1)...min(179, row + 1) {
            for dc in -2...2 { keys.append(r * 360 + ((column + dc) % 360 + 360) % 360) }
        }
        return keys
    }

    /// The landmass `point` is on: the ring it lies in, else the ring with a vertex within
    /// ``straitKm`` (the nearest; a coastal city the coarse outlines leave at sea); nil when no
    /// land is that close (a small island the outlines do not draw).
    package func landmass(of point: GeoPoint) -> Int? {
        if let ring = ring(containing: point.latitude, point.longitude) { return landmassOfRing[ring] }
        var best: (km: Double, ring: Int)?
        for key in Self.neighbourCells(Self.cell(lat: point.latitude, lon: point.longitude)) {
            for vertex in vertexCells[key] ?? [] {
                let km = point.distanceKm(to: GeoPoint(latitude: vertex.lat, longitude: vertex.lon))
                if km <= Self.straitKm, km < best?.km ?? .infinity { best = (km, vertex.ring) }
            }
        }
        return best.map { landmassOfRing[$0.ring] }
    }

    /// Whether `a` and `b` lie on landmasses no road joins (both known, and different).
    package func areOnSeparateLand(_ a: GeoPoint, _ b: GeoPoint) -> Bool {
        guard let first = landmass(of: a), let second = landmass(of: b) else { return false }
        return first != second
    }

    /// The mask of the bundled world outlines, read once per process; nil when the file is
    /// missing from the build.
    package static func bundled() -> OpenWater? {
        bundledCache.withLock { cached in
            if let cached { return cached }
            let rings = MapOutlines.rings(["world"])
            let mask = rings.isEmpty ? nil : OpenWater(rings: rings, source: "world.json")
            cached = .some(mask)
            return mask
        }
    }

    private static let bundledCache = Mutex<OpenWater??>(nil)

    /// Whether `point` lies inside a land outline.
    package func isLand(_ point: GeoPoint) -> Bool {
        isLand(latitude: point.latitude, longitude: point.longitude)
    }

    private func isLand(latitude lat: Double, longitude lon: Double) -> Bool {
        ring(containing: lat, lon) != nil
    }

    /// The index of a ring that contains the point, or nil.
    private func ring(containing lat: Double, _ lon: Double) -> Int? {
        for ring in bands[Self.band(lat)] where lon >= ring.minLon && lon <= ring.maxLon {
            var inside = false
            var index = 0
            let edges = ring.edges
            while index < edges.count {
                let (x1, y1, x2, y2) = (edges[index], edges[index + 1], edges[index + 2], edges[index + 3])
                if (y1 > lat) != (y2 > lat), x1 + (lat - y1) * (x2 - x1) / (y2 - y1) > lon { inside.toggle() }
                index += 4
            }
            if inside { return ring.ring }
        }
        return nil
    }

    /// The longest continuous stretch of the great-circle path from `a` to `b` that is not on land.
    ///
    /// - Returns: the stretch in km (samples off land in a row × the sample spacing), or 0 when it is
    ///   under ``minimumStretchKm``.
    /// - Complexity: O(d / ``sampleKm``) point tests for a path of d km.
    package func longestStretchKm(from a: GeoPoint, to b: GeoPoint) -> Double {
        let distance = a.distanceKm(to: b)
        let angle = distance / GeoPoint.earthRadiusKm
        guard distance > 0, sin(angle) > 1e-9 else { return 0 }
        let steps = max(1, Int((distance / Self.sampleKm).rounded(.up)))
        let (start, end) = (Self.unitVector(a), Self.unitVector(b))
        // The unit normal of the path's plane: a sample moved along it ±coastKm lands beside the path.
        let normal = Self.cross(start, end)
        let length = (normal.x * normal.x + normal.y * normal.y + normal.z * normal.z).squareRoot()
        let side = tan(Self.coastKm / GeoPoint.earthRadiusKm) / length
        var run = 0
        var longest = 0
        for step in 0...steps {
            // Spherical interpolation between the two ends' unit vectors.
            let t = Double(step) / Double(steps)
            let (wa, wb) = (sin((1 - t) * angle) / sin(angle), sin(t * angle) / sin(angle))
            let point = (
                x: wa * start.x + wb * end.x, y: wa * start.y + wb * end.y, z: wa * start.z + wb * end.z
            )
            let isOpen =
                !isLand(point)
                && !isLand((point.x + side * normal.x, point.y + side * normal.y, point.z + side * normal.z))
                && !isLand((point.x - side * normal.x, point.y - side * normal.y, point.z - side * normal.z))
            if isOpen {
                run += 1
                longest = max(longest, run)
            } else {
                run = 0
            }
        }
        let km = Double(longest) * distance / Double(steps)
        return km < Self.minimumStretchKm ? 0 : km
    }

    /// Whether the direction `vector` (any length) points at land.
    private func isLand(_ vector: (x: Double, y: Double, z: Double)) -> Bool {
        let length = (vector.x * vector.x + vector.y * vector.y + vector.z * vector.z).squareRoot()
        let lat = asin(max(-1, min(1, vector.z / length))) * 180 / .pi
        return isLand(latitude: lat, longitude: atan2(vector.y, vector.x) * 180 / .pi)
    }

    private static func cross(
        _ a: (x: Double, y: Double, z: Double), _ b: (x: Double, y: Double, z: Double)
    ) -> (x: Double, y: Double, z: Double) {
        (a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }

    private static func band(_ latitude: Double) -> Int { max(0, min(179, Int((latitude + 90).rounded(.down)))) }

    private static func unitVector(_ point: GeoPoint) -> (x: Double, y: Double, z: Double) {
        let (lat, lon) = (point.latitude * .pi / 180, point.longitude * .pi / 180)
        return (cos(lat) * cos(lon), cos(lat) * sin(lon), sin(lat))
    }

    /// Masks are equal when made from the same source with as many rings (the bundled mask equals itself).
    package static func == (lhs: OpenWater, rhs: OpenWater) -> Bool {
        lhs.source == rhs.source && lhs.ringCount == rhs.ringCount
    }

    /// Hashes the source and the ring count, as `==` compares.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(ringCount)
    }
}
