import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Treasurer writes: receipt files, write threads")
struct ExpenseStorageTests {
    @Test("deleting an expense removes its receipt file once the delete is committed; the receipt is then 404")
    func deleteRemovesReceipt() async throws {
        let fixture = try TreasurerFixture()
        let id = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "42"))
        let other = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-08", category: "fuel", amount: "7"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let token = try fixture.csrf(tess)
            let png = TestUpload(fileName: "r.png", contentType: "image/png", data: TreasurerFixture.png)
            for expense in [id, other] {
                let uploaded = try await tess.postMultipart(
                    "/expenses/\(expense.rawValue)/receipt", fields: [("_csrf", token)], file: png, client)
                #expect(uploaded.status == .seeOther)
            }
            let name = try #require(try fixture.store.actual(id: id)).receipt
            let otherName = try #require(try fixture.store.actual(id: other)).receipt
            let folder = URL(fileURLWithPath: fixture.storePath + ".receipts")
            let file = folder.appendingPathComponent(name).path
            #expect(FileManager.default.fileExists(atPath: file))
            #expect(try await tess.get("/expenses/\(id.rawValue)/receipt", client).status == .ok)
            let confirm = try await tess.get("/expenses/\(id.rawValue)/delete", client)
            #expect(confirm.text.contains("Its\nuploaded receipt file is deleted with it."))

            let deleted = try await tess.post(
                "/expenses/\(id.rawValue)/delete", form: [("_csrf", token), ("confirm", "yes")], client)
            #expect(deleted.status == .seeOther)
            #expect(try fixture.store.actual(id: id) == nil)
            #expect(!FileManager.default.fileExists(atPath: file))
            let gone = try await tess.get("/expenses/\(id.rawValue)/receipt", client)
            #expect(gone.status == .notFound)
            // The other expense's receipt is untouched.
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(otherName).path))
            #expect(try await tess.get("/expenses/\(other.rawValue)/receipt", client).status == .ok)

            // Undo brings the expense back with its receipt missing (the file went), and says so.
            let restored = try await tess.post("/expenses/\(id.rawValue)/restore", form: [("_csrf", token)], client)
            let location = try #require(restored.headers[.location])
            #expect(location.hasSuffix("&restored=\(id.rawValue)&receiptGone=1"))
            #expect(try fixture.store.actual(id: id)?.receipt == "")
            let page = try await tess.get(location, client).text
            #expect(page.contains("Its receipt file was removed with the deletion: upload it again"))
        }
    }

    @Test("a receipt file another expense still refers to is kept when one of them is deleted")
    func sharedReceiptKept() async throws {
        let fixture = try TreasurerFixture()
        let id = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "42"))
        let twin = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-08", category: "fuel", amount: "7"))
        let planner = Planner(store: fixture.store, resources: try PlannerResources())
        let receipts = ReceiptStore(databasePath: fixture.storePath)
        let name = try #require(
            try planner.attachReceiptBlocking(TreasurerFixture.png, to: id, in: receipts)
                .expenses.first?.receipt)
        _ = try planner.editActualBlocking(twin, change: ActualExpenseChange(receipt: name))
        let deletion = try planner.deleteActualsBlocking([id], receipts: receipts)
        #expect(deletion.report.expenses.map(\.id) == [id] && deletion.unremovedReceipts.isEmpty)
        #expect(FileManager.default.fileExists(atPath: receipts.folder.appendingPathComponent(name).path))
        _ = try planner.deleteActualsBlocking([twin], receipts: receipts)
        #expect(!FileManager.default.fileExists(atPath: receipts.folder.appendingPathComponent(name).path))
        fixture.remove()
    }

    @Test("expense writes wait for another connection's write lock on the write threads; pages keep serving")
    func writesWaitOffTheCooperativeThreads() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("web-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("tourplan.sqlite").path
        _ = try TourDatabase.openOrCreate(path: path).saveTourTemplate(
            TreasurerFixture.template, file: "east.toml", name: "east", replacing: false)
        let fixture = try WebFixture(store: try WebApp.openStore(path: path))
        try fixture.addAccount("tess", role: .treasurer)
        let planner = Planner(store: fixture.store, resources: try PlannerResources())
        // More writes than cooperative threads (one per core): on those threads they would
        // leave none for the page below.
        let edits = ProcessInfo.processInfo.activeProcessorCount + 1
        var ids: [ExpenseID] = []
        for number in 0...edits {
            let added = try planner.addExpenseBlocking(
                tour: "east", fields: ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "\(number + 1)")
            )
            ids.append(try #require(added.expenses.first?.id))
        }
        var unsafe = Configuration()
        unsafe.allowsUnsafeTransactions = true
        let blocker = try DatabaseQueue(path: path, configuration: unsafe)
        let (toEdit, toDelete) = (Array(ids.prefix(edits)), ids[edits])
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let csrf = try #require(
                try fixture.store.session(id: tess.cookies["tp_session"] ?? "", now: fixture.clock.now)
            ).csrfToken
            var formHeaders = tess.cookieHeader
            formHeaders[.contentType] = "application/x-www-form-urlencoded"
            let headers = formHeaders
            let cookies = tess.cookieHeader
            try blocker.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
            let started = ContinuousClock.now
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for id in toEdit {
                    let body = ByteBuffer(
                        string: "_csrf=\(csrf)&date=2014-06-09&category=fuel&amount=99&currency=USD&rate=&trip=&note=")
                    group.addTask {
                        try await client.execute(
                            uri: "/expenses/\(id.rawValue)", method: .post, headers: headers, body: body
                        )
                        .status
                    }
                }
                group.addTask {
                    try await client.execute(
                        uri: "/expenses/\(toDelete.rawValue)/delete", method: .post, headers: headers,
                        body: ByteBuffer(string: "_csrf=\(csrf)&confirm=yes")
                    ).status
                }
                group.addTask {
                    try await client.execute(
                        uri: "/expenses?tour=east", method: .post, headers: headers,
                        body: ByteBuffer(string: "_csrf=\(csrf)&date=2014-06-10&category=tolls&amount=3")
                    ).status
                }
                try await Task.sleep(for: .milliseconds(300))
                let page = try await client.execute(uri: "/budget?tour=east", method: .get, headers: cookies)
                #expect(page.status == .ok)
                // The lock is released only after this line: a page that waited for a thread
                // would wait for the 120 s busy timeout.
                #expect(ContinuousClock.now - started < .seconds(30))
                try await Task.sleep(for: .seconds(2))
                try blocker.inDatabase { db in try db.execute(sql: "COMMIT") }
                var statuses: [HTTPResponse.Status] = []
                for try await status in group { statuses.append(status) }
                return statuses
            }
            #expect(statuses.count == edits + 2)
            #expect(statuses.allSatisfy { $0 == .seeOther }, "\(statuses)")
        }
        let stored = try fixture.store.actuals(tour: "east")
        #expect(stored.filter { $0.amount.formatted == "$99.00" }.count == edits)
        #expect(stored.contains { $0.category == "tolls" } && !stored.contains { $0.id == toDelete })
    }
}
