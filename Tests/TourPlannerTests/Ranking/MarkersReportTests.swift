import Testing

@testable import TourPlanner

@Suite("Founding markers")
struct MarkersReportTests {
    let continents: (String) -> String? = { ["US": "NA", "NO": "EU", "AT": "EU", "AU": "OC"][$0] }

    @Test("a chapter meets the definition with 5+ members and 30%+ women among stated genders")
    func definition() {
        // New York: 6 members, 2 women of 5 stated (40%) → meets.
        // Oslo: 4 members, 2 women of 4 (50%) → "1 more member".
        // Vienna: 7 members, 1 woman of 6 stated (16.7%) → needs w with (1+w)/(6+w) >= 0.3 → w = 2 (3/8 = 37.5%; w=1: 2/7 = 28.6%).
        let groups: [(chapter: String, gender: String?, countryCode: String?, count: Int)] = [
            ("New York", "woman", "US", 2), ("New York", "man", "US", 3), ("New York", nil, "US", 1),
            ("Oslo", "kvinne", "NO", 2), ("Oslo", "mann", "NO", 2),
            ("Vienna", "Frau", "AT", 1), ("Vienna", "man", "AT", 5), ("Vienna", "", "AT", 1),
        ]
        let report = MarkersReport.make(
            totalMembers: 434, chapterMembers: groups, settings: MarkerSettings(), continent: continents)
        #expect(report.chapters.current == 1 && report.chapters.target == 20)
        #expect(report.continentsWithChapters == ["NA"])
        #expect(report.onlineMembers.current == 434 && !report.onlineMembers.isReached)
        let byName = Dictionary(uniqueKeysWithValues: report.chapterStatuses.map { ($0.name, $0) })
        #expect(byName["New York"]?.meetsDefinition == true)
        #expect(byName["Oslo"]?.missing == ["1 more member"])
        #expect(byName["Vienna"]?.missing == ["needs 2 more women"])
        #expect(report.chapterStatuses.map(\.name) == ["New York", "Vienna", "Oslo"])
    }

    @Test("settings come from the TOML file; a bad value names its line and key")
    func settings() throws {
        let settings = try MarkerSettings.parse(
            "[targets]\nchapters = 12\n[chapter]\nmin_women_share = 0.5\n", fileName: "m.toml")
        #expect(
            settings.chaptersTarget == 12 && settings.chapterMinWomenShare == 0.5
                && settings.onlineMembersTarget == 3500)
        #expect {
            try MarkerSettings.parse("[targets]\nchapters = 12\n[chapter]\nmin_women_share = 1.5\n", fileName: "m.toml")
        } throws: { error in
            (error as? SettingsError)?.description.hasPrefix(
                "m.toml:4: chapter.min_women_share must be a number from 0 to 1") == true
        }
        #expect(throws: SettingsError.self) {
            try MarkerSettings.parse("[targets]\nchapterz = 3\n", fileName: "m.toml")
        }
    }
}
