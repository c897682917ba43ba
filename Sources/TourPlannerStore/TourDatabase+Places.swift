import Foundation
import GRDB
import Synchronization
import TourPlannerCore

/// Counts of one `resolvePlaces` run.
public struct PlaceResolutionSummary: Hashable, Sendable, Codable {
    /// Place keys resolved to a gazetteer city in this run.
    public var resolvedNow: Int
    /// Place keys this run could not resolve (their reason is cached too).
    public var unresolvedNow: Int
    /// Of `resolvedNow`, the place keys resolved only by a guess (a corrected misspelling, or a
    /// name several cities share: `PlaceResolution.isGuess`); `members --unresolved` lists them.
    public var guessedNow = 0
    /// Place keys already resolved by this resolver version: not resolved again.
    public var cached: Int

    /// The counts of one run.
    package init(resolvedNow: Int, unresolvedNow: Int, guessedNow: Int = 0, cached: Int) {
        self.resolvedNow = resolvedNow
        self.unresolvedNow = unresolvedNow
        self.guessedNow = guessedNow
        self.cached = cached
    }

    /// Decodes a summary; one stored before guesses were counted (the web app keeps import
    /// reports as JSON) has no `guessedNow` and reads as 0.
    ///
    /// - Throws: `DecodingError` when a count is missing or not a number.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        resolvedNow = try container.decode(Int.self, forKey: .resolvedNow)
        unresolvedNow = try container.decode(Int.self, forKey: .unresolvedNow)
        guessedNow = try container.decodeIfPresent(Int.self, forKey: .guessedNow) ?? 0
        cached = try container.decode(Int.self, forKey: .cached)
    }

    private enum CodingKeys: String, CodingKey { case resolvedNow, unresolvedNow, guessedNow, cached }
}

/// A member whose place did not resolve (or, when asked for, resolved only by a guess), with the
/// reason and suggestions.
public struct UnresolvedMember: Hashable, Sendable, Codable {
    /// The member.
    public var id: MemberID
    /// The city as imported.
    public var city: String
    /// The region as imported; nil when empty.
    public var region: String?
    /// The country as imported; nil when empty.
    public var country: String?
    /// Why the place did not resolve ("not resolved yet …" when it was never tried), or, for a
    /// guess, what it was taken for ("guessed Springfield, Missouri, US (exact name, confidence 0.82)").
    public var reason: String
    /// Up to three gazetteer cities the place may have meant; empty when there are none.
    public var suggestions: [String]
}

/// Who wants to know, during an import's transaction, which place keys still need resolving
/// (the importer resolves them while the transaction finishes; see `Planner.importMembers`).
package struct PlaceKeysRequest: Sendable {
    /// The resolver version whose cached answers count as resolved.
    package var version: String
    /// Called on the store's writer queue with the pending keys; must return at once.
    package var deliver: @Sendable ([String]) -> Void
    /// Called on the store's writer queue just before a commit with the keys still pending: the
    /// answers found for them (waiting for those under way) and the resolver version they were
    /// found with, written to `places` in the import's own transaction; nil when there are none.
    package var collect: @Sendable (_ pending: [String]) -> (version: String, answers: [String: PlaceResolution])?

    /// The memberwise initializer, for the importer.
    package init(
        version: String, deliver: @escaping @Sendable ([String]) -> Void,
        collect: @escaping @Sendable (_ pending: [String]) -> (version: String, answers: [String: PlaceResolution])?
    ) {
        self.version = version
        self.deliver = deliver
        self.collect = collect
    }
}

extension TourDatabase {
    /// The place keys of `placeStats` with no cached resolution for `version`, in key order.
    static func pendingPlaceKeys(_ db: Database, version: String) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT s.placeKey FROM placeStats s LEFT JOIN places p ON p.key = s.placeKey
                WHERE p.key IS NULL OR p.gazetteerVersion IS NOT ? ORDER BY s.placeKey
                """, arguments: [version])
    }

    /// Writes resolutions to the place cache (replacing older ones of the same keys), in key order.
    static func cachePlaces(_ db: Database, _ answers: [String: PlaceResolution], version: String) throws {
        let statement = try db.makeStatement(sql: PlaceRecord.insertSQL(replacing: true))
        for key in answers.keys.sorted() {
            guard let resolution = answers[key] else { continue }
            try PlaceRecord(key: key, resolution: resolution, version: version).execute(statement)
        }
    }

    /// Whether some place of the members has no cached resolution for this resolver version (so
    /// `resolvePlaces(using:)` has work to do).
    package func hasUnresolvedPlaces(version: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM placeStats s LEFT JOIN places p ON p.key = s.placeKey
                    WHERE p.key IS NULL OR p.gazetteerVersion IS NOT ?)
                    """, arguments: [version]) ?? true
        }
    }

    /// Resolves every distinct raw place of the members that is not cached yet (or was cached
    /// by another gazetteer or alias file), and stores the results in `places`.
    ///
    /// 1,000,000 members typically share tens of thousands of place strings: each is resolved once.
    ///
    /// - Parameters:
    ///   - resolver: the resolver whose answers are cached.
    ///   - precomputed: answers of `resolver` already computed for some keys (an import resolves
    ///     its new keys while its transaction finishes); the other pending keys are resolved now.
    /// - Returns: how many place keys resolved or failed to resolve now, and how many were cached.
    /// - Throws: the `DatabaseError` of SQLite when reading or writing the store fails.
    package func resolvePlaces(using resolver: CityResolver, precomputed: [String: PlaceResolution] = [:]) throws
        -> PlaceResolutionSummary
    {
        let version = resolver.version
        let pending = try writer.read { db in try Self.pendingPlaceKeys(db, version: version) }
        let total = try writer.read { db in try PlaceStatsRecord.fetchCount(db) }
        var summary = PlaceResolutionSummary(resolvedNow: 0, unresolvedNow: 0, cached: total - pending.count)
        guard !pending.isEmpty else { return summary }
        let missing = pending.filter { precomputed[$0] == nil }
        let computed = Dictionary(Self.resolveInParallel(missing, with: resolver), uniquingKeysWith: { a, _ in a })
        let results = pending.compactMap { key in (precomputed[key] ?? computed[key]).map { (key, $0) } }
        try writer.write { db in
            let statement = try db.makeStatement(sql: PlaceRecord.insertSQL(replacing: true))
            for (key, resolution) in results {
                let entry = resolution.entry
                try PlaceRecord(key: key, resolution: resolution, version: version).execute(statement)
                if entry == nil { summary.unresolvedNow += 1 } else { summary.resolvedNow += 1 }
                if resolution.isGuess { summary.guessedNow += 1 }
            }
        }
        return summary
    }

    /// Resolves `keys` on every core (resolution is pure; a first import has tens of thousands of
    /// new place strings), in `keys`' order.
    /// `maxWorkers` caps the threads.
    package static func resolveInParallel(_ keys: [String], with resolver: CityResolver, maxWorkers: Int = 8)
        -> [(String, PlaceResolution)]
    {
        let workers =
            keys.count < 2_000 ? 1 : max(1, min(maxWorkers, ProcessInfo.processInfo.activeProcessorCount))
        let chunk = (keys.count + workers - 1) / max(workers, 1)
        let parts = Mutex([[(String, PlaceResolution)]](repeating: [], count: workers))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = min(worker * chunk, keys.count)..<min((worker + 1) * chunk, keys.count)
            let resolved = keys[range].map { ($0, resolver.resolve(PlaceKey(rawValue: $0))) }
            parts.withLock { $0[worker] = resolved }
        }
        return parts.withLock { $0.flatMap { $0 } }
    }

    /// Resolved cities with their members, for metro clustering.
    package func resolvedCities() throws -> [ClusterCity] {
        try writer.read { db in
            let request = SQLRequest<Row>(
                sql: """
                    SELECT p.*, s.members FROM places p JOIN placeStats s ON s.placeKey = p.key
                    WHERE p.geonameId IS NOT NULL ORDER BY p.geonameId
                    """)
            var byID: [Int: ClusterCity] = [:]
            for place in try db.fetchAllStored(ResolvedPlaceRecord.self, request) {
                if var city = byID[place.geonameId] {
                    city.placeKeys.insert(place.key)
                    city.members += place.members
                    byID[place.geonameId] = city
                } else {
                    byID[place.geonameId] = ClusterCity(
                        entry: place.entry, placeKeys: [place.key], members: place.members)
                }
            }
            return byID.sorted { $0.key < $1.key }.map(\.value)
        }
    }

    /// How many members have a place that is unresolved (or not yet resolved): no distance can
    /// be measured to them, so no event invites them.
    package func unresolvedMemberCount() throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM members m LEFT JOIN places p ON p.key = m.placeKey WHERE p.geonameId IS NULL"
            ) ?? 0
        }
    }

    /// Members whose place is unresolved (or not yet resolved), by id.
    package func unresolvedMembers(limit: Int? = nil, includingGuesses: Bool = false) throws -> [UnresolvedMember] {
        try writer.read { db in
            // A guessed place says what it was taken for: "guessed Springfield, Missouri, US (exact
            // name, confidence 0.82)", with the other candidates as suggestions.
            let request = SQLRequest<Row>(
                sql: """
                    SELECT m.id, m.city, m.region, m.country,
                    CASE WHEN p.geonameId IS NULL THEN p.reason ELSE 'guessed ' || p.name
                    || COALESCE(', ' || p.regionName, '') || ', ' || p.countryCode || ' (' || p.reason
                    || ', confidence ' || printf('%.2f', p.confidence) || ')' END AS reason, p.suggestions
                    FROM members m LEFT JOIN places p ON p.key = m.placeKey
                    WHERE p.geonameId IS NULL OR (? AND p.confidence < ?) ORDER BY m.id
                    """ + (limit.map { " LIMIT \(max(0, $0))" } ?? ""),
                arguments: [includingGuesses, PlaceResolution.guessBelow])
            return try db.fetchAllStored(UnresolvedMemberRecord.self, request).map { row in
                let suggestions = row.suggestions ?? ""
                return UnresolvedMember(
                    id: MemberID(row.id), city: row.city, region: row.region, country: row.country,
                    reason: row.reason ?? "not resolved yet (run an import or `tourplan members --unresolved` again)",
                    suggestions: suggestions.isEmpty ? [] : suggestions.components(separatedBy: " | "))
            }.sorted { $0.id < $1.id }
        }
    }

    /// The resolved place of each member key given (latitude, longitude, time zone), for stages
    /// that need members' positions.
    package func resolvedPlace(forKey key: String) throws -> GazetteerEntry? {
        try writer.read { db in
            let request = SQLRequest<Row>(
                sql: "SELECT p.*, 0 AS members FROM places p WHERE key = ? AND geonameId IS NOT NULL", arguments: [key])
            return try db.fetchOneStored(ResolvedPlaceRecord.self, request)?.entry
        }
    }
}

extension PlaceRecord {
    /// The cache row of one resolution.
    init(key: String, resolution: PlaceResolution, version: String) {
        let entry = resolution.entry
        self.key = key
        geonameId = entry?.geonameId
        name = entry?.name
        regionCode = entry?.admin1
        regionName = resolution.regionName
        countryCode = entry?.countryCode
        latitude = entry?.latitude
        longitude = entry?.longitude
        timeZone = entry?.timeZone
        population = entry?.population
        confidence = resolution.confidence
        reason = resolution.reason
        suggestions = resolution.suggestions.joined(separator: " | ")
        gazetteerVersion = version
    }
}

extension ResolvedPlaceRecord {
    /// The gazetteer entry; a place cached without a region or population has "" and 0.
    var entry: GazetteerEntry {
        GazetteerEntry(
            geonameId: geonameId, name: name, countryCode: countryCode, admin1: regionCode ?? "", latitude: latitude,
            longitude: longitude, population: population ?? 0, timeZone: timeZone)
    }
}
