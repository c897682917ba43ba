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

    @Test(
        "the library's own errors are the user's to fix (422 with message and hint); the store's and the system's stay 500"
    )
    func userFacing() {
        #expect(ErrorPageMiddleware.isUserFacing(PlaceLookupError(failures: [])))
        #expect(ErrorPageMiddleware.isUserFacing(InvalidArgument("--date \"x\" is not a date")))
        #expect(!ErrorPageMiddleware.isUserFacing(StoreError.missing(path: "/tmp/x.sqlite")))
        #expect(!ErrorPageMiddleware.isUserFacing(CocoaError(.fileNoSuchFile)))
    }

    @Test("a ranking base that does not resolve (or holds a control character) is a 422 page saying so, not a 500")
    func placeThatDoesNotResolve() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("olga", role: .organizer)
        let export = FileManager.default.temporaryDirectory.appendingPathComponent("rank-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: export) }
        try "id,first_name,city,region,country\n1,Ana,Boston,MA,US\n2,Bo,Cambridge,MA,US\n".write(
            to: export, atomically: true, encoding: .utf8)
        let planner = Planner(store: fixture.store, resources: try PlannerResources())
        _ = try await planner.importMembers(ImportQuery(files: [export.path], now: WebFixture.start))
        try await fixture.test { client in
            let olga = Browser()
            try await olga.signIn("olga", client)
            for base in ["Nowhereville%20Zzyzx%2C%20QQ", "a%00b"] {
                let page = try await olga.get("/rank?base=\(base)", client)
                #expect(page.status == .unprocessableContent, "\(base)")
                #expect(page.text.contains("does not resolve") || page.text.contains("cannot be used"), "\(base)")
            }
        }
    }
}
