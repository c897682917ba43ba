import GRDB
import TourPlannerCore

extension TourDatabase {
    /// Members and unaffiliated members, from the per-place counts (cheap on any store size).
    public func memberTotals() throws -> (members: Int, unaffiliated: Int) {
        try writer.read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT COALESCE(SUM(members), 0) AS m, COALESCE(SUM(unaffiliated), 0) AS u FROM placeStats")
            return (row?["m"] ?? 0, row?["u"] ?? 0)
        }
    }

    /// Member counts per raw place key (the `placeStats` table, refreshed by every import).
    public func placeMemberStats() throws -> [PlaceMemberStats] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM placeStats ORDER BY placeKey").map {
                PlaceMemberStats(
                    placeKey: $0["placeKey"], members: $0["members"], unaffiliated: $0["unaffiliated"],
                    organizers: $0["organizers"], hosts: $0["hosts"], unaffiliatedWomen: $0["unaffiliatedWomen"],
                    unaffiliatedGenderStated: $0["unaffiliatedGenderStated"])
            }
        }
    }

    /// Each chapter's location: the resolved place where most of its members live
    /// (ties: the alphabetically first place key).
    public func chapterLocations() throws -> [(name: String, point: GeoPoint)] {
        try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.chapter, c.members, p.latitude, p.longitude, c.placeKey FROM chapterPlaces c
                    JOIN places p ON p.key = c.placeKey AND p.geonameId IS NOT NULL
                    ORDER BY c.chapter, c.members DESC, c.placeKey
                    """)
            var result: [(name: String, point: GeoPoint)] = []
            for row in rows {
                let name: String = row["chapter"]
                if result.last?.name == name { continue }
                result.append((name, GeoPoint(latitude: row["latitude"], longitude: row["longitude"])))
            }
            return result
        }
    }

    /// Members of the given raw place keys (for `rank --explain`), by id.
    public func members(inPlaceKeys keys: Set<String>) throws -> [Member] {
        try writer.read { db in
            // One scan of the members (there is no place index; see `memberIndexes`).
            guard !keys.isEmpty else { return [] }
            let list = keys.sorted()
            let placeholders = Array(repeating: "?", count: list.count).joined(separator: ", ")
            return try Row.fetchAll(
                db, sql: "SELECT * FROM members WHERE placeKey IN (\(placeholders))",
                arguments: StatementArguments(list)
            ).map(Self.member(from:)).sorted { $0.id < $1.id }
        }
    }
}

extension TourDatabase {
    /// Unaffiliated members who must not be contacted (do-not-contact or deceased), per raw place
    /// key: they leave the chapter model's pool. Every such flag is set through the consent log
    /// (imports, outcomes, organizers), so a store whose log has none skips the members scan.
    public func uncontactableUnaffiliated() throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            let flagged =
                try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM consentLog WHERE flag IN (?, ?))",
                    arguments: [ConsentFlag.doNotContact.rawValue, ConsentFlag.deceased.rawValue]) ?? true
            guard flagged else { return counts }
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT placeKey, COUNT(*) AS n FROM members NOT INDEXED
                    WHERE chapter IS NULL AND (doNotContact = 1 OR deceased = 1) GROUP BY placeKey
                    """)
            while let row = try rows.next() { counts[row["placeKey"] ?? ""] = row["n"] }
            return counts
        }
    }
}
