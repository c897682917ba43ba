/// Member totals and breakdowns for `tourplan members`.
public struct MemberSummary: Hashable, Sendable, Codable {
    /// One group of members (a country, chapter or raw city) with its counts.
    public struct Group: Hashable, Sendable, Codable {
        /// The group's name: an ISO country code (else the raw country text, or "(none)"), a chapter name, or a raw
        /// city.
        public var name: String
        /// Members in the group.
        public var members: Int
        /// Members in the group who belong to no chapter.
        public var unaffiliated: Int
        /// Creates a group.
        package init(name: String, members: Int, unaffiliated: Int) {
            self.name = name
            self.members = members
            self.unaffiliated = unaffiliated
        }
    }

    /// All members in the store.
    public var total: Int
    /// Members who belong to no chapter.
    public var unaffiliated: Int
    /// Number of distinct chapter names among members.
    public var chapters: Int
    /// Members by country (ISO code when resolved, else the raw text), most members first, then by name.
    public var byCountry: [Group]
    /// Members of each chapter, most members first, then by name.
    public var byChapter: [Group]
    /// Members by the city text as imported, most members first, then by name.
    package var byCity: [Group]

    /// Creates a summary.
    package init(total: Int, unaffiliated: Int, chapters: Int, byCountry: [Group], byChapter: [Group], byCity: [Group])
    {
        self.total = total
        self.unaffiliated = unaffiliated
        self.chapters = chapters
        self.byCountry = byCountry
        self.byChapter = byChapter
        self.byCity = byCity
    }
}
