import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("The server while another connection holds SQLite's write lock")
struct WriteLockTests {
    @Test("three outcome POSTs wait for a 3 s write lock and succeed; pages keep serving meanwhile")
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
            // When another connection (an import, say) holds the write lock …
            try blocker.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
            let started = ContinuousClock.now
            let body = ByteBuffer(string: "_csrf=\(csrf)&outcome=voicemail&date=2014-06-05")
            // … three volunteers' taps wait for it (more than one blocking thread per core) …
            let uris = ["2", "1", "3"].map { "/calls/\(TaskPathID.make(CallsFixture.taskID($0)))/outcome" }
            async let posted = client.execute(uri: uris[0], method: .post, headers: headers, body: body)
            async let second = client.execute(uri: uris[1], method: .post, headers: headers, body: body)
            async let third = client.execute(uri: uris[2], method: .post, headers: headers, body: body)
            // … and a page still answers at once (WAL readers do not wait, and a thread is free) …
            try await Task.sleep(for: .milliseconds(300))
            let page = try await client.execute(uri: "/calls", method: .get, headers: browser.cookieHeader)
            #expect(page.status == .ok)
            // The lock is released only after this line, so a page that waited for it would hang
            // until the 120 s busy timeout: the bound is far below that and far above a page
            // answered on a machine whose cores a browser test is using at the same time.
            #expect(ContinuousClock.now - started < .seconds(30))
            try await Task.sleep(for: .seconds(3))
            try blocker.inDatabase { db in try db.execute(sql: "COMMIT") }
            // Then the POST, which waited, succeeds and the outcome is stored.
            let responses = try await [posted, second, third]
            #expect(responses.map(\.status) == [.seeOther, .seeOther, .seeOther])
            #expect(ContinuousClock.now - started >= .seconds(3))
            for member in ["1", "2", "3"] {
                #expect(
                    try CallsFixture.outcomes(fixture.store, task: CallsFixture.taskID(member))
                        == ["voicemail by Rosa Demo"])
            }
        }
    }
}
