import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Treasurer pages: /expenses add, edit, delete, CSV")
struct ExpenseRoutesTests {
    /// The variance cell of the lodging line (planned $720.00).
    func lodging(_ html: String) -> String? {
        guard
            let start = html.range(
                of: "<th scope=\"row\" role=\"rowheader\">Lodging</th><td role=\"cell\">$720.00</td>")
        else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\n" })
    }

    @Test("add then delete: the variance per line follows (lodging −$20.00 under, +$30.00 over, back to −$20.00)")
    func addAndDelete() async throws {
        let fixture = try TreasurerFixture()
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let token = try fixture.csrf(tess)
            let before = try await tess.get("/expenses?tour=east", client).text
            #expect(before.contains("Recorded expenses (0)"))
            #expect(
                lodging(before)?.contains(
                    "<td role=\"cell\">$0.00</td><td role=\"cell\" class=\"\">−$720.00 <span class=\"word\">under budget"
                )
                    == true)
            #expect(before.contains("<option value=\"lodging\">Lodging</option>"))
            #expect(before.contains("name=\"currency\" type=\"text\" value=\"USD\""))

            let first = try await tess.post(
                "/expenses?tour=east",
                form: [
                    ("_csrf", token), ("date", "2014-06-07"), ("category", "lodging"), ("amount", "700.00"),
                    ("currency", "USD"), ("rate", ""), ("trip", "Boston"), ("note", "two rooms"),
                ], client)
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/expenses?tour=east&added=1")
            let added = try await tess.get("/expenses?tour=east&added=1", client).text
            #expect(added.contains("Added expense 1: Sat 7 Jun 2014, lodging $700.00, trip Boston."))
            #expect(added.contains("Recorded expenses (1)"))
            #expect(
                lodging(added)?.contains(
                    "<td role=\"cell\">$700.00</td><td role=\"cell\" class=\"\">−$20.00 <span class=\"word\">under budget"
                )
                    == true)

            let second = try await tess.post(
                "/expenses?tour=east",
                form: [("_csrf", token), ("date", "2014-06-08"), ("category", "lodging"), ("amount", "50")], client)
            #expect(second.headers[.location] == "/expenses?tour=east&added=2")
            let over = try await tess.get("/expenses?tour=east", client).text
            #expect(
                lodging(over)?.contains(
                    "<td role=\"cell\">$750.00</td><td role=\"cell\" class=\"over\">+$30.00 <span class=\"word\">over budget"
                )
                    == true)

            // Delete asks first: the confirmation page, then the POST with confirm=yes.
            let confirm = try await tess.get("/expenses/2/delete", client)
            #expect(confirm.status == .ok)
            #expect(confirm.text.contains("<strong>Delete expense 2?</strong> Sun 8 Jun 2014, lodging $50.00"))
            #expect(confirm.text.contains("<input type=\"hidden\" name=\"confirm\" value=\"yes\">"))
            let unconfirmed = try await tess.post("/expenses/2/delete", form: [("_csrf", token)], client)
            #expect(unconfirmed.status == .seeOther && unconfirmed.headers[.location] == "/expenses/2/delete")
            #expect(try fixture.store.actuals(tour: "east").count == 2)
            let deleted = try await tess.post(
                "/expenses/2/delete", form: [("_csrf", token), ("confirm", "yes")], client)
            #expect(deleted.headers[.location] == "/expenses?tour=east&deleted=2")
            let after = try await tess.get("/expenses?tour=east&deleted=2", client).text
            #expect(after.contains("Deleted expense 2."))
            #expect(lodging(after)?.contains("−$20.00 <span class=\"word\">under budget") == true)
            #expect(try await tess.get("/expenses/2/edit", client).status == .notFound)

            // The deletion's notice offers Undo: the expense and its variance come back, once.
            #expect(after.contains("action=\"/expenses/2/restore\"") && after.contains("Undo: restore expense 2"))
            #expect(try await tess.post("/expenses/2/restore", form: [], client).status == .forbidden)
            let restored = try await tess.post("/expenses/2/restore", form: [("_csrf", token)], client)
            #expect(restored.headers[.location] == "/expenses?tour=east&restored=2")
            let back = try await tess.get("/expenses?tour=east&restored=2", client).text
            #expect(back.contains("Restored expense 2: Sun 8 Jun 2014, lodging $50.00."))
            #expect(lodging(back)?.contains("+$30.00 <span class=\"word\">over budget") == true)
            let again = try await tess.post("/expenses/2/restore", form: [("_csrf", token)], client)
            #expect(again.status == .unprocessableContent && again.text.contains("is not deleted"))
            #expect(try await tess.post("/expenses/9/restore", form: [("_csrf", token)], client).status == .notFound)
            _ = try await tess.post("/expenses/2/delete", form: [("_csrf", token), ("confirm", "yes")], client)

            let json = try await tess.get("/expenses?tour=east", client, headers: [.accept: "application/json"])
            struct Report: Decodable {
                var tour: String
                var expenses: [ActualExpense]
                var variance: BudgetVariance
            }
            let report = try JSONDecoder().decode(Report.self, from: Data(json.text.utf8))
            #expect(report.tour == "east" && report.expenses.map(\.amount.formatted) == ["$700.00"])
            #expect(report.variance.lines.first { $0.category == "lodging" }?.variance.formatted == "−$20.00")
        }
    }

    @Test("every change needs the CSRF token: 403 and nothing recorded, edited or deleted")
    func csrf() async throws {
        let fixture = try TreasurerFixture()
        let id = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "10"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let fields = [("date", "2014-06-09"), ("category", "fuel"), ("amount", "99")]
            #expect(try await tess.post("/expenses?tour=east", form: fields, client).status == .forbidden)
            #expect(try await tess.post("/expenses/\(id.rawValue)", form: fields, client).status == .forbidden)
            #expect(
                try await tess.post("/expenses/\(id.rawValue)/delete", form: [("confirm", "yes")], client).status
                    == .forbidden)
            #expect(
                try await tess.post(
                    "/expenses?tour=east", form: [("_csrf", "wrong")] + fields, client
                ).status == .forbidden)
        }
        #expect(try fixture.store.actuals(tour: "east").map(\.amount.formatted) == ["$10.00"])
    }

    @Test("a refused form is shown again (422) with what was typed and the error next to it, in the form's words")
    func refusedForm() async throws {
        let fixture = try TreasurerFixture()
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let token = try fixture.csrf(tess)
            let bad = try await tess.post(
                "/expenses?tour=east",
                form: [
                    ("_csrf", token), ("date", "2014-06-07"), ("category", "fuel"), ("amount", "12.345"),
                    ("note", "fill-up <Tuesday>"),
                ], client)
            #expect(bad.status == .unprocessableContent)
            let html = bad.text
            #expect(
                html.contains(
                    "<p class=\"notice error\" role=\"alert\" id=\"form-error\"><strong>Not saved:</strong> Amount"))
            #expect(html.contains("<strong>The expense was not added:</strong> Amount"))
            #expect(html.contains("12.345"))
            #expect(html.contains("name=\"amount\" type=\"text\" value=\"12.345\""))
            #expect(html.contains("value=\"fill-up &lt;Tuesday&gt;\""))
            #expect(html.contains("<option value=\"fuel\" selected>Fuel</option>"))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(!html.contains("--amount"))

            let missing = try await tess.post(
                "/expenses?tour=east", form: [("_csrf", token), ("category", "fuel"), ("amount", "5")], client)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("Date is missing."))

            let category = try await tess.post(
                "/expenses?tour=east",
                form: [("_csrf", token), ("date", "2014-06-07"), ("category", "snacks"), ("amount", "5")], client)
            #expect(category.status == .unprocessableContent)
            #expect(category.text.contains("Category &quot;snacks&quot;"))
            #expect(category.text.contains("<option value=\"snacks\" selected>Snacks</option>"))

            // Paid in euros without a rate to USD: refused like `budget actuals edit --currency EUR`.
            let euros = try await tess.post(
                "/expenses?tour=east",
                form: [
                    ("_csrf", token), ("date", "2014-06-07"), ("category", "fuel"), ("amount", "5"),
                    ("currency", "EUR"),
                ], client)
            #expect(euros.status == .unprocessableContent)

            let json = try await tess.post(
                "/expenses?tour=east", form: [("_csrf", token), ("category", "fuel"), ("amount", "5")], client,
                headers: [.accept: "application/json"])
            #expect(json.status == .unprocessableContent && json.text.contains("\"error\""))
            #expect(try await tess.post("/expenses?tour=west", form: [("_csrf", token)], client).status == .notFound)
        }
        #expect(try fixture.store.actuals(tour: "east").isEmpty)
    }

    @Test("a converted expense: €10.00 at 1.08 shows = $10.80 and counts $10.80 for fuel")
    func converted() async throws {
        let fixture = try TreasurerFixture()
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let token = try fixture.csrf(tess)
            let response = try await tess.post(
                "/expenses?tour=east",
                form: [
                    ("_csrf", token), ("date", "2014-06-07"), ("category", "fuel"), ("amount", "10"),
                    ("currency", "EUR"), ("rate", "1.08"),
                ], client)
            #expect(response.status == .seeOther)
            let html = try await tess.get("/expenses?tour=east", client).text
            #expect(html.contains("€10.00<br><span class=\"meta\">= $10.80 at 1.08</span>"))
            #expect(html.contains("<th scope=\"row\" role=\"rowheader\">Fuel</th>"))
            #expect(html.contains("<td role=\"cell\">$10.80</td>"))
        }
    }

    @Test("edit: the form starts with the expense; a change redirects; a bad date is refused with the typed value")
    func edit() async throws {
        let fixture = try TreasurerFixture()
        let id = try await fixture.addExpense(
            ActualExpenseChange(date: "2014-06-07", category: "lodging", trip: "Boston", amount: "700", note: "inn"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("olga", client)
            let token = try fixture.csrf(tess)
            let page = try await tess.get("/expenses/\(id.rawValue)/edit", client)
            #expect(page.status == .ok)
            #expect(page.text.contains("name=\"amount\" type=\"text\" value=\"700.00\""))
            #expect(page.text.contains("name=\"trip\" type=\"text\" value=\"Boston\""))
            #expect(page.text.contains("<option value=\"lodging\" selected>Lodging</option>"))
            let fields = [
                ("date", "2014-06-07"), ("category", "lodging"), ("amount", "650"), ("currency", "USD"),
                ("rate", ""), ("trip", "Boston"), ("note", "inn, one night less"),
            ]
            let saved = try await tess.post("/expenses/\(id.rawValue)", form: [("_csrf", token)] + fields, client)
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/expenses?tour=east&updated=\(id.rawValue)")
            let edited = try #require(try fixture.store.actual(id: id))
            #expect(edited.amount.formatted == "$650.00" && edited.note == "inn, one night less")
            #expect(
                try await tess.get("/expenses?tour=east&updated=\(id.rawValue)", client).text.contains(
                    "Saved expense \(id.rawValue): Sat 7 Jun 2014, lodging $650.00, trip Boston."))

            var badDate = fields
            badDate[0] = ("date", "2014-02-30")
            let refused = try await tess.post("/expenses/\(id.rawValue)", form: [("_csrf", token)] + badDate, client)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Not saved:</strong> Date &quot;2014-02-30&quot;"))
            #expect(refused.text.contains("value=\"2014-02-30\""))
            #expect(try fixture.store.actual(id: id)?.date.description == "2014-06-07")
        }
    }

    @Test("expense ids: unknown, not a number or not canonical are 404")
    func notFound() async throws {
        let fixture = try TreasurerFixture()
        try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "10"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let token = try fixture.csrf(tess)
            for id in ["999", "abc", "01", "-1", "0", "1.0"] {
                #expect(try await tess.get("/expenses/\(id)/edit", client).status == .notFound, "\(id)")
                #expect(
                    try await tess.post("/expenses/\(id)/delete", form: [("_csrf", token), ("confirm", "yes")], client)
                        .status == .notFound, "\(id)")
            }
            let page = try await tess.get("/expenses/999/edit", client)
            #expect(page.text.contains("There is no expense &quot;999&quot;."))
            #expect(try await tess.get("/expenses?tour=west", client).status == .notFound)
        }
        #expect(try fixture.store.actuals(tour: "east").count == 1)
    }

    @Test("the add form with a receipt: stored with the expense; a wrong file refuses both (415) and keeps the values")
    func addWithReceipt() async throws {
        let fixture = try TreasurerFixture()
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let token = try fixture.csrf(tess)
            let fields = [
                ("_csrf", token), ("date", "2014-06-07"), ("category", "lodging"), ("amount", "120"),
                ("currency", "USD"), ("rate", ""), ("trip", ""), ("note", "motel"),
            ]
            let wrong = TestUpload(fileName: "notes.txt", contentType: "text/plain", data: Data("not a receipt".utf8))
            let refused = try await tess.postMultipart("/expenses?tour=east", fields: fields, file: wrong, client)
            #expect(refused.status == .unsupportedMediaType)
            #expect(refused.text.contains("Receipt: the receipt is not a PDF, JPEG, PNG or HEIC file."))
            #expect(refused.text.contains("value=\"motel\""))
            #expect(try fixture.store.actuals(tour: "east").isEmpty)

            let png = TestUpload(fileName: "motel.png", contentType: "image/png", data: TreasurerFixture.png)
            let added = try await tess.postMultipart("/expenses?tour=east", fields: fields, file: png, client)
            #expect(added.status == .seeOther && added.headers[.location] == "/expenses?tour=east&added=1")
            let expense = try #require(try fixture.store.actuals(tour: "east").first)
            #expect(ReceiptStore.isStoredName(expense.receipt) && expense.note == "motel")
            #expect(try await tess.get("/expenses/1/receipt", client).status == .ok)
        }
    }

    @Test("CSV export: attachment expenses-east.csv, spreadsheet-safe cells")
    func csv() async throws {
        let fixture = try TreasurerFixture()
        try await fixture.addExpense(
            ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "10", note: "=HYPERLINK(\"x\")"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let response = try await tess.get("/expenses.csv?tour=east", client)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(response.headers[.contentDisposition] == "attachment; filename=\"expenses-east.csv\"")
            let lines = response.text.components(separatedBy: "\r\n")
            #expect(lines.first == "id,tour,date,category,trip,amount,currency,rate,budgetCurrency,receipt,note,source")
            #expect(lines.dropFirst().first?.hasPrefix("1,east,2014-06-07,fuel,,10.00,USD,,USD,MISSING,") == true)
            #expect(response.text.contains("\"'=HYPERLINK(\"\"x\"\")\""))
        }
    }
}
