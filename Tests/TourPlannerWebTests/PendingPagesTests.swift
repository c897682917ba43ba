import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Pages not built yet: 501 with the CLI command, after the sign-in and role checks")
struct PendingPagesTests {
    @Test("a treasurer's /budget and /expenses are 501 naming the command; other roles' pages are 403")
    func treasurer() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("tess", role: .treasurer)
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let budget = try await tess.get("/budget", client)
            #expect(budget.status == .notImplemented)
            #expect(String(buffer: budget.body).contains("tourplan budget TEMPLATE --plan PLAN.json --compare"))
            #expect(try await tess.get("/expenses", client).status == .notImplemented)
            #expect(try await tess.get("/members", client).status == .forbidden)
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            #expect(try await rosa.get("/budget", client).status == .forbidden)
            let anonymous = try await client.execute(uri: "/expenses", method: .get)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/login")
        }
    }
}
