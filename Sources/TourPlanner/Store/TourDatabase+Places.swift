import Foundation
import GRDB
import TourPlannerCore

/// Counts of one `resolvePlaces` run.
public struct PlaceResolutionSummary: Hashable, Sendable, Codable {
    public var resolvedNow: Int
    public var unresolvedNow: Int
    public var cached: Int
}

/// A member whose place did not resolve, with the reason and suggestions.
public struct UnresolvedMember: Hashable, Sendable, Codable {
    public var id: MemberID
    public var city: String
    public var region: String?
    public var country: String?
    public var reason: String
    public var suggestions: [String]
}

extension TourDatabase {
    /// Resolves every distinct raw place of the members that is not cached yet (or was cached
    /// by another gazetteer or alias file), and stores the results in `places`.
    ///
    /// 1,000,000 members typically share tens of thousands of place strings: each is resolved once.
    /// Whether some place of the members has no cached resolution for this resolver version (so
    /// `resolvePlaces(using:)` has work to do).
    public func hasUnresolvedPlaces(version: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM placeStats s LEFT JOIN places p ON p.key = s.placeKey
                    WHERE p.key IS NULL OR p.gazetteerVersion IS NOT ?)
                    """, arguments: [version]) ?? true
        }
    }

    public func resolvePlaces(using resolver: CityResolver) throws -> PlaceResolutionSummary {
        let version = resolver.version
        let pending = try writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT s.placeKey FROM placeStats s LEFT JOIN places p ON p.key = s.placeKey
                    WHERE p.key IS NULL OR p.gazetteerVersion IS NOT ?
                    """, arguments: [version])
        }
        let total = try writer.read { db in try PlaceStatsRecord.fetchCount(db) }
        var summary = PlaceResolutionSummary(resolvedNow: 0, unresolvedNow: 0, cached: total - pending.count)
        guard !pending.isEmpty else { return summary }
        let results = pending.map { ($0, resolver.resolve(PlaceKey(rawValue: $0))) }
        try writer.write { db in
            let statement = try db.makeStatement(sql: PlaceRecord.insertSQL(replacing: true))
            for (key, resolution) in results {
                let entry = resolution.entry
                try PlaceRecord(key: key, resolution: resolution, version: version).execute(statement)
                if entry == nil { summary.unresolvedNow += 1 } else { summary.resolvedNow += 1 }
            }
        }
        return summary
    }

    /// Resolved cities with their members, for metro clustering.
    public func resolvedCities() throws -> [ClusterCity] {
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

    /// Members whose place is unresolved (or not yet resolved), by id.
    public func unresolvedMembers(limit: Int? = nil) throws -> [UnresolvedMember] {
        try writer.read { db in
            let request = SQLRequest<Row>(
                sql: """
                    SELECT m.id, m.city, m.region, m.country, p.reason, p.suggestions FROM members m
                    LEFT JOIN places p ON p.key = m.placeKey WHERE p.geonameId IS NULL ORDER BY m.id
                    """ + (limit.map { " LIMIT \(max(0, $0))" } ?? ""))
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
    public func resolvedPlace(forKey key: String) throws -> GazetteerEntry? {
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
