import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("The demo's saved tour on /budget")
struct BudgetDemoTests {
    @Test("the demo saves its plan and template as tour east-coast-2014, so /budget shows its scenarios")
    func demoTour() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("budget-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let template = try String(
            contentsOf: root.appendingPathComponent("Budgets/east-coast-2014.toml"), encoding: .utf8)
        let planner = Planner(store: nil, resources: try PlannerResources())
        let demo = try await planner.runDemo(
            DemoQuery(out: folder.appendingPathComponent("demo").path, budgetTemplateText: template))
        let store = try TourDatabase.openOrCreate(path: demo.databasePath)
        let tour = try #require(try store.savedTour(named: Planner.demoTourName))
        #expect(tour.plan?.trips.count == demo.plan.trips.count && tour.templateText == template)
        #expect(tour.templateFile == "Budgets/east-coast-2014.toml")
        let fixture = try WebFixture(store: store)
        try fixture.addAccount("tess", role: .treasurer)
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let html = try await tess.get("/budget", client).text
            #expect(html.contains("<h2 id=\"tour-heading\">Tour east-coast-2014</h2>"))
            #expect(html.contains("Costed from the tour") && html.contains("saved plan.") && !html.contains("no plan"))
            // the base total is the demo's own budget total, in the first column
            #expect(html.contains("<th scope=\"row\">Total</th><td>\(demo.budget.total.formatted)</td>"))
            #expect(html.contains("<th scope=\"col\">donated-van</th>"))
        }
    }
}
