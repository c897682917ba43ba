import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("StoreCache: page views reuse what they read until the store changes")
struct StoreCacheTests {
    /// A store file seeded with `CallsFixture`, and its folder (removed by the caller).
    func storeFile() throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("web-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("tourplan.sqlite").path
        let store = try TourDatabase.openOrCreate(path: path)
        try CallsFixture.seed(store)
        try store.saveVolunteers([
            Volunteer(name: "Rosa Demo", timeZone: "America/New_York"),
            Volunteer(name: "Sam Other", timeZone: "America/Chicago"),
        ])
        return (path, folder)
    }

    @Test("a value is computed once while nothing is written, again after any commit; never kept in memory stores")
    func keepsUntilCommit() throws {
        let (path, folder) = try storeFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try WebApp.openStore(path: path)
        let cache = StoreCache(changes: try StoreChanges(store))
        let computed = Atomic<Int>(0)
        func lookup(_ key: StoreCache.Key = .team) throws -> [String] {
            try cache.value(key) {
                computed.add(1, ordering: .relaxed)
                return try store.volunteers().map(\.name)
            }
        }
        // Given one computation, repeated lookups reuse it
        #expect(try lookup() == ["Rosa Demo", "Sam Other"])
        #expect(try lookup() == ["Rosa Demo", "Sam Other"])
        #expect(computed.load(ordering: .relaxed) == 1)
        // A different key is computed on its own
        _ = try lookup(.callList(volunteer: "Rosa Demo", date: CalendarDate(year: 2014, month: 6, day: 5), minute: 1))
        #expect(computed.load(ordering: .relaxed) == 2)
        // When another connection commits (a CLI command on the same file), it is computed anew
        try TourDatabase.openExisting(path: path).saveVolunteers([
            Volunteer(name: "Tom New", timeZone: "Europe/Oslo")
        ])
        #expect(try lookup() == ["Rosa Demo", "Sam Other", "Tom New"])
        #expect(computed.load(ordering: .relaxed) == 3)
        #expect(try lookup() == ["Rosa Demo", "Sam Other", "Tom New"])
        #expect(computed.load(ordering: .relaxed) == 3)
        // An in-memory store has no version: every lookup computes
        let memory = StoreCache(changes: try StoreChanges(try TourDatabase.makeInMemory()))
        for _ in 1...2 { _ = try memory.value(.team) { computed.add(1, ordering: .relaxed) } }
        #expect(computed.load(ordering: .relaxed) == 5)
    }

    @Test("the call list shows a CLI command's outcome and the server's own at once (file store, as served)")
    func callListSeesEveryWrite() async throws {
        let (path, folder) = try storeFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try WebFixture(store: try WebApp.openStore(path: path))
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("rosa", client)
            let before = try await browser.get("/calls?date=2014-06-05", client).text
            #expect(
                before.contains("Call <bdi>Ada</bdi>") && before.contains("Call <bdi>Bea</bdi>")
                    && before.contains("Call <bdi>Cy</bdi>"))
            // When `tourplan calls log` records Ada's call from another process (connection) …
            let cli = try TourDatabase.openExisting(path: path)
            _ = try Planner(store: cli, resources: try PlannerResources()).logOutcome(
                OutcomeQuery(taskID: CallsFixture.taskID("1"), outcome: .reached, now: fixture.clock.now))
            // … the next page view no longer lists her, within the same minute
            let after = try await browser.get("/calls?date=2014-06-05", client).text
            #expect(!after.contains("Call <bdi>Ada</bdi>") && after.contains("Call <bdi>Bea</bdi>"))
            // And the server's own outcome POST shows as well
            let csrf = try #require(
                try fixture.store.session(id: browser.cookies["tp_session"] ?? "", now: fixture.clock.now)
            ).csrfToken
            let posted = try await browser.post(
                "/calls/\(TaskPathID.make(CallsFixture.taskID("2")))/outcome",
                form: [("_csrf", csrf), ("date", "2014-06-05"), ("outcome", "rsvp-no"), ("note", "")], client)
            #expect(posted.status == .seeOther)
            let last = try await browser.get("/calls?date=2014-06-05", client).text
            #expect(
                !last.contains("Call <bdi>Ada</bdi>") && !last.contains("Call <bdi>Bea</bdi>")
                    && last.contains("Call <bdi>Cy</bdi>"))
        }
    }
}
