import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Security: CSRF, rate limit, headers, health")
struct SecurityTests {
    @Test("every response carries CSP, nosniff and Referrer-Policy, also errors and redirects")
    func headers() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            for uri in ["/healthz", "/login", "/", "/no-such-page", "/app.css"] {
                let response = try await client.execute(uri: uri, method: .get)
                let csp = try #require(response.headers[.contentSecurityPolicy], "\(uri)")
                #expect(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin")
            }
        }
    }

    @Test("/healthz is 200 when the store is open; an unknown path is a 404 page")
    func health() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok && health.text == "ok\n")
            let missing = try await client.execute(uri: "/no-such-page", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("<!doctype html>"))
        }
    }

    @Test("a POST without the CSRF token, or with a wrong one, is 403")
    func csrf() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("ada", role: .organizer)
        try await fixture.test { client in
            let browser = Browser()
            _ = try await browser.get("/login", client)
            let missing = try await browser.post(
                "/login", form: [("username", "ada"), ("password", WebFixture.password)], client)
            #expect(missing.status == .forbidden)
            let wrong = try await browser.post(
                "/login", form: [("_csrf", "guess"), ("username", "ada"), ("password", WebFixture.password)], client)
            #expect(wrong.status == .forbidden)
            // Signed in, the session's token is required: the pre-session one no longer counts.
            try await browser.signIn("ada", client)
            let logout = try await browser.post("/logout", form: [("_csrf", "guess")], client)
            #expect(logout.status == .forbidden)
            let noCookie = try await client.execute(uri: "/logout", method: .post)
            #expect(noCookie.status == .forbidden)
        }
    }

    @Test("after 3 failures an account is locked (429, even with the right password) for the window")
    func accountRateLimit() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("ada", role: .organizer)
        try await fixture.test { client in
            let browser = Browser()
            for _ in 1...3 {
                #expect(try await browser.signIn("ada", password: "wrong password!", client).status == .unauthorized)
            }
            #expect(try await browser.signIn("ada", client).status == .tooManyRequests)
            // Another account from the same address (3 failures, below its limit of 5) still works.
            try fixture.addAccount("bea", role: .treasurer)
            #expect(try await Browser().signIn("bea", client).status == .seeOther)
            // Once the 15-minute window is over, the account signs in again.
            fixture.clock.advance(15 * 60 + 1)
            #expect(try await Browser().signIn("ada", client).status == .seeOther)
        }
    }

    @Test("with --trust-proxy the address is the last X-Forwarded-For entry and is limited after 5 failures")
    func addressRateLimit() async throws {
        var settings = WebFixture.testSettings()
        settings.trustProxy = true
        let fixture = try WebFixture(settings: settings)
        try fixture.addAccount("ada", role: .organizer)
        try await fixture.test { client in
            let browser = Browser()
            let proxy: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.7, 203.0.113.9"]
            for name in ["u1", "u2", "u3", "u4", "u5"] {
                let response = try await browser.signIn(name, password: "x", client, headers: proxy)
                #expect(response.status == .unauthorized)
            }
            let locked = try await browser.signIn("ada", client, headers: proxy)
            #expect(locked.status == .tooManyRequests)
            // Another client address (the proxy's last hop differs) is not limited.
            let other: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.7, 203.0.113.10"]
            let elsewhere = try await browser.signIn("ada", client, headers: other)
            #expect(elsewhere.status == .seeOther)
        }
    }
}
