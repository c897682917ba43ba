import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("/import: reports kept in the store")
struct ImportReportStoreTests {
    @Test("a new web app over the same store file (a restart) shows the report and lists the import")
    func afterRestart() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tourplan.sqlite").path
        let first = try WebFixture(store: try TourDatabase.openOrCreate(path: path))
        try first.addAccount("olga", role: .organizer)
        let members = memberHeader + "1,Ann,Alpha,ann@example.org,,Denver,CO,US,,woman,2014-01-01,,,,\n"
        let location = try await first.test { client in
            let olga = Browser()
            try await olga.signIn("olga", client)
            let token = try await olga.token("/import", client)
            let response = try await olga.upload(
                "/import", fields: [("_csrf", token)], file: ("export", "denver.csv", members), client)
            #expect(response.status == .seeOther)
            return try #require(response.headers[.location])
        }
        let restarted = try WebFixture(store: try WebApp.openStore(path: path))
        try await restarted.test { client in
            let olga = Browser()
            try await olga.signIn("olga", client)
            let page = try await olga.get(location, client)
            #expect(page.status == .ok)
            #expect(page.text.contains("denver.csv") && page.text.contains("<dt>Added</dt><dd>1</dd>"))
            let list = try await olga.get("/import", client).text
            // 1_402_000_000 s is Thu 5 Jun 2014, 20:26:40 UTC.
            #expect(list.contains("Thu 5 Jun 2014, 20:26"))
            #expect(list.contains("denver.csv: imported") && list.contains("by olga"))
        }
        let stored = try #require(try WebApp.openStore(path: path).recentImportReports(limit: 5).first)
        #expect(stored.uploader == "olga" && stored.createdAt == WebFixture.start)
        #expect(stored.reportJSON.contains("\"added\" : 1"))
    }
}
