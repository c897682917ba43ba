import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

/// What the new-user check found: a day with nothing to do pointed nowhere, signing in forgot
/// the page, and a form sent after the session ended was a bare refusal that lost the note.
@Suite("New-user check: other days, returning after sign-in, a refused form keeps what was typed")
struct NewUserCheckTests {
    func makeFixture() throws -> WebFixture {
        let fixture = try WebFixture()
        try CallsFixture.seed(fixture.store)
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try fixture.addAccount("ada", role: .organizer)
        return fixture
    }

    @Test("a day with nothing to do links the nearest days with calls; every list has a day field")
    func otherDays() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let later = try await rosa.get("/calls?date=2014-06-20", client).text
            #expect(later.contains("<strong>Nothing to do on this day.</strong>"))
            #expect(
                later.contains(
                    "<a href=\"/calls?date=2014-06-05\">Still to do from an earlier day: Thu 5 Jun 2014</a> "
                        + "(3 calls and texts)"))
            #expect(!later.contains("Your next calls"))
            let earlier = try await rosa.get("/calls?date=2014-06-01", client).text
            #expect(earlier.contains("<a href=\"/calls?date=2014-06-05\">Your next calls: Thu 5 Jun 2014</a>"))
            // The day field: a GET form back to the same list, no volunteer field for a volunteer.
            #expect(earlier.contains("<form method=\"get\" action=\"/calls\" class=\"daypick\">"))
            #expect(earlier.contains("<label for=\"day\">Show another day</label>"))
            #expect(earlier.contains("name=\"date\" type=\"date\" value=\"2014-06-01\""))
            #expect(!earlier.contains("name=\"volunteer\""))
            let texts = try await rosa.get("/texts?date=2014-06-01", client).text
            #expect(texts.contains("<form method=\"get\" action=\"/texts\" class=\"daypick\">"))
            // A day with calls says nothing about other days.
            #expect(!(try await rosa.get("/calls?date=2014-06-05", client).text.contains("Nothing to do")))
            // An organizer's day field keeps the volunteer.
            let ada = Browser()
            try await ada.signIn("ada", client)
            let list = try await ada.get("/calls?date=2014-06-01&volunteer=Rosa%20Demo", client).text
            #expect(list.contains("<input type=\"hidden\" name=\"volunteer\" value=\"Rosa Demo\">"))
            #expect(list.contains("href=\"/calls?date=2014-06-05&amp;volunteer=Rosa%20Demo\""))
            // It names whose calls they are (not "Your calls")
            let day = try await ada.get("/calls?date=2014-06-05&volunteer=Rosa%20Demo", client).text
            #expect(day.contains("Calls of Rosa Demo for <strong>Thu 5 Jun 2014</strong>: "))
            #expect(!day.contains("Your calls"))
        }
    }

    @Test("the library's nearest days: counts per day, none on either side")
    func pendingDays() {
        let day = { (d: Int) in CalendarDate(year: 2014, month: 6, day: d) }
        let days = PendingCallDays(around: day(10), days: [day(3), day(8), day(8), day(10), day(12), day(20)])
        #expect(days.before == day(8) && days.beforeCount == 2)
        #expect(days.after == day(12) && days.afterCount == 1)
        let none = PendingCallDays(around: day(10), days: [day(10)])
        #expect(none.before == nil && none.after == nil && none.beforeCount == 0 && none.afterCount == 0)
    }

    @Test("an anonymous page goes to /login?next=PAGE and signing in returns there; JSON and POST do not")
    func returnAfterSignIn() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let anonymous = try await client.execute(uri: "/calls?date=2014-06-05", method: .get)
            #expect(anonymous.headers[.location] == "/login?next=%2Fcalls%3Fdate%3D2014-06-05")
            let browser = Browser()
            let login = try await browser.get("/login?next=%2Fcalls%3Fdate%3D2014-06-05", client).text
            #expect(login.contains("<input type=\"hidden\" name=\"next\" value=\"/calls?date=2014-06-05\">"))
            let signedIn = try await browser.post(
                "/login",
                form: [
                    ("_csrf", browser.cookies["tp_csrf"] ?? ""), ("username", "rosa"),
                    ("password", WebFixture.password), ("next", "/calls?date=2014-06-05"),
                ], client)
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/calls?date=2014-06-05")
            // Signed in already: /login?next= goes straight there.
            let again = try await browser.get("/login?next=%2Fcalls%3Fdate%3D2014-06-01", client)
            #expect(again.headers[.location] == "/calls?date=2014-06-01")
            // A wrong password keeps the page to return to.
            let wrong = Browser()
            _ = try await wrong.get("/login", client)
            let refused = try await wrong.post(
                "/login",
                form: [
                    ("_csrf", wrong.cookies["tp_csrf"] ?? ""), ("username", "rosa"), ("password", "nope"),
                    ("next", "/texts"),
                ], client)
            #expect(refused.status == .unauthorized)
            #expect(refused.text.contains("name=\"next\" value=\"/texts\""))
            // The home page needs no next.
            #expect(try await client.execute(uri: "/", method: .get).headers[.location] == "/login")
        }
    }

    @Test(
        "open redirects: a next or Referer that leaves the site (//, \\, a scheme, a control character) is never used",
        arguments: [
            "//evil.example/calls", "https://evil.example/", "/\\evil.example", "http:/evil.example", "evil.example",
            "/calls\r\nLocation: https://evil.example", "/login", "/logout", "/welcome/abc", "",
            "javascript:alert(1)", "/%2F%2Fevil.example" + String(repeating: "x", count: 2_000),
        ])
    func openRedirect(next: String) async throws {
        #expect(LocalPath.safe(next) == nil, "\(next)")
        let fixture = try makeFixture()
        try await fixture.test { client in
            let browser = Browser()
            let login = try await browser.get("/login?next=" + QueryValue.escape(next), client).text
            #expect(!login.contains("name=\"next\""))
            let signedIn = try await browser.post(
                "/login",
                form: [
                    ("_csrf", browser.cookies["tp_csrf"] ?? ""), ("username", "rosa"),
                    ("password", WebFixture.password), ("next", next),
                ], client)
            #expect(signedIn.headers[.location] == "/calls", "\(next)")
        }
    }

    @Test("local paths are kept as given; a Referer keeps only its path and query, whatever its host")
    func localPaths() {
        #expect(
            LocalPath.safe("/calls?date=2014-06-05&volunteer=Rosa%20Demo")
                == "/calls?date=2014-06-05&volunteer=Rosa%20Demo")
        #expect(LocalPath.safe("/expenses/3/edit") == "/expenses/3/edit")
        #expect(LocalPath.login(next: "/") == "/login")
        #expect(LocalPath.login(next: "//evil.example") == "/login")
        #expect(LocalPath.login(next: "/tours/east") == "/login?next=%2Ftours%2Feast")
    }

    @Test("a form sent after the session ended: 403 page saying so, the note typed (escaped), sign in back to the page")
    func signedOutForm() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let token = try #require(Browser.csrf(in: try await rosa.get("/calls", client).text))
            // Signed out in another tab: the cookie is gone, the open page still has its form.
            _ = try await rosa.post("/logout", form: [("_csrf", token)], client)
            #expect(rosa.cookies["tp_session"] == nil)
            let path = TaskPathID.make(CallsFixture.taskID("1"))
            let refused = try await rosa.post(
                "/calls/\(path)/outcome",
                form: [
                    ("_csrf", token), ("date", "2014-06-05"), ("outcome", "reached"),
                    ("note", "Call back after 5pm <script>alert(1)</script> & rides"),
                ], client, headers: [.referer: "http://spoofed.example/calls?date=2014-06-05"])
            #expect(refused.status == .forbidden)
            let html = refused.text
            #expect(html.contains("You are signed out, so this was not saved."))
            #expect(html.contains("<h2 id=\"typed-heading\">What you typed</h2>"))
            #expect(
                html.contains(
                    "<dt>Note</dt><dd>Call back after 5pm &lt;script&gt;alert(1)&lt;/script&gt; &amp; rides</dd>"))
            #expect(!html.contains("<script>alert"))
            // The way back is this site's sign-in, returning to the page (the Referer's path only).
            #expect(html.contains("<a href=\"/login?next=%2Fcalls%3Fdate%3D2014-06-05\">Sign in again</a>"))
            #expect(!html.contains("spoofed.example"))
            #expect(try CallsFixture.outcomes(fixture.store, task: CallsFixture.taskID("1")).isEmpty)
            // The JSON answer is the same refusal.
            let json = try await rosa.post(
                "/calls/\(path)/outcome", form: [("_csrf", token), ("outcome", "reached")], client,
                headers: [.accept: "application/json"])
            #expect(json.status == .forbidden && json.text.contains("\"error\" : \"You are signed out"))
        }
    }

    @Test("a form of an earlier session (signed out and in again in another tab): 403 page, reload link, nothing saved")
    func staleToken() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let old = try #require(Browser.csrf(in: try await rosa.get("/calls", client).text))
            _ = try await rosa.post("/logout", form: [("_csrf", old)], client)
            try await rosa.signIn("rosa", client)
            let path = TaskPathID.make(CallsFixture.taskID("1"))
            let refused = try await rosa.post(
                "/calls/\(path)/outcome",
                form: [("_csrf", old), ("date", "2014-06-05"), ("outcome", "voicemail"), ("note", "left a message")],
                client, headers: [.referer: "http://127.0.0.1:8080/calls?date=2014-06-05"])
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("This form has expired or did not come from this site, so it was not saved."))
            #expect(refused.text.contains("<dd>left a message</dd>"))
            #expect(refused.text.contains("<a href=\"/calls?date=2014-06-05\">Reload the page</a>"))
            // Signed in: the header and sign-out, no sign-in link.
            #expect(refused.text.contains("Signed in as <strong>rosa</strong>") && !refused.text.contains(">Sign in<"))
            #expect(try CallsFixture.outcomes(fixture.store, task: CallsFixture.taskID("1")).isEmpty)
            // No Referer (or one of another scheme): the first page.
            let bare = try await rosa.post(
                "/calls/\(path)/outcome", form: [("_csrf", "guess"), ("outcome", "voicemail")], client)
            #expect(bare.text.contains("<a href=\"/\">Back to your first page</a>"))
            #expect(!bare.text.contains("What you typed"))
        }
    }

    @Test("a spoofed Host header never reaches a welcome link: the links use the configured address")
    func hostSpoof() async throws {
        let fixture = try makeFixture()
        let host = try #require(HTTPField.Name("Host"))
        let forwarded = try #require(HTTPField.Name("X-Forwarded-Host"))
        try await fixture.test { client in
            let ada = Browser()
            try await ada.signIn("ada", client, headers: [host: "evil.example"])
            let token = try #require(
                Browser.csrf(in: try await ada.get("/users", client, headers: [host: "evil.example"]).text))
            let added = try await ada.post(
                "/users", form: [("_csrf", token), ("name", "vera"), ("role", "treasurer")], client,
                headers: [host: "evil.example", forwarded: "evil.example"])
            let location = try #require(added.headers[.location])
            let page = try await ada.get(location, client, headers: [host: "evil.example"]).text
            #expect(page.contains("/welcome/") && !page.contains("evil.example"))
        }
    }

    @Test("a 0-byte receipt is refused as empty, and the top of the edit page says the receipt was not stored")
    func emptyReceipt() async throws {
        let fixture = try TreasurerFixture()
        let id = try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "42"))
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let empty = TestUpload(fileName: "receipt.pdf", contentType: "application/pdf", data: Data())
            let refused = try await tess.postMultipart(
                "/expenses/\(id.rawValue)/receipt", fields: [("_csrf", try fixture.csrf(tess))], file: empty, client)
            #expect(refused.status == .unsupportedMediaType)
            let html = refused.text
            #expect(html.contains("Receipt: the receipt file is empty (0 bytes)."))
            #expect(!html.contains("is not a PDF"))
            // Above the expense's form, which fills the first screen of a phone.
            let top = try #require(html.range(of: "<strong>The receipt was not stored.</strong>"))
            let form = try #require(html.range(of: "<h2 id=\"edit-heading\">"))
            #expect(top.lowerBound < form.lowerBound)
            #expect(html.contains("<a href=\"#receipt-file\">See why at the receipt field below</a>"))
        }
    }

    @Test("member names in call and text headings are isolated (<bdi>), so an Arabic or Hebrew name keeps its order")
    func isolatedNames() async throws {
        let fixture = try makeFixture()
        try await fixture.store.writer.write { db in
            try db.execute(sql: "UPDATE members SET firstName = 'محمد' WHERE id = '1'")
        }
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let page = try await rosa.get("/calls?date=2014-06-05", client).text
            #expect(page.contains("Call <bdi>محمد</bdi></h2>"))
        }
    }
}
