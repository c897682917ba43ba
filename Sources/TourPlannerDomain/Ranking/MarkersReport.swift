/// Progress toward the organization's founding markers: online members, chapters meeting the
/// definition, continents with such chapters, and what each near-miss chapter still needs.
public struct MarkersReport: Hashable, Sendable, Codable {
    /// One chapter measured against the chapter definition.
    public struct ChapterStatus: Hashable, Sendable, Codable {
        /// The chapter's name, as members' `chapter` field spells it.
        public var name: String
        /// Members who belong to the chapter.
        public var members: Int
        /// Members of the chapter whose stated gender is woman.
        public var women: Int
        /// Members who stated a gender (the denominator of the women share).
        public var genderStated: Int
        /// Women divided by ``genderStated``; nil when nobody stated a gender.
        public var womenShare: Double?
        /// The country most of the chapter's members live in (ISO 3166-1 alpha-2; ties by code).
        package var countryCode: String?
        /// The continent code (AF AN AS EU NA OC SA) of `countryCode`.
        public var continent: String?
        /// True when the chapter has the minimum members and women share (nothing is ``missing``).
        public var meetsDefinition: Bool
        /// What is missing, e.g. ["2 more members", "needs 1 more woman"]; empty when met.
        public var missing: [String]
    }

    /// One founding marker: a count and its target.
    public struct Marker: Hashable, Sendable, Codable {
        /// What is counted, e.g. "chapters meeting the definition".
        public var name: String
        /// The count today.
        public var current: Int
        /// The target from the settings (`[targets]`).
        public var target: Int
        /// True when the count has reached the target.
        public var isReached: Bool { current >= target }
    }

    /// Members in the store against `[targets] online_members`.
    public var onlineMembers: Marker
    /// Chapters meeting the definition against `[targets] chapters`.
    public var chapters: Marker
    /// Continents with at least one such chapter against `[targets] continents`.
    public var continents: Marker
    /// Continent codes with a chapter meeting the definition, sorted.
    public var continentsWithChapters: [String]
    /// Every chapter, those meeting the definition first, then by members (most first) and name.
    public var chapterStatuses: [ChapterStatus]
    /// The settings the markers were evaluated with.
    public var settings: MarkerSettings

    /// Evaluates the markers.
    ///
    /// - Parameters:
    ///   - totalMembers: members in the store.
    ///   - chapterMembers: one entry per chapter member group (chapter, gender text, country code, count).
    ///   - settings: the markers' targets and the chapter definition (minimum members, women share).
    ///   - continent: ISO country code → continent code (AF AN AS EU NA OC SA).
    /// - Returns: the three markers and every chapter's status, chapters meeting the definition first,
    ///   then by members (most first) and name.
    /// - Complexity: O(n) in the number of groups.
    package static func make(
        totalMembers: Int, chapterMembers: [(chapter: String, gender: String?, countryCode: String?, count: Int)],
        settings: MarkerSettings, continent: (String) -> String?
    ) -> MarkersReport {
        struct Tally {
            var members = 0
            var women = 0
            var stated = 0
            var countries: [String: Int] = [:]
        }
        var tallies: [String: Tally] = [:]
        for group in chapterMembers {
            var tally = tallies[group.chapter, default: Tally()]
            tally.members += group.count
            switch GenderCategory.classify(group.gender) {
            case .woman:
                tally.women += group.count
                tally.stated += group.count
            case .other: tally.stated += group.count
            case .unstated: break
            }
            if let code = group.countryCode { tally.countries[code, default: 0] += group.count }
            tallies[group.chapter] = tally
        }
        var statuses: [ChapterStatus] = []
        for (name, tally) in tallies {
            let country = tally.countries.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            var missing: [String] = []
            let shortBy = settings.chapterMinMembers - tally.members
            if shortBy > 0 { missing.append("\(shortBy) more member\(shortBy == 1 ? "" : "s")") }
            // Smallest number of additional women w with (women + w) / (stated + w) >= share.
            let share = settings.chapterMinWomenShare
            var extraWomen = 0
            if share >= 1 {
                extraWomen = tally.stated - tally.women > 0 ? Int.max : 0
            } else {
                while Double(tally.women + extraWomen) < share * Double(tally.stated + extraWomen) - 1e-9 {
                    extraWomen += 1
                }
            }
            if tally.stated == 0 && share > 0 {
                missing.append("no member has stated a gender, so the women share is unknown")
            } else if extraWomen == Int.max {
                missing.append("needs every member to be a woman")
            } else if extraWomen > 0 {
                missing.append("needs \(extraWomen) more wom\(extraWomen == 1 ? "a" : "e")n")
            }
            statuses.append(
                ChapterStatus(
                    name: name, members: tally.members, women: tally.women, genderStated: tally.stated,
                    womenShare: tally.stated > 0 ? Double(tally.women) / Double(tally.stated) : nil,
                    countryCode: country, continent: country.flatMap(continent),
                    meetsDefinition: missing.isEmpty, missing: missing))
        }
        statuses.sort {
            ($0.meetsDefinition ? 0 : 1, -$0.members, $0.name) < ($1.meetsDefinition ? 0 : 1, -$1.members, $1.name)
        }
        let qualifying = statuses.filter(\.meetsDefinition)
        let continents = Set(qualifying.compactMap(\.continent)).sorted()
        return MarkersReport(
            onlineMembers: Marker(name: "online members", current: totalMembers, target: settings.onlineMembersTarget),
            chapters: Marker(
                name: "chapters meeting the definition", current: qualifying.count, target: settings.chaptersTarget),
            continents: Marker(
                name: "continents with such chapters", current: continents.count, target: settings.continentsTarget),
            continentsWithChapters: continents, chapterStatuses: statuses, settings: settings)
    }
}
