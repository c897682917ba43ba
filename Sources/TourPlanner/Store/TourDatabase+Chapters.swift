import GRDB

extension TourDatabase {
    /// Chapter members grouped by chapter, gender text and country code (for the markers).
    public func chapterMemberGroups() throws -> [(chapter: String, gender: String?, countryCode: String?, count: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT chapter, gender, countryCode, COUNT(*) AS n FROM members
                    WHERE chapter IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                    """
            ).map { ($0["chapter"], $0["gender"], $0["countryCode"], $0["n"]) }
        }
    }
}
