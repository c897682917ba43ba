import Foundation
import Testing

@testable import TourPlanner

@Suite("Planner.runDemo")
struct DemoUseCaseTests {
    static func query(_ folder: TemporaryFolder) throws -> DemoQuery {
        let template = try String(
            contentsOfFile: BudgetTests.repositoryFile("Budgets/east-coast-2014.toml"), encoding: .utf8)
        return DemoQuery(out: folder.url.appendingPathComponent("demo").path, budgetTemplateText: template)
    }

    @Test("the demo writes its nine files (call sheets 0600) and can run again over its own store")
    func writesFiles() async throws {
        // Given an empty folder
        let folder = try TemporaryFolder()
        let query = try Self.query(folder)
        let planner = try TestPlanner.withoutStore()
        // When the demo runs
        let report = try await planner.runDemo(query)
        // Then every file it lists exists, in the documented order
        #expect(
            report.files.map(\.label) == [
                "database", "ranking", "plan", "budget", "itinerary (HTML with map)", "calendar", "map data",
                "call sheet (HTML)", "call sheet (CSV)",
            ])
        for file in report.files { #expect(FileManager.default.fileExists(atPath: file.path), "\(file.label)") }
        let sheet = try #require(report.files.last)
        let attributes = try FileManager.default.attributesOfItem(atPath: sheet.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // The sample's four chosen stops, each a training: Philadelphia, Baltimore, Washington, Boston.
        #expect(report.plan.totals.trainings == 4 && report.topMetros.count == 5)
        #expect(try report.render(.table).hasPrefix("TourPlanner demo on the bundled, fictional 2014 sample\n"))
        // And a second run replaces its own store
        let again = try await planner.runDemo(query)
        #expect(again.summary == report.summary)
    }

    @Test("the demo adds an organizer, a treasurer and an account per demo volunteer, each with a working link")
    func addsAccounts() async throws {
        // Given an empty folder and links at https://tour.example.org/ made at a fixed time
        let folder = try TemporaryFolder()
        var query = try Self.query(folder)
        query.baseURL = "https://tour.example.org/"
        query.now = Date(timeIntervalSince1970: 1_800_000_000)
        // When the demo runs
        let report = try await TestPlanner.withoutStore().runDemo(query)
        // Then the two demo volunteers (Rosa Demo, Sam Demo) have accounts after the organizer and treasurer
        #expect(report.accounts.map(\.name) == ["organizer", "treasurer", "rosa", "sam"])
        #expect(report.accounts.map(\.role) == [.organizer, .treasurer, .volunteer, .volunteer])
        #expect(report.accounts.map(\.volunteer) == [nil, nil, "Rosa Demo", "Sam Demo"])
        let store = try TourDatabase.openOrCreate(path: report.databasePath)
        #expect(try store.accounts().map(\.name) == ["organizer", "rosa", "sam", "treasurer"])
        let prefix = "https://tour.example.org/welcome/"
        for account in report.accounts {
            #expect(account.link.hasPrefix(prefix), "\(account.link)")
            let token = String(account.link.dropFirst(prefix.count))
            // 32 random bytes in unpadded base64url are 43 characters
            #expect(token.count == 43 && !token.contains("="), "\(token)")
            // Each link opens its own account until 7 days after `now`, and not after
            let opened = try store.welcomeAccount(token: token, now: query.now.addingTimeInterval(6 * 24 * 3600))
            #expect(opened?.name == account.name)
            #expect(try store.welcomeAccount(token: token, now: query.now.addingTimeInterval(8 * 24 * 3600)) == nil)
        }
        #expect(Set(report.accounts.map(\.link)).count == 4)
        // And the summary lists them after the files
        let text = try report.render(.table)
        #expect(text.contains("\n  rosa       volunteer, calls as Rosa Demo: \(prefix)"))
        #expect(text.contains("\n  organizer  organizer: \(prefix)"))
    }

    @Test("a store holding other imports is never replaced")
    func refusesOtherStore() async throws {
        // Given a folder whose tourplan.sqlite holds an import of another file
        let folder = try TemporaryFolder()
        let query = try Self.query(folder)
        try FileManager.default.createDirectory(atPath: query.out, withIntermediateDirectories: true)
        let path = query.out + "/tourplan.sqlite"
        let members = try folder.write("members.csv", "id,first_name,last_name,city,country\n1,Ada,Demo,Boston,US\n")
        do {
            // (closed again before the demo runs: an open store is refused for another reason)
            let store = try TourDatabase.openOrCreate(path: path)
            _ = try await (try MemberImporter.makeDefault()).importFile(
                path: members, displayName: "members.csv", into: store, now: Date(timeIntervalSince1970: 0))
        }
        // When / Then
        await #expect(
            throws: PlannerError(
                "\(path) holds your imports (members.csv); the demo would replace it",
                hint: "choose another --out folder (the demo writes its own tourplan.sqlite there)")
        ) {
            try await TestPlanner.withoutStore().runDemo(query)
        }
    }

    @Test("a demo store that another program has open (a running `tourplan serve`) is not replaced under it")
    func refusesOpenStore() async throws {
        // Given a demo store, open in another connection as `tourplan serve` keeps it
        let folder = try TemporaryFolder()
        let query = try Self.query(folder)
        _ = try await TestPlanner.withoutStore().runDemo(query)
        let path = query.out + "/tourplan.sqlite"
        let server = try TourDatabase.openExisting(path: path)
        _ = try server.volunteers()
        // When the demo runs again / Then it refuses, naming the file and what to do
        do {
            _ = try await TestPlanner.withoutStore().runDemo(query)
            Issue.record("the demo replaced a store that was open")
        } catch let error as PlannerError {
            #expect(
                error.message == "\(path) is open in another program (its -wal file exists), probably `tourplan serve`")
            #expect(error.hint?.contains("stop that program first") == true)
        }
        #expect(try server.volunteers().isEmpty == false)
    }
}
