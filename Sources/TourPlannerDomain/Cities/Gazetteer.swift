import CitiesData
package import Foundation
import Synchronization
import TourPlannerCore

/// One place of the gazetteer (a GeoNames city of 5,000+ people).
public struct GazetteerEntry: Hashable, Sendable, Codable {
    /// The GeoNames id of the city: stable across runs and gazetteer builds (a metro's id is its anchor's).
    package var geonameId: Int
    /// The city's name as GeoNames spells it, e.g. "Cambridge".
    public var name: String
    /// ISO 3166-1 alpha-2 country code, e.g. "US".
    public var countryCode: String
    /// GeoNames admin-1 code (see `RegionTable`).
    public var admin1: String
    /// Latitude in decimal degrees (WGS 84, north positive).
    package var latitude: Double
    /// Longitude in decimal degrees (WGS 84, east positive).
    package var longitude: Double
    /// Population (GeoNames): ranks namesakes, and the most populous city of a metro names it.
    public var population: Int
    /// IANA time zone, e.g. "America/New_York".
    package var timeZone: String
    /// The city's location as a ``GeoPoint``.
    package var point: GeoPoint { GeoPoint(latitude: latitude, longitude: longitude) }

    /// The memberwise initializer, for the store (which caches resolved places).
    package init(
        geonameId: Int, name: String, countryCode: String, admin1: String, latitude: Double, longitude: Double,
        population: Int, timeZone: String
    ) {
        self.geonameId = geonameId
        self.name = name
        self.countryCode = countryCode
        self.admin1 = admin1
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.timeZone = timeZone
    }
}

/// The offline gazetteer: cities, regions and countries, indexed by folded name.
///
/// Loading parses ~69,000 rows and builds a hash index of every search key (see
/// Benchmarks/README.md for the measured load time).
public struct Gazetteer: Sendable {
    /// Every place, in file order.
    public private(set) var entries: [GazetteerEntry] = []
    /// Folded key → its latest posting; postings of the same key are chained through `next`.
    /// For each (key, entry) posting, the next posting of the same key (-1 ends the chain).
    private var postings: [(entry: Int32, next: Int32)] = []
    private var headPosting: [String: Int32] = [:]
    /// Each entry's own name key.
    private var nameKeys: [String] = []
    /// Distinct keys grouped by first byte and length, for typo search.
    private var keysByBucket: [Int: KeyBucket] = [:]

    /// The keys of one (first byte, length) bucket as bytes in one buffer (a `String` and an
    /// array per key cost ~20 MB of the resident set for 400,000 keys).
    fileprivate struct KeyBucket: Sendable {
        /// Every key's UTF-8 bytes, back to back; all keys of a bucket have `length` bytes (a
        /// key found is made a `String` again, which is rare: typo search keeps few keys).
        var bytes: [UInt8] = []
        var length = 0
        var count: Int { length == 0 ? 0 : bytes.count / length }
    }
    /// The countries, for country names and codes as typed.
    package let countries: CountryTable
    /// The first-level regions (states, provinces), for region names and codes as typed.
    package let regions: RegionTable
    /// Identifies the data (for cached resolutions).
    package let version: String

    /// The version of the bundled gazetteer (stored with cached resolutions).
    package static let bundledVersion = "geonames-cities5000"

    /// Parses `gazetteer.tsv` in one pass over its bytes.
    ///
    /// - Complexity: O(size of the file); about 0.2 s for the bundled 7.5 MB (Benchmarks/README.md).
    package init(
        gazetteer: Data, regions: RegionTable, countries: CountryTable, version: String = Gazetteer.bundledVersion
    ) {
        self.regions = regions
        self.countries = countries
        self.version = version
        var timeZones: [String: String] = [:]
        var entries: [GazetteerEntry] = []
        var nameKeys: [String] = []
        var postings: [(entry: Int32, next: Int32)] = []
        var head: [String: Int32] = [:]
        entries.reserveCapacity(70_000)
        nameKeys.reserveCapacity(70_000)
        postings.reserveCapacity(450_000)
        head.reserveCapacity(400_000)
        gazetteer.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            var position = 0
            var fields: [Range<Int>] = []
            fields.reserveCapacity(9)
            func text(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            func integer(_ range: Range<Int>) -> Int {
                var value = 0
                for index in range where bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                    value = value * 10 + Int(bytes[index] - 0x30)
                }
                return value
            }
            func decimal(_ range: Range<Int>) -> Double? {
                // Fixed-point with up to 5 decimals, optional sign: exact enough and fast.
                var index = range.lowerBound
                var negative = false
                if index < range.upperBound && bytes[index] == 0x2D { negative = true; index += 1 }
                var whole = 0.0, fraction = 0.0, scale = 1.0
                var afterPoint = false, digits = 0
                while index < range.upperBound {
                    let byte = bytes[index]
                    if byte == 0x2E {
                        afterPoint = true
                    } else if byte >= 0x30 && byte <= 0x39 {
                        digits += 1
                        if afterPoint {
                            scale /= 10; fraction += Double(byte - 0x30) * scale
                        } else {
                            whole = whole * 10 + Double(byte - 0x30)
                        }
                    } else {
                        return nil
                    }
                    index += 1
                }
                guard digits > 0 else { return nil }
                return (negative ? -1 : 1) * (whole + fraction)
            }
            while position < count {
                var lineEnd = position
                while lineEnd < count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { position = lineEnd + 1 }
                if lineEnd == position || bytes[position] == 0x23 { continue }  // empty or "#" header
                fields.removeAll(keepingCapacity: true)
                var fieldStart = position
                for index in position..<lineEnd where bytes[index] == 0x09 {
                    fields.append(fieldStart..<index)
                    fieldStart = index + 1
                }
                fields.append(fieldStart..<lineEnd)
                guard fields.count >= 9, let latitude = decimal(fields[4]), let longitude = decimal(fields[5]) else {
                    continue
                }
                let zoneText = text(fields[7])
                let zone: String
                if let known = timeZones[zoneText] {
                    zone = known
                } else {
                    zone = zoneText; timeZones[zoneText] = zoneText
                }
                let entryIndex = Int32(entries.count)
                entries.append(
                    GazetteerEntry(
                        geonameId: integer(fields[0]), name: text(fields[1]), countryCode: text(fields[2]),
                        admin1: text(fields[3]),
                        latitude: latitude, longitude: longitude, population: integer(fields[6]), timeZone: zone))
                var keyStart = fields[8].lowerBound
                var first = true
                for index in fields[8].lowerBound...fields[8].upperBound
                where index == fields[8].upperBound || bytes[index] == 0x7C {
                    if index > keyStart {
                        let key = text(keyStart..<index)
                        if first { nameKeys.append(key); first = false }
                        let previous = head[key] ?? -1
                        head[key] = Int32(postings.count)
                        postings.append((entryIndex, previous))
                    }
                    keyStart = index + 1
                }
                if first { nameKeys.append("") }
            }
        }
        var buckets: [Int: KeyBucket] = [:]
        for key in head.keys {
            guard let firstByte = key.utf8.first else { continue }
            let length = key.utf8.count
            buckets[Int(firstByte) << 16 | length, default: KeyBucket(length: length)].append(key)
        }
        self.entries = entries
        self.nameKeys = nameKeys
        self.postings = postings
        self.headPosting = head
        self.keysByBucket = buckets
    }

    /// The bundled gazetteer.
    ///
    /// - Throws: `GazetteerError` when a bundled file is missing.
    public static func loadBundled() throws -> Gazetteer {
        guard let url = CitiesData.url(of: "gazetteer.tsv"),
            let data = try? Data(contentsOf: url, options: .mappedIfSafe)
        else {
            throw GazetteerError(file: "gazetteer.tsv", problem: "is missing from this build")
        }
        return Gazetteer(
            gazetteer: data, regions: try RegionTable.loadBundled(), countries: try CountryTable.loadBundled())
    }

    /// The bundled gazetteer, parsed once per process and kept for the process's lifetime: it
    /// never changes, every planner of the process (the server's, the demo's, each command's)
    /// shares it, and a command does not spend its last ~0.3 s freeing its tables at exit.
    ///
    /// - Throws: `GazetteerError` when a bundled file is missing (every call, once known).
    package static func sharedBundled() throws -> Gazetteer {
        try shared.withLock { cached in
            if let cached { return try cached.get() }
            let loaded = Result { try loadBundled() }
            cached = loaded
            return try loaded.get()
        }
    }

    private static let shared = Mutex<Result<Gazetteer, any Error>?>(nil)

    /// Entries whose name or alternate name folds to `key`, in file order.
    func entries(forKey key: String) -> [Int32] {
        var result: [Int32] = []
        var posting = headPosting[key] ?? -1
        while posting >= 0 {
            result.append(postings[Int(posting)].entry)
            posting = postings[Int(posting)].next
        }
        return result.reversed()
    }

    /// The entry with this GeoNames id, if the gazetteer has it.
    ///
    /// - Complexity: O(n); for a handful of look-ups per command.
    package func entry(geonameId: Int) -> GazetteerEntry? { entries.first { $0.geonameId == geonameId } }

    /// Whether `key` is the entry's own name (rather than an alternate name).
    func isName(_ key: String, of entry: Int32) -> Bool { nameKeys[Int(entry)] == key }

    /// Keys within `maxDistance` edits of `key` that share its first character.
    ///
    /// - Complexity: O(k · n · d) for the k keys in the length buckets searched.
    func keys(near key: String, maxDistance: Int) -> [(key: String, distance: Int)] {
        guard let firstByte = key.utf8.first else { return [] }
        let query = Array(key.utf8)
        var found: [(String, Int)] = []
        var scratch = EditDistance.Scratch(capacity: query.count + maxDistance + 2)
        query.withUnsafeBufferPointer { query in
            for length in max(1, query.count - maxDistance)...(query.count + maxDistance) {
                guard let bucket = keysByBucket[Int(firstByte) << 16 | length] else { continue }
                bucket.bytes.withUnsafeBufferPointer { bytes in
                    for index in 0..<bucket.count {
                        let candidate = UnsafeBufferPointer(rebasing: bytes[index * length..<(index + 1) * length])
                        let distance = EditDistance.bounded(query, candidate, limit: maxDistance, scratch: &scratch)
                        if distance <= maxDistance {
                            found.append((String(decoding: candidate, as: UTF8.self), distance))
                        }
                    }
                }
            }
        }
        return found.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }
}

extension Gazetteer.KeyBucket {
    init(length: Int) { self.length = length }

    mutating func append(_ key: String) { bytes.append(contentsOf: key.utf8) }
}
