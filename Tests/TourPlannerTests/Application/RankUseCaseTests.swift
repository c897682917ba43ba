import Foundation
import Testing

@testable import TourPlanner

@Suite("Rank use case")
struct RankUseCaseTests {
    @Test("metros rank by unaffiliated members; the unresolved member is counted, not ranked")
    func ranking() async throws {
        let (planner, _) = try await makeFixturePlanner()
        let report = try await planner.rank(RankQuery())
        let ranking = try #require(report.ranking)
        // Boston metro: members 1, 2, 3 (unaffiliated); Oslo: member 4 (in a chapter)
        #expect(ranking.metros.map(\.metro) == ["Boston", "Oslo"])
        #expect(ranking.metros.map(\.unaffiliated) == [3, 0])
        #expect(ranking.metros.first?.organizers == 1 && ranking.metros.first?.hosts == 1)
        #expect(ranking.totalUnaffiliated == 4 && ranking.unresolvedMembers == 1 && ranking.unresolvedPlaces == 1)
        #expect(
            try report.render(.table).hasSuffix(
                "\n\n4 unaffiliated members in all; 1 members (1 unaffiliated) in 1 unresolved places are not ranked"
                    + " (see `tourplan members --unresolved`)."))
        let csv = try report.render(.csv)
        #expect(csv.hasPrefix(MetroRanking.csvHeader.joined(separator: ",") + "\r\n1,Boston,US,"))
    }

    @Test("filters and the limit apply in order: country, minimum, then limit")
    func filters() async throws {
        let (planner, _) = try await makeFixturePlanner()
        let norway = try await planner.rank(RankQuery(country: "no"))
        #expect(norway.ranking?.metros.map(\.metro) == ["Oslo"])
        let busy = try await planner.rank(RankQuery(minUnaffiliated: 1))
        #expect(busy.ranking?.metros.map(\.metro) == ["Boston"])
        let top = try await planner.rank(RankQuery(limit: 1))
        #expect(top.ranking?.metros.count == 1)
    }

    @Test("the explanation names the configured share of women, not a fixed 30%")
    func explanationUsesConfiguredShare() async throws {
        // Given settings whose chapter rule asks for 60% women
        let folder = try TemporaryFolder()
        let settings = try folder.write("markers.toml", "[chapter]\nmin_women_share = 0.6\n")
        let (planner, _) = try await makeFixturePlanner()
        // When Boston is explained (1 woman of 3 stated genders: 33.3%)
        let report = try await planner.rank(RankQuery(explain: "boston", settingsFile: settings))
        let text = try report.render(.table)
        // Then two more women are needed: (1 + 2) / (3 + 2) = 60%, while (1 + 1) / (3 + 1) = 50% is short
        #expect(
            text.contains(
                "  women share           33.3%, 2 more women needed for the 60% rule (weight 0.0 per point below 60%)"))
        #expect(text.contains("at least 60% of them women"))
        #expect(!text.contains("30%"))
        #expect(text.hasSuffix("unaffiliated members counted (3): 1, 2, 3\norganizers: 2\nhosts: 1"))
    }

    @Test("an unknown metro to explain is a failure carried by the report, naming the ranked metros")
    func unknownMetro() async throws {
        let (planner, _) = try await makeFixturePlanner()
        let report = try await planner.rank(RankQuery(explain: "Atlantis"))
        #expect(
            report.failure
                == ReportFailure(
                    message: "no ranked metro is called \"Atlantis\"",
                    hint: "use a name from `tourplan rank`, e.g. Boston, Oslo"))
        #expect(try report.render(.table).isEmpty)
    }

    @Test("an empty store ranks nothing and says how to import, in every format")
    func emptyStore() async throws {
        let report = try await makeEmptyPlanner().rank(RankQuery())
        #expect(report.isStoreEmpty && report.ranking == nil)
        #expect(
            try report.render(.json) == "The store is empty: import a member export first (`tourplan import FILE`).")
    }

    @Test("weights come from the file, then the overrides in order")
    func weights() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("w.toml", "[weights]\norganizers = 2\nhosts = 3\n")
        let planner = try makeEmptyPlanner()
        let weights = try planner.rankingWeights(
            file: file,
            overrides: [
                RankQuery.WeightOverride(name: "hosts", value: 5), try #require(.init(parsing: "hosts=7")),
            ])
        #expect(weights.organizers == 2 && weights.hosts == 7 && weights.unaffiliated == 1)
        #expect(RankQuery.WeightOverride(parsing: "height=2") == nil)
        #expect(RankQuery.WeightOverride(parsing: "hosts=many") == nil)
    }
}
