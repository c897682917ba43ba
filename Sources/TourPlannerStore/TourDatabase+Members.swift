import GRDB
import TourPlannerCore

extension TourDatabase {
    /// Totals and breakdowns by country (ISO code when resolved, else the raw text), chapter and
    /// raw city, each sorted by members descending, then name.
    ///
    /// - Complexity: one pass per breakdown over the members table (indexed group-bys).
    package func memberSummary() throws -> MemberSummary {
        try writer.read { db in
            let total = try MemberRecord.fetchCount(db)
            let unaffiliated = try MemberRecord.filter(MemberRecord.Columns.chapter == nil).fetchCount(db)
            let chapters = try MemberRecord.filter(MemberRecord.Columns.chapter != nil)
                .select(MemberRecord.Columns.chapter).distinct().fetchCount(db)
            func groups(_ expression: String, where condition: String = "1") throws -> [MemberSummary.Group] {
                let request = SQLRequest<Row>(
                    sql: """
                        SELECT \(expression) AS name, COUNT(*) AS members, SUM(chapter IS NULL) AS unaffiliated
                        FROM members WHERE \(condition) GROUP BY 1 ORDER BY 2 DESC, 1
                        """)
                return try db.fetchAllStored(MemberGroupRecord.self, request).map {
                    MemberSummary.Group(name: $0.name ?? "", members: $0.members, unaffiliated: $0.unaffiliated)
                }
            }
            return MemberSummary(
                total: total, unaffiliated: unaffiliated, chapters: chapters,
                byCountry: try groups("COALESCE(countryCode, TRIM(country), '(none)')"),
                byChapter: try groups("chapter", where: "chapter IS NOT NULL"),
                byCity: try groups("city"))
        }
    }

    /// Every member, ordered by id (for exports and tests).
    package func fetchMembers() throws -> [Member] {
        try writer.read { db in
            try MemberRecord.all().fetchAllStored(db).map { $0.member() }.sorted { $0.id < $1.id }
        }
    }
}

extension MemberRecord {
    /// The domain value.
    func member() -> Member {
        Member(
            id: MemberID(id), firstName: firstName, lastName: lastName, fullName: fullName, email: email,
            phoneRaw: phoneRaw, phoneE164: phoneE164, city: city, region: region, country: country,
            countryCode: countryCode, chapter: chapter, gender: gender, joined: joined, willingToHost: willingToHost,
            organizerInterest: organizerInterest, languages: languages.split(separator: ",").map(String.init),
            doNotCall: doNotCall, doNotText: doNotText, doNotContact: doNotContact, deceased: deceased, notes: notes)
    }
}
