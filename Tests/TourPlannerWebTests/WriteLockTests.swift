import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("The server while another connection holds SQLite's write lock")
struct WriteLockTests {
    @Test("an outcome POST waits for a 3 s write lock and succeeds; pages keep serving meanwhile")
    func waitsForLock() async throws {
        // Given a store file opened the way `tourplan serve` opens it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("web-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tourplan.sqlite").path
        try CallsFixture.seed(try TourDatabase.openOrCreate(path: path))
        let fixture = try WebFixture(store: try WebApp.openStore(path: path))
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        // The blocker keeps its transaction open across accesses, as a long import does.
        var unsafe = Configuration()
        unsafe.allowsUnsafeTransactions = true
        let blocker = try DatabaseQueue(path: path, configuration: unsafe)
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("rosa", client)
            let csrf = try #require(
                try fixture.store.session(id: browser.cookies["tp_session"] ?? "", now: fixture.clock.now)
            ).csrfToken
            var headers = browser.cookieHeader
            headers[.contentType] = "application/x-www-form-urlencoded"
            let path = TaskPathID.make(CallsFixture.taskID("2"))
            // When another connection (an import, say) holds the write lock …
            try blocker.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
            let started = ContinuousClock.now
            let body = ByteBuffer(string: "_csrf=\(csrf)&outcome=voicemail&date=2014-06-05")
            async let posted = client.execute(
                uri: "/calls/\(path)/outcome", method: .post, headers: headers, body: body)
            // … a page still answers at once (WAL readers do not wait) …
            try await Task.sleep(for: .milliseconds(300))
            let page = try await client.execute(uri: "/calls", method: .get, headers: browser.cookieHeader)
            #expect(page.status == .ok)
            #expect(ContinuousClock.now - started < .seconds(2))
            try await Task.sleep(for: .seconds(3))
            try blocker.inDatabase { db in try db.execute(sql: "COMMIT") }
            // Then the POST, which waited, succeeds and the outcome is stored.
            let response = try await posted
            #expect(response.status == .seeOther)
            #expect(ContinuousClock.now - started >= .seconds(3))
            #expect(
                try CallsFixture.outcomes(fixture.store, task: CallsFixture.taskID("2")) == ["voicemail by Rosa Demo"])
        }
    }
}
