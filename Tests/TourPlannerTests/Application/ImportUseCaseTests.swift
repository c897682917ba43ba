import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("Import use case")
struct ImportUseCaseTests {
    @Test("a file imports and its places resolve; the table ends with the resolution line")
    func importsAndResolves() async throws {
        // When the five members are imported
        let (_, run) = try await makeFixturePlanner()
        // Then all five are added, and 4 distinct places were resolved: 3 found, Xyzzyville not
        let report = try #require(run.reports.first)
        #expect(run.reports.count == 1 && run.fileErrors.isEmpty && !run.failed)
        #expect(report.added == 5 && report.updated == 0 && report.committed)
        let places = try #require(run.places)
        #expect(places.resolvedNow == 3 && places.unresolvedNow == 1 && places.cached == 0)
        let table = try run.render(.table)
        #expect(
            table.hasSuffix(
                "\nplaces: 3 newly resolved, 1 unresolved, 0 already known (see `tourplan members --unresolved`)"))
        #expect(run.diagnostics.isEmpty)
    }

    @Test("an unreadable file is reported and the others still import; the run fails")
    func missingFile() async throws {
        // Given one good file and one that does not exist
        let folder = try TemporaryFolder()
        let good = try folder.write("members.csv", applicationFixtureCSV)
        let missing = folder.url.appendingPathComponent("nope.csv").path
        let planner = try makeEmptyPlanner()
        // When both are imported
        let run = try await planner.importMembers(ImportQuery(files: [missing, good], now: testDate))
        // Then
        #expect(run.fileErrors.count == 1 && run.reports.count == 1 && run.failed)
        #expect(run.diagnostics.count == 1 && run.diagnostics[0].hasPrefix("Error: \(missing)"))
        #expect(try planner.requireStore().memberSummary().total == 5)
    }

    @Test("a dry run writes nothing, resolves nothing and does not fail")
    func dryRun() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("members.csv", applicationFixtureCSV)
        let planner = try makeEmptyPlanner()
        let run = try await planner.importMembers(ImportQuery(files: [file], dryRun: true, now: testDate))
        #expect(run.places == nil && !run.failed)
        #expect(try planner.requireStore().memberSummary().total == 0)
        #expect(ImportRunReport.result(of: try #require(run.reports.first)) == "dry run, nothing written")
    }

    @Test("CSV and JSON list the file reports; an unknown preset names the presets")
    func formats() async throws {
        let (_, run) = try await makeFixturePlanner()
        let csv = try run.render(.csv)
        #expect(csv.hasPrefix("file,format,mapping,added,updated,unchanged,skipped,warnings,errors,committed,"))
        #expect(csv.hasSuffix(",csv,native,5,0,0,0,0,0,true,0,0,0,0\r\n"))
        #expect(try run.render(.json).hasPrefix("[\n  {"))
        #expect(throws: PlannerError.self) { try run.render(.ics) }
        #expect(throws: PlannerError.self) { try ImportQuery.mapping(preset: "no-such-crm") }
        #expect(try ImportQuery.mapping(preset: "action_network") == ColumnMapping.preset(named: "action-network"))
    }
}

@Suite("Import use case: places resolved while the import commits")
struct ImportPlacePrefetchTests {
    /// The place keys of the cache and of the members, as the store holds them.
    private func keys(_ planner: Planner) throws -> (places: [String], members: [String]) {
        try planner.requireStore().writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT key FROM places ORDER BY key"),
                try String.fetchAll(db, sql: "SELECT placeKey FROM placeStats ORDER BY placeKey")
            )
        }
    }

    @Test("a file that rolls back caches none of its places; the next file's are cached and counted as new")
    func rolledBackFileCachesNothing() async throws {
        // Given a file refused for an error (a non-numeric id) whose good row lives in Bergen, then
        // the fixture (Boston, Cambridge, Oslo, Xyzzyville)
        let folder = try TemporaryFolder()
        let refused = try folder.write(
            "refused.csv",
            nativeHeader + "x1,Al,Bad,al@example.org,,Boston,MA,US,,,2020-01-01,,,,\n"
                + "9,Bea,Good,bea@example.org,,Bergen,,NO,,,2020-01-01,,,,\n")
        let good = try folder.write("members.csv", applicationFixtureCSV)
        let planner = try makeEmptyPlanner()
        // When both are imported in one run
        let run = try await planner.importMembers(ImportQuery(files: [refused, good], now: testDate))
        // Then the first is not committed, and the cache holds exactly the members' 4 places
        #expect(run.reports.map(\.committed) == [false, true])
        let stored = try keys(planner)
        #expect(stored.places == stored.members && stored.members.count == 4)
        #expect(!stored.places.contains { $0.lowercased().contains("bergen") })
        // and the summary counts them as resolved now (3 found, Xyzzyville not), none as known
        let places = try #require(run.places)
        #expect(places.resolvedNow == 3 && places.unresolvedNow == 1 && places.cached == 0)
    }

    @Test("a second import resolves only its new place; the others are already known")
    func secondImportCountsKnownPlaces() async throws {
        // Given the fixture imported
        let (planner, _) = try await makeFixturePlanner()
        let folder = try TemporaryFolder()
        let more = try folder.write(
            "more.csv", nativeHeader + "6,Fe,Six,fe@example.org,,Bergen,,NO,,,2020-01-01,,,,\n")
        // When a file with one member in a new place is imported
        let run = try await planner.importMembers(ImportQuery(files: [more], now: testDate))
        // Then only Bergen is new; the fixture's four places are known; the cache has all five
        let places = try #require(run.places)
        #expect(places.resolvedNow == 1 && places.unresolvedNow == 0 && places.cached == 4)
        let stored = try keys(planner)
        #expect(stored.places == stored.members && stored.members.count == 5)
    }
}
