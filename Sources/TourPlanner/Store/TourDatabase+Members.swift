import GRDB
import TourPlannerCore

extension TourDatabase {
    /// Totals and breakdowns by country (ISO code when resolved, else the raw text), chapter and
    /// raw city, each sorted by members descending, then name.
    ///
    /// - Complexity: one pass per breakdown over the members table (indexed group-bys).
    public func memberSummary() throws -> MemberSummary {
        try writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM members") ?? 0
            let unaffiliated = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM members WHERE chapter IS NULL") ?? 0
            let chapters =
                try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT chapter) FROM members WHERE chapter IS NOT NULL") ?? 0
            func groups(_ expression: String, where condition: String = "1") throws -> [MemberSummary.Group] {
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(expression) AS name, COUNT(*) AS members, SUM(chapter IS NULL) AS unaffiliated
                        FROM members WHERE \(condition) GROUP BY 1 ORDER BY 2 DESC, 1
                        """
                ).map {
                    MemberSummary.Group(
                        name: $0["name"] ?? "", members: $0["members"], unaffiliated: $0["unaffiliated"])
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
    public func fetchMembers() throws -> [Member] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM members").map(Self.member(from:)).sorted { $0.id < $1.id }
        }
    }

    static func member(from row: Row) -> Member {
        let languages: String = row["languages"] ?? ""
        return Member(
            id: MemberID(row["id"] as String), firstName: row["firstName"], lastName: row["lastName"],
            fullName: row["fullName"], email: row["email"], phoneRaw: row["phoneRaw"], phoneE164: row["phoneE164"],
            city: row["city"], region: row["region"], country: row["country"], countryCode: row["countryCode"],
            chapter: row["chapter"], gender: row["gender"], joined: row["joined"], willingToHost: row["willingToHost"],
            organizerInterest: row["organizerInterest"],
            languages: languages.split(separator: ",").map(String.init), doNotCall: row["doNotCall"],
            doNotText: row["doNotText"], doNotContact: row["doNotContact"], deceased: row["deceased"],
            notes: row["notes"])
    }
}
