import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Welcome links")
struct WelcomeTests {
    @Test("a welcome link sets the password once, signs in, and cannot be used again")
    func welcome() async throws {
        let fixture = try WebFixture()
        let issued = try fixture.accounts.add(
            name: "rosa", role: .volunteer, volunteer: "Rosa Demo", password: nil, now: fixture.clock.now)
        let link = try #require(issued.welcomeLink)
        #expect(link.hasPrefix("http://test.local/welcome/"))
        let path = String(link.dropFirst("http://test.local".count))
        try await fixture.test { client in
            let browser = Browser()
            let page = try await browser.get(path, client)
            #expect(page.status == .ok && page.text.contains("Welcome, <strong>rosa</strong>"))
            let csrf = try #require(Browser.csrf(in: page.text))
            let short = try await browser.post(
                path, form: [("_csrf", csrf), ("password", "short"), ("confirm", "short")], client)
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("at least 10 characters (it has 5)"))
            let csrf2 = try #require(browser.cookies["tp_csrf"])
            let set = try await browser.post(
                path,
                form: [("_csrf", csrf2), ("password", "a long new password"), ("confirm", "a long new password")],
                client)
            #expect(set.status == .seeOther && set.headers[.location] == "/calls")
            #expect(browser.cookies["tp_session"] != nil)
            #expect(try await Browser().get(path, client).status == .notFound)
            let other = Browser()
            #expect(try await other.signIn("rosa", password: "a long new password", client).status == .seeOther)
        }
    }

    @Test("a welcome link expires after 7 days")
    func expiry() async throws {
        let fixture = try WebFixture()
        let issued = try fixture.accounts.add(
            name: "ada", role: .organizer, volunteer: nil, password: nil, now: fixture.clock.now)
        let path = String(try #require(issued.welcomeLink).dropFirst("http://test.local".count))
        try await fixture.test { client in
            fixture.clock.advance(7 * 24 * 3600 - 1)
            #expect(try await client.execute(uri: path, method: .get).status == .ok)
            fixture.clock.advance(2)
            let expired = try await client.execute(uri: path, method: .get)
            #expect(expired.status == .notFound)
            #expect(expired.text.contains("unknown, already used or expired"))
        }
    }

    @Test("reset voids the old link and password and ends sessions")
    func reset() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("ada", role: .organizer)
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("ada", client)
            let issued = try fixture.accounts.reset(name: "ada", now: fixture.clock.now)
            #expect(issued.account.hasPassword == false)
            #expect(try await browser.get("/", client).headers[.location] == "/login")
            #expect(try await browser.signIn("ada", client).status == .unauthorized)
        }
    }
}
