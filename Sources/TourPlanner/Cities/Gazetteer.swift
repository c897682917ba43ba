public import Foundation
import CitiesData

/// One place of the gazetteer (a GeoNames city of 5,000+ people).
public struct GazetteerEntry: Hashable, Sendable, Codable {
    public var geonameId: Int
    public var name: String
    public var countryCode: String
    /// GeoNames admin-1 code (see `RegionTable`).
    public var admin1: String
    public var latitude: Double
    public var longitude: Double
    public var population: Int
    /// IANA time zone, e.g. "America/New_York".
    public var timeZone: String
    public var point: GeoPoint { GeoPoint(latitude: latitude, longitude: longitude) }
}

/// The offline gazetteer: cities, regions and countries, indexed by folded name.
///
/// Loading parses ~69,000 rows and builds a hash index of every search key (see
/// Benchmarks/README.md for the measured load time).
public struct Gazetteer: Sendable {
    public private(set) var entries: [GazetteerEntry] = []
    /// Folded key → entries; the first key of each row is its own name.
    private(set) var index: [String: [Int32]] = [:]
    /// Keys whose entry has this key as its *name* (not an alternate).
    private(set) var nameKeyOf: [Int32: String] = [:]
    /// Keys grouped by first character and length, for typo search.
    private(set) var keysByBucket: [String: [String]] = [:]
    public let countries: CountryTable
    public let regions: RegionTable
    /// Identifies the data (for cached resolutions).
    public let version: String

    public init(gazetteer: Data, regions: RegionTable, countries: CountryTable, version: String = "geonames-cities5000") {
        self.regions = regions
        self.countries = countries
        self.version = version
        var timeZones: [Substring: String] = [:]
        entries.reserveCapacity(70_000)
        index.reserveCapacity(400_000)
        TSVFile.forEachRow(in: gazetteer) { fields in
            guard fields.count >= 9, let id = Int(fields[0]), let latitude = Double(fields[4]),
                let longitude = Double(fields[5])
            else { return }
            let zone: String
            if let known = timeZones[fields[7]] {
                zone = known
            } else {
                zone = String(fields[7])
                timeZones[fields[7]] = zone
            }
            let position = Int32(entries.count)
            entries.append(
                GazetteerEntry(
                    geonameId: id, name: String(fields[1]), countryCode: String(fields[2]), admin1: String(fields[3]),
                    latitude: latitude, longitude: longitude, population: Int(fields[6]) ?? 0, timeZone: zone))
            var first = true
            for key in fields[8].split(separator: "|") {
                let keyString = String(key)
                index[keyString, default: []].append(position)
                if first {
                    nameKeyOf[position] = keyString
                    first = false
                }
            }
        }
        for key in index.keys {
            guard let firstCharacter = key.first else { continue }
            keysByBucket["\(firstCharacter)\(key.count)", default: []].append(key)
        }
    }

    /// The bundled gazetteer.
    ///
    /// - Throws: `GazetteerError` when a bundled file is missing.
    public static func loadBundled() throws -> Gazetteer {
        guard let url = CitiesData.url(of: "gazetteer.tsv"), let data = try? Data(contentsOf: url, options: .mappedIfSafe) else {
            throw GazetteerError(file: "gazetteer.tsv", problem: "is missing from this build")
        }
        return Gazetteer(gazetteer: data, regions: try RegionTable.loadBundled(), countries: try CountryTable.loadBundled())
    }

    /// Entries whose name or alternate name folds to `key`.
    func entries(forKey key: String) -> [Int32] { index[key] ?? [] }

    /// Whether `key` is the entry's own name (rather than an alternate name).
    func isName(_ key: String, of entry: Int32) -> Bool { nameKeyOf[entry] == key }

    /// Keys within `maxDistance` edits of `key` that share its first character.
    ///
    /// - Complexity: O(k · n · d) for the k keys in the length buckets searched.
    func keys(near key: String, maxDistance: Int) -> [(key: String, distance: Int)] {
        guard let firstCharacter = key.first else { return [] }
        let query = Array(key.utf8)
        var found: [(String, Int)] = []
        for length in max(1, query.count - maxDistance)...(query.count + maxDistance) {
            for candidate in keysByBucket["\(firstCharacter)\(length)"] ?? [] {
                let distance = EditDistance.bounded(query, Array(candidate.utf8), limit: maxDistance)
                if distance <= maxDistance { found.append((candidate, distance)) }
            }
        }
        return found
    }
}

/// Damerau–Levenshtein (optimal string alignment) distance with an early exit.
enum EditDistance {
    /// The distance between `a` and `b`, or `limit + 1` as soon as it must exceed `limit`.
    static func bounded(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previousPrevious[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
