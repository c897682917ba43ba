import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Sign-in, sessions and sign-out")
struct SignInTests {
    @Test("the login page has the labelled fields, the button and a pre-session CSRF cookie")
    func loginPage() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let browser = Browser()
            let response = try await browser.get("/login", client)
            #expect(response.status == .ok)
            #expect(response.text.contains("<label for=\"username\">Username</label>"))
            #expect(response.text.contains("<label for=\"password\">Password</label>"))
            #expect(response.text.contains("<button type=\"submit\" class=\"primary\">Sign in</button>"))
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("tp_csrf=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            #expect(Browser.csrf(in: response.text) == browser.cookies["tp_csrf"])
        }
    }

    @Test("signing in makes a new HttpOnly, SameSite=Lax session and lands on the role's page")
    func signIn() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try await fixture.test { client in
            let browser = Browser()
            browser.cookies["tp_session"] = "planted-by-an-attacker"
            let response = try await browser.signIn("rosa", client)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/calls")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("tp_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            let id = try #require(browser.cookies["tp_session"])
            #expect(id != "planted-by-an-attacker" && id.count == 43)
            let session = try #require(try fixture.store.session(id: id, now: fixture.clock.now))
            #expect(session.account.name == "rosa")
            // Only the SHA-256 of the id is stored.
            let stored = try await fixture.store.writer.read { db in
                try String.fetchAll(db, sql: "SELECT idHash FROM sessions")
            }
            #expect(stored == [SecretDigest.hex(id)])
        }
    }

    @Test("--secure-cookies marks the cookies Secure")
    func secureCookies() async throws {
        var settings = WebFixture.testSettings()
        settings.secureCookies = true
        let fixture = try WebFixture(settings: settings)
        try fixture.addAccount("ada", role: .organizer)
        try await fixture.test { client in
            let browser = Browser()
            let response = try await browser.signIn("ada", client)
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("tp_session=") })
            #expect(cookie.contains("; Secure"))
        }
    }

    @Test("a wrong password is 401 and names neither which part was wrong")
    func wrongPassword() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("ada", role: .organizer)
        try await fixture.test { client in
            let browser = Browser()
            let response = try await browser.signIn("ada", password: "not the password", client)
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("Wrong username or password."))
            #expect(browser.cookies["tp_session"] == nil)
            let unknown = try await browser.signIn("nobody", client)
            #expect(unknown.status == .unauthorized)
        }
    }

    @Test("a disabled account cannot sign in and its sessions end")
    func disabled() async throws {
        let fixture = try WebFixture()
        let ada = try fixture.addAccount("ada", role: .organizer)
        try fixture.addAccount("bea", role: .organizer)
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("ada", client)
            try fixture.store.setDisabled(true, accountID: ada.id)
            #expect(try await browser.get("/", client).headers[.location] == "/login")
            #expect(try await browser.signIn("ada", client).status == .unauthorized)
        }
    }

    @Test("sign-out deletes the session server-side: the old cookie stops working")
    func signOut() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("ada", role: .organizer)
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("ada", client)
            let id = try #require(browser.cookies["tp_session"])
            let csrf = try #require(try fixture.store.session(id: id, now: fixture.clock.now)).csrfToken
            let response = try await browser.post("/logout", form: [("_csrf", csrf)], client)
            #expect(response.status == .seeOther && response.headers[.location] == "/login")
            #expect(browser.cookies["tp_session"] == nil)
            #expect(try fixture.store.session(id: id, now: fixture.clock.now) == nil)
            // Replaying the old cookie: anonymous again.
            let replay = Browser(cookies: ["tp_session": id])
            #expect(try await replay.get("/", client).headers[.location] == "/login")
        }
    }

    @Test("a session ends after the idle timeout; views inside the touch interval do not write")
    func idleExpiry() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("ada", role: .organizer)
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("ada", client)
            let id = try #require(browser.cookies["tp_session"])
            // Given a view 60 s later (inside the 300 s touch interval): nothing written.
            fixture.clock.advance(60)
            #expect(try await browser.get("/", client).headers[.location] == "/calls")
            let first = try #require(try fixture.store.session(id: id, now: fixture.clock.now))
            #expect(first.lastSeenAt == WebFixture.start)
            // A view 400 s after sign-in touches it: expiry moves to 400 + 8 h.
            fixture.clock.advance(340)
            _ = try await browser.get("/", client)
            let touched = try #require(try fixture.store.session(id: id, now: fixture.clock.now))
            #expect(touched.lastSeenAt == WebFixture.start.addingTimeInterval(400))
            #expect(touched.expiresAt == WebFixture.start.addingTimeInterval(400 + 8 * 3600))
            // Then 8 h without a request: the session is over.
            fixture.clock.advance(8 * 3600)
            #expect(try await browser.get("/", client).headers[.location] == "/login")
        }
    }

    @Test("anonymous: a page answers 303 to /login, a JSON request 401")
    func anonymous() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .seeOther && page.headers[.location] == "/login")
            let json = try await client.execute(uri: "/", method: .get, headers: [.accept: "application/json"])
            #expect(json.status == .unauthorized)
            #expect(json.text.contains("\"error\" : \"Sign in first.\""))
        }
    }
}
