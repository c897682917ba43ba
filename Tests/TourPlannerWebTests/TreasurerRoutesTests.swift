import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

/// A web app over a store file in a fresh temporary folder (receipts are kept beside it), with
/// tour "east" saved from `template`, and accounts tess (treasurer), olga (organizer) and rosa
/// (volunteer).
struct TreasurerFixture {
    /// Lodging 3 nights × 2 rooms × $120 = $720.00 in the base, × $100 = $600.00 in cheap-rooms;
    /// funding $100 raised and $50 pledged.
    static let template = """
        currency = "USD"
        [trainers]
        count = 3
        [per_diem]
        hourly_wage = 12.75
        hours_per_training_day = 8
        [vehicle]
        kind = "rental"
        rental_per_day = 45
        fuel_efficiency_mpg = 28
        fuel_price_per_gallon = 3.65
        [counts]
        trainings = 5
        nights = 3
        distance_miles = 1600
        trips = 4
        [lodging]
        per_night = 120
        rooms = 2
        [funding]
        items = [
          { name = "Bake sale", amount = 100.00, status = "raised" },
          { name = "Pledge drive", amount = 50.00, status = "pledged" },
        ]
        [scenarios.cheap-rooms]
        lodging = { per_night = 100 }
        """

    let folder: URL
    let web: WebFixture
    var store: TourDatabase { web.store }
    var storePath: String { folder.appendingPathComponent("t.sqlite").path }

    init(tours: [String] = ["east"]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("treasurer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try TourDatabase.openOrCreate(path: folder.appendingPathComponent("t.sqlite").path)
        for tour in tours {
            _ = try store.saveTourTemplate(Self.template, file: "\(tour).toml", name: tour, replacing: false)
        }
        web = try WebFixture(store: store)
        try web.addAccount("tess", role: .treasurer)
        try web.addAccount("olga", role: .organizer)
        try web.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func test<Value: Sendable>(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value)
        async throws -> Value
    {
        defer { remove() }
        return try await web.test(test)
    }

    /// The session's CSRF token of a signed-in browser.
    func csrf(_ browser: Browser) throws -> String {
        try #require(try store.session(id: browser.cookies["tp_session"] ?? "", now: web.clock.now)).csrfToken
    }

    /// Records an expense straight through the planner (as the CLI would).
    @discardableResult
    func addExpense(_ fields: ActualExpenseChange, tour: String = "east") async throws -> ExpenseID {
        let planner = Planner(store: store, resources: try PlannerResources())
        return try #require(try await planner.addExpense(tour: tour, fields: fields).expenses.first?.id)
    }

    /// A PNG's signature and a few bytes: enough for the receipt sniffer.
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 73, 72, 68, 82])
}

/// An uploaded file of a test's multipart form.
struct TestUpload {
    var field = "receipt"
    var fileName: String
    var contentType: String
    var data: Data
}

extension Browser {
    /// POST a `multipart/form-data` form with the browser's cookies.
    func postMultipart(
        _ uri: String, fields: [(String, String)], file: TestUpload?, _ client: any TestClientProtocol,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        let boundary = "----treasurer-test-boundary"
        var body = Data()
        for (name, value) in fields {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(
                Data(
                    ("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; "
                        + "filename=\"\(file.fileName)\"\r\nContent-Type: \(file.contentType)\r\n\r\n").utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var all = cookieHeader
        all[.contentType] = "multipart/form-data; boundary=\(boundary)"
        all.append(contentsOf: headers)
        let response = try await client.execute(
            uri: uri, method: .post, headers: all, body: ByteBuffer(bytes: body))
        take(response)
        return response
    }
}

@Suite("Treasurer pages: roles, /budget, receipts")
struct TreasurerRoutesTests {
    @Test("anonymous: pages go to /login, JSON is 401; volunteers get 403; treasurers and organizers 200")
    func roles() async throws {
        let fixture = try TreasurerFixture()
        try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "10"))
        try await fixture.test { client in
            let paths = [
                "/budget", "/expenses", "/expenses.csv", "/expenses/1/edit", "/expenses/1/delete",
                "/expenses/1/receipt",
            ]
            for path in paths {
                let anonymous = try await client.execute(uri: path, method: .get)
                #expect(
                    anonymous.status == .seeOther
                        && anonymous.headers[.location] == "/login?next=" + QueryValue.escape(path),
                    "\(path)")
                let json = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
                #expect(json.status == .unauthorized, "\(path)")
            }
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            for path in paths {
                #expect(try await rosa.get(path, client).status == .forbidden, "\(path)")
            }
            let token = try fixture.csrf(rosa)
            let post = try await rosa.post(
                "/expenses?tour=east",
                form: [("_csrf", token), ("date", "2014-06-08"), ("category", "fuel"), ("amount", "5")], client)
            #expect(post.status == .forbidden)
            #expect(
                try await rosa.post("/expenses/1/delete", form: [("_csrf", token), ("confirm", "yes")], client)
                    .status == .forbidden)
            #expect(try await rosa.post("/expenses/1/restore", form: [("_csrf", token)], client).status == .forbidden)
            for name in ["tess", "olga"] {
                let browser = Browser()
                try await browser.signIn(name, client)
                #expect(try await browser.get("/budget", client).status == .ok, "\(name)")
                #expect(try await browser.get("/expenses", client).status == .ok, "\(name)")
            }
        }
        #expect(try fixture.store.actuals(tour: "east").count == 1)
    }

    @Test("/budget: base and cheap-rooms side by side (lodging $720.00 vs $600.00), funding gap, variance")
    func budget() async throws {
        let fixture = try TreasurerFixture()
        // Lodging $700 of $720 planned: −$20.00, under budget.
        try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "lodging", amount: "700"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let page = try await tess.get("/budget", client)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h2 id=\"tour-heading\">Tour east</h2>"))
            #expect(html.contains("<th scope=\"col\">base</th><th scope=\"col\">cheap-rooms</th>"))
            #expect(html.contains("<th scope=\"row\">Lodging</th><td>$720.00</td><td>$600.00</td>"))
            // cheap-rooms costs 3 × 2 × $20 = $120.00 less than the base
            #expect(html.contains("<th scope=\"row\">Difference from base</th><td>$0.00</td><td>−$120.00</td>"))
            #expect(html.contains("<th scope=\"row\">Raised</th><td>$100.00</td><td>$100.00</td>"))
            #expect(html.contains("Bake sale (raised): $100.00"))
            #expect(html.contains("Still to raise: "))
            #expect(
                html.contains(
                    "<td role=\"cell\">$720.00</td><td role=\"cell\">$700.00</td><td role=\"cell\" class=\"\">−$20.00 <span class=\"word\">under budget</span>"
                ))

            let json = try await tess.get("/budget", client, headers: [.accept: "application/json"])
            #expect(json.headers[.contentType]?.hasPrefix("application/json") == true)
            let report = try JSONDecoder().decode(TourBudgetsReport.self, from: Data(json.text.utf8))
            let statement = try #require(report.tours.first?.statement)
            #expect(statement.comparison?.map { $0.scenario ?? "base" } == ["base", "cheap-rooms"])
            // the gap is the total less $100 raised and $50 pledged
            let total = statement.budget.total.amount
            #expect(statement.budget.funding.gap.amount == total - 150)
            #expect(html.contains("Still to raise: \(Money(amount: total - 150, currency: .usd).formatted)"))
            #expect(statement.actuals?.lines.first { $0.category == "lodging" }?.variance.formatted == "−$20.00")

            let missing = try await tess.get("/budget?tour=west", client)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("There is no saved tour called &quot;west&quot;. Saved tours: east."))
        }
    }

    @Test("/budget with several tours shows the first and links to each; ?tour= picks one; none saved says how")
    func tourChoice() async throws {
        let fixture = try TreasurerFixture(tours: ["east", "west"])
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let first = try await tess.get("/budget", client).text
            #expect(first.contains("Tour east</h2>"))
            #expect(first.contains("<a href=\"/budget?tour=west\">west</a>"))
            #expect(first.contains("<a href=\"/budget?tour=east\" aria-current=\"page\">east</a>"))
            #expect(try await tess.get("/budget?tour=west", client).text.contains("Tour west</h2>"))
        }
        let empty = try TreasurerFixture(tours: [])
        try await empty.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let page = try await tess.get("/budget", client)
            #expect(page.status == .ok && page.text.contains("No saved tours yet."))
            #expect(try await tess.get("/expenses", client).text.contains("No saved tours yet."))
        }
    }

    @Test("a receipt upload: PNG stored under a generated name 0600 in <db>.receipts, served inline to treasurers")
    func receiptUpload() async throws {
        let fixture = try TreasurerFixture()
        let id = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "42"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let token = try fixture.csrf(tess)
            let upload = TestUpload(fileName: "../../evil.png", contentType: "image/png", data: TreasurerFixture.png)
            let response = try await tess.postMultipart(
                "/expenses/\(id.rawValue)/receipt", fields: [("_csrf", token)], file: upload, client)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/expenses?tour=east&receipt=\(id.rawValue)")
            let stored = try #require(try fixture.store.actual(id: id)).receipt
            #expect(ReceiptStore.isStoredName(stored) && stored.hasSuffix(".png"))
            let folder = fixture.storePath + ".receipts"
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [stored])
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + stored)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
            #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("evil.png").path))

            let file = try await tess.get("/expenses/\(id.rawValue)/receipt", client)
            #expect(file.status == .ok)
            #expect(file.headers[.contentType] == "image/png")
            #expect(file.headers[.contentDisposition] == "inline; filename=\"receipt-\(id.rawValue).png\"")
            #expect(Data(file.body.readableBytesView) == TreasurerFixture.png)
            let list = try await tess.get("/expenses?tour=east&receipt=\(id.rawValue)", client).text
            #expect(list.contains("Stored the receipt of expense \(id.rawValue): Sat 7 Jun 2014, fuel $42.00."))
            #expect(list.contains("<a href=\"/expenses/\(id.rawValue)/receipt\">Receipt of expense \(id.rawValue)</a>"))

            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            #expect(try await rosa.get("/expenses/\(id.rawValue)/receipt", client).status == .forbidden)
        }
    }

    @Test("receipt refusals: wrong type 415, over 5 MB 413 (by Content-Length and by size), no file 422, no CSRF 403")
    func receiptRefusals() async throws {
        let fixture = try TreasurerFixture()
        let id = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "42"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let token = try fixture.csrf(tess)
            let path = "/expenses/\(id.rawValue)/receipt"
            let text = TestUpload(fileName: "receipt.png", contentType: "image/png", data: Data("hello".utf8))
            let wrong = try await tess.postMultipart(path, fields: [("_csrf", token)], file: text, client)
            #expect(wrong.status == .unsupportedMediaType)
            #expect(wrong.text.contains("Receipt: the receipt is not a PDF, JPEG, PNG or HEIC file."))
            #expect(wrong.text.contains("<h1>Edit expense \(id.rawValue)</h1>"))

            var big = TreasurerFixture.png
            big.append(Data(count: ReceiptStore.maximumBytes + 1 - big.count))
            let large = TestUpload(fileName: "big.png", contentType: "image/png", data: big)
            let tooLarge = try await tess.postMultipart(path, fields: [("_csrf", token)], file: large, client)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.text.contains("more than the 5 MB limit"))

            // A body over the route's limit is refused while it is read (no Content-Length needed).
            var headers = tess.cookieHeader
            headers[.contentType] = "multipart/form-data; boundary=x"
            headers[.xCSRFToken] = token
            var oversized = ByteBuffer(string: "--x\r\n")
            oversized.writeRepeatingByte(UInt8(ascii: "a"), count: ExpensePage.uploadLimit)
            let declared = try await client.execute(uri: path, method: .post, headers: headers, body: oversized)
            #expect(declared.status == .contentTooLarge)

            let none = try await tess.postMultipart(path, fields: [("_csrf", token)], file: nil, client)
            #expect(none.status == .unprocessableContent && none.text.contains("no file was chosen"))

            let form = try await tess.post(path, form: [("_csrf", token)], client)
            #expect(form.status == .unsupportedMediaType)

            let png = TestUpload(fileName: "r.png", contentType: "image/png", data: TreasurerFixture.png)
            let forged = try await tess.postMultipart(path, fields: [], file: png, client)
            #expect(forged.status == .forbidden)
        }
        #expect(try fixture.store.actual(id: id)?.receipt == "")
        #expect(!FileManager.default.fileExists(atPath: fixture.storePath + ".receipts"))
    }

    @Test("a receipt reference that is not a generated name (../../x, R-2) is never served: 404 with a message")
    func receiptTraversal() async throws {
        let fixture = try TreasurerFixture()
        let planner = Planner(store: fixture.store, resources: try PlannerResources())
        let secret = fixture.folder.appendingPathComponent("secret.png")
        try TreasurerFixture.png.write(to: secret)
        var ids: [ExpenseID] = []
        for reference in ["../secret.png", "../../x", "R-2", secret.path] {
            let id = try await fixture.addExpense(
                ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "9"))
            _ = try await planner.editActual(id, change: ActualExpenseChange(receipt: reference))
            ids.append(id)
        }
        let none = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-08", category: "fuel", amount: "9"))
        let references = ids
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            for id in references {
                let response = try await tess.get("/expenses/\(id.rawValue)/receipt", client)
                #expect(response.status == .notFound)
                #expect(response.text.contains("is recorded as a reference, not as an uploaded file"))
            }
            let missing = try await tess.get("/expenses/\(none.rawValue)/receipt", client)
            #expect(missing.status == .notFound && missing.text.contains("has no receipt yet"))
            let list = try await tess.get("/expenses?tour=east", client).text
            #expect(list.contains("Reference R-2 (no upload)"))
            #expect(!list.contains("/expenses/\(references[0].rawValue)/receipt\""))
        }
    }
}
