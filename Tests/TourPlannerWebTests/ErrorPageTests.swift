import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Error pages")
struct ErrorPageTests {
    @Test("a signed-in person's error page keeps their header, nav and sign-out, and offers no sign-in link")
    func signedIn() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let forbidden = try await rosa.get("/users", client)
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.text.contains("Signed in as <strong>rosa</strong>"))
            #expect(forbidden.text.contains(">Sign out</button>"))
            #expect(forbidden.text.contains("href=\"/calls\""))
            #expect(!forbidden.text.contains("href=\"/login\""))
            let missing = try await rosa.get("/no-such-page", client)
            #expect(missing.status == .notFound && missing.text.contains(">Sign out</button>"))
        }
    }

    @Test("an anonymous error page offers the sign-in link and no nav")
    func anonymous() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client in
            let missing = try await client.execute(uri: "/no-such-page", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("<a href=\"/login\">Sign in</a>"))
            #expect(!missing.text.contains("Sign out"))
        }
    }
}
