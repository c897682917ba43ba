/// Member totals and breakdowns for `tourplan members`.
public struct MemberSummary: Hashable, Sendable, Codable {
    /// One group of members (a country, chapter or raw city) with its counts.
    public struct Group: Hashable, Sendable, Codable {
        public var name: String
        public var members: Int
        public var unaffiliated: Int
        public init(name: String, members: Int, unaffiliated: Int) {
            self.name = name
            self.members = members
            self.unaffiliated = unaffiliated
        }
    }

    public var total: Int
    public var unaffiliated: Int
    public var chapters: Int
    public var byCountry: [Group]
    public var byChapter: [Group]
    public var byCity: [Group]

    public init(total: Int, unaffiliated: Int, chapters: Int, byCountry: [Group], byChapter: [Group], byCity: [Group]) {
        self.total = total
        self.unaffiliated = unaffiliated
        self.chapters = chapters
        self.byCountry = byCountry
        self.byChapter = byChapter
        self.byCity = byCity
    }
}
