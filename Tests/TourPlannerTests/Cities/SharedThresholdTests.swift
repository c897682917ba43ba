import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerStore

/// Member imports and the command line share one threshold and the typo rule, so they agree on
/// what is too weak to use.
@Suite("Place resolution: one threshold for imports and the command line")
struct SharedThresholdTests {
    /// Hand-made rows: a near-miss with no region, a one-edit and a two-edit typo with the region.
    static let csv =
        nativeHeader
            + """
            1,Ada,One,,,Atlantis,,US,,woman,2020-01-01,,,,
            2,Bo,Two,,,Cincinati,OH,US,,man,2020-01-01,,,,
            3,Cy,Three,,,Cinncinati,OH,US,,man,2020-01-01,,,,

            """

    @Test("the threshold is one constant, 0.7")
    func oneThreshold() {
        #expect(CityResolver.threshold == 0.7)
    }

    @Test("\"Atlantis, US\" is two places one edit away: unresolved on import, refused on the command line")
    func atlantisIsUnresolvedOnBothPaths() throws {
        let resolver = try #require(SharedGazetteer.resolver)
        // Within the US, "atlantis" is one edit from "atlantic": East Rockaway, NY (alternate name
        // "Atlantic", 9,894 people) and Atlantic, IA (6,833). Both score 0.85; the country is
        // given, so confidence = 0.85 × (0.75 + 0.25 × 9894 / 16727) = 0.763 — above the
        // threshold, but two places are that close, so it is not used.
        let imported = resolver.resolve(PlaceKey(city: "Atlantis", region: nil, country: "US"))
        #expect(imported.entry == nil)
        #expect(imported.confidence == 0.763)
        #expect(
            imported.reason
                == "\"Atlantis\" is not a place name; 2 places are spelled almost like it"
                + " (best guess East Rockaway, New York, US, confidence 0.763)")
        #expect(imported.suggestions.prefix(2) == ["East Rockaway, New York, US", "Atlantic, Iowa, US"])
        let typed = resolver.resolvePlace("Atlantis, US", organizationCountries: ["US"])
        #expect(typed.status == .refused && typed.place == nil)
    }

    @Test(
        "a typo with its region given and agreeing resolves on both paths",
        arguments: [("Cincinati", 0.85), ("Cinncinati", 0.7)])
    func regionConfirmedTypoResolves(city: String, confidence: Double) throws {
        let resolver = try #require(SharedGazetteer.resolver)
        let imported = resolver.resolve(PlaceKey(city: city, region: "OH", country: "US"))
        #expect(imported.entry?.geonameId == 4508722, "\(imported.reason)")
        #expect(imported.confidence == confidence)
        let typed = resolver.resolvePlace("\(city), OH, US", organizationCountries: ["US"])
        #expect(typed.status == .resolved && typed.place?.geonameId == 4508722, "\(typed.reason)")
        #expect(typed.confidence == confidence)
    }

    @Test("an import stores Atlantis as unresolved with its candidates, and the Cincinnati typos as resolved")
    func importLeavesAtlantisUnresolved() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("members.csv", Self.csv)
        let planner = try makeEmptyPlanner()
        let run = try await planner.importMembers(ImportQuery(files: [file], now: testDate))
        #expect(run.places == PlaceResolutionSummary(resolvedNow: 2, unresolvedNow: 1, guessedNow: 2, cached: 0))
        let store = try planner.requireStore()
        let unresolved = try store.unresolvedMembers()
        #expect(unresolved.map(\.id) == [MemberID("1")])
        #expect(unresolved.first?.city == "Atlantis" && unresolved.first?.country == "US")
        #expect(unresolved.first?.suggestions.prefix(2) == ["East Rockaway, New York, US", "Atlantic, Iowa, US"])
        let cincinnati = try store.resolvedCities().filter { $0.entry.geonameId == 4508722 }
        #expect(cincinnati.count == 1 && cincinnati.first?.members == 2)
        #expect(try store.resolvedCities().allSatisfy { $0.entry.geonameId != 5116049 })  // not East Rockaway
    }

    @Test("places resolved by a guess are counted by the import and listed by members --unresolved")
    func guessesAreNamed() async throws {
        // Given an export with a corrected typo, a Springfield without its state, and an exact city
        let folder = try TemporaryFolder()
        let file = try folder.write(
            "g.csv", "id,city,region,country\n1,Cinncinati,OH,US\n2,Springfield,,US\n3,Boston,MA,US\n")
        let planner = try makeEmptyPlanner()
        // When it is imported
        let run = try await planner.importMembers(ImportQuery(files: [file], now: testDate))
        // Then the two guesses are counted in the import's places line
        #expect(run.places?.resolvedNow == 3 && run.places?.guessedNow == 2)
        #expect(
            try run.render(.table).hasSuffix(
                "places: 3 newly resolved (2 of them by a guess: a misspelled name, or one several cities share), "
                    + "0 unresolved, 0 already known (see `tourplan members --unresolved`)"))
        // and members --unresolved names what each was taken for; Boston is not listed
        let report = try await planner.members(MembersQuery(unresolved: true))
        guard case .unresolved(let members) = report.content else {
            Issue.record("expected unresolved members")
            return
        }
        #expect(members.map(\.id.rawValue) == ["1", "2"])
        #expect(members[0].reason == "guessed Cincinnati, Ohio, US (typo (2 edits), confidence 0.70)")
        #expect(members[1].reason.hasPrefix("guessed Springfield, "))
        #expect(
            try report.render(.table).hasSuffix(
                "\n\n0 members unresolved, 2 placed by a guess (check the city it was taken for). "
                    + "Fix the export, or add aliases (Cities/aliases.tsv or --aliases FILE)."))
        // The store's default list (used by the demo and ranking notes) is still the unresolved only
        #expect(try planner.requireStore().unresolvedMembers().isEmpty)
    }

    @Test("an import report stored before guesses were counted still decodes (guessedNow reads as 0)")
    func oldSummaryDecodes() throws {
        let old = #"{"resolvedNow":3,"unresolvedNow":1,"cached":2}"#
        let summary = try JSONDecoder().decode(PlaceResolutionSummary.self, from: Data(old.utf8))
        #expect(summary == PlaceResolutionSummary(resolvedNow: 3, unresolvedNow: 1, guessedNow: 0, cached: 2))
        let again = try JSONDecoder().decode(
            PlaceResolutionSummary.self,
            from: try JSONEncoder().encode(
                PlaceResolutionSummary(
                    resolvedNow: 3, unresolvedNow: 1, guessedNow: 2, cached: 2)))
        #expect(again.guessedNow == 2)
    }

    @Test("the cache is keyed by the rules too, so places resolved under the old 0.6 rule are redone")
    func versionNamesTheRules() {
        let version = CityResolver.version(gazetteer: "g", aliases: PlaceAliases())
        #expect(version == "g+rules:2")
    }
}
