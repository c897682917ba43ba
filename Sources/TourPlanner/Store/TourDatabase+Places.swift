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
        let total = try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM placeStats") ?? 0 }
        var summary = PlaceResolutionSummary(resolvedNow: 0, unresolvedNow: 0, cached: total - pending.count)
        guard !pending.isEmpty else { return summary }
        let results = pending.map { ($0, resolver.resolve(PlaceKey(rawValue: $0))) }
        try writer.write { db in
            let statement = try db.makeStatement(
                sql: """
                    INSERT OR REPLACE INTO places (key, geonameId, name, regionCode, regionName, countryCode, latitude,
                      longitude, timeZone, population, confidence, reason, suggestions, gazetteerVersion)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for (key, resolution) in results {
                let entry = resolution.entry
                try statement.execute(arguments: [
                    key, entry?.geonameId, entry?.name, entry?.admin1, resolution.regionName, entry?.countryCode,
                    entry?.latitude, entry?.longitude, entry?.timeZone, entry?.population, resolution.confidence,
                    resolution.reason, resolution.suggestions.joined(separator: " | "), version,
                ])
                if entry == nil { summary.unresolvedNow += 1 } else { summary.resolvedNow += 1 }
            }
        }
        return summary
    }

    /// Resolved cities with their members, for metro clustering.
    public func resolvedCities() throws -> [ClusterCity] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.*, s.members FROM places p JOIN placeStats s ON s.placeKey = p.key
                    WHERE p.geonameId IS NOT NULL ORDER BY p.geonameId
                    """)
            var byID: [Int: ClusterCity] = [:]
            for row in rows {
                let id: Int = row["geonameId"]
                let key: String = row["key"]
                let count: Int = row["members"]
                if var city = byID[id] {
                    city.placeKeys.insert(key)
                    city.members += count
                    byID[id] = city
                } else {
                    let entry = GazetteerEntry(
                        geonameId: id, name: row["name"], countryCode: row["countryCode"],
                        admin1: row["regionCode"] ?? "",
                        latitude: row["latitude"], longitude: row["longitude"], population: row["population"] ?? 0,
                        timeZone: row["timeZone"] ?? "UTC")
                    byID[id] = ClusterCity(entry: entry, placeKeys: [key], members: count)
                }
            }
            return byID.keys.sorted().compactMap { byID[$0] }
        }
    }

    /// Members whose place is unresolved (or not yet resolved), by id.
    public func unresolvedMembers(limit: Int? = nil) throws -> [UnresolvedMember] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.id, m.city, m.region, m.country, p.reason, p.suggestions FROM members m
                    LEFT JOIN places p ON p.key = m.placeKey WHERE p.geonameId IS NULL ORDER BY m.id
                    """ + (limit.map { " LIMIT \(max(0, $0))" } ?? ""))
            return rows.map { row in
                let suggestions: String = row["suggestions"] ?? ""
                return UnresolvedMember(
                    id: MemberID(row["id"] as String), city: row["city"], region: row["region"],
                    country: row["country"],
                    reason: row["reason"]
                        ?? "not resolved yet (run an import or `tourplan members --unresolved` again)",
                    suggestions: suggestions.isEmpty ? [] : suggestions.components(separatedBy: " | "))
            }.sorted { $0.id < $1.id }
        }
    }

    /// The resolved place of each member key given (latitude, longitude, time zone), for stages
    /// that need members' positions.
    public func resolvedPlace(forKey key: String) throws -> GazetteerEntry? {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT * FROM places WHERE key = ? AND geonameId IS NOT NULL", arguments: [key])
            else {
                return nil
            }
            return GazetteerEntry(
                geonameId: row["geonameId"], name: row["name"], countryCode: row["countryCode"],
                admin1: row["regionCode"] ?? "",
                latitude: row["latitude"], longitude: row["longitude"], population: row["population"] ?? 0,
                timeZone: row["timeZone"] ?? "UTC")
        }
    }
}
