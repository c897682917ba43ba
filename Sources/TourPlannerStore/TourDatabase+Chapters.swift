import GRDB

extension TourDatabase {
    /// Chapter members grouped by chapter, gender text and country code (for the markers).
    package func chapterMemberGroups() throws -> [(chapter: String, gender: String?, countryCode: String?, count: Int)]
    {
        try writer.read { db in
            let request = SQLRequest<Row>(
                sql: """
                    SELECT chapter, gender, countryCode, COUNT(*) AS count FROM members
                    WHERE chapter IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                    """)
            return try db.fetchAllStored(ChapterGroupRecord.self, request).map {
                ($0.chapter, $0.gender, $0.countryCode, $0.count)
            }
        }
    }
}
