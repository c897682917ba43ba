import GRDB
import TourPlannerCore

extension TourDatabase {
    /// Members and unaffiliated members, from the per-place counts (cheap on any store size).
    package func memberTotals() throws -> (members: Int, unaffiliated: Int) {
        try writer.read { db in
            // SUM over no rows is NULL: an empty store has no members.
            let members = try Int.fetchOne(db, PlaceStatsRecord.select(sum(PlaceStatsRecord.Columns.members))) ?? 0
            let unaffiliated =
                try Int.fetchOne(db, PlaceStatsRecord.select(sum(PlaceStatsRecord.Columns.unaffiliated))) ?? 0
            return (members, unaffiliated)
        }
    }

    /// Member counts per raw place key (the `placeStats` table, refreshed by every import).
    package func placeMemberStats() throws -> [PlaceMemberStats] {
        try writer.read { db in
            try PlaceStatsRecord.order(PlaceStatsRecord.Columns.placeKey).fetchAllStored(db).map {
                PlaceMemberStats(
                    placeKey: $0.placeKey, members: $0.members, unaffiliated: $0.unaffiliated,
                    organizers: $0.organizers, hosts: $0.hosts, unaffiliatedWomen: $0.unaffiliatedWomen,
                    unaffiliatedGenderStated: $0.unaffiliatedGenderStated)
            }
        }
    }

    /// Each chapter's location: the resolved place where most of its members live
    /// (ties: the alphabetically first place key).
    package func chapterLocations() throws -> [(name: String, point: GeoPoint)] {
        try writer.read { db in
            let request = SQLRequest<Row>(
                sql: """
                    SELECT c.chapter, c.members, p.latitude, p.longitude, c.placeKey FROM chapterPlaces c
                    JOIN places p ON p.key = c.placeKey AND p.geonameId IS NOT NULL
                    ORDER BY c.chapter, c.members DESC, c.placeKey
                    """)
            var result: [(name: String, point: GeoPoint)] = []
            for place in try db.fetchAllStored(ChapterPlaceRecord.self, request) {
                if result.last?.name == place.chapter { continue }
                result.append((place.chapter, GeoPoint(latitude: place.latitude, longitude: place.longitude)))
            }
            return result
        }
    }

    /// Members of the given raw place keys (for `rank --explain`), by id.
    package func members(inPlaceKeys keys: Set<String>) throws -> [Member] {
        try writer.read { db in
            // One scan of the members (there is no place index; see `memberIndexes`).
            guard !keys.isEmpty else { return [] }
            return try MemberRecord.filter(keys.sorted().contains(MemberRecord.Columns.placeKey)).fetchAllStored(db)
                .map { $0.member() }.sorted { $0.id < $1.id }
        }
    }
}

extension TourDatabase {
    /// Unaffiliated members who must not be contacted (do-not-contact or deceased), per raw place
    /// key: they leave the chapter model's pool. Every such flag is set through the consent log
    /// (imports, outcomes, organizers), so a store whose log has none skips the members scan.
    package func uncontactableUnaffiliated() throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            let flagged =
                try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM consentLog WHERE flag IN (?, ?))",
                    arguments: [ConsentFlag.doNotContact.rawValue, ConsentFlag.deceased.rawValue]) ?? true
            guard flagged else { return counts }
            let request = SQLRequest<Row>(
                sql: """
                    SELECT placeKey, COUNT(*) AS count FROM members NOT INDEXED
                    WHERE chapter IS NULL AND (doNotContact = 1 OR deceased = 1) GROUP BY placeKey
                    """)
            for place in try db.fetchAllStored(PlaceCountRecord.self, request) { counts[place.placeKey] = place.count }
            return counts
        }
    }
}
