import Foundation
import Testing

@testable import TourPlanner

@Suite("Planner.itinerary")
struct ItineraryUseCaseTests {
    @Test("a plan file is laid out day by day: 3 trips, in km by default, rendered as the itinerary's formats")
    func laysOutPlan() async throws {
        // Given the summer plan on disk and no store
        let folder = try TemporaryFolder()
        let path = try TestPlanner.writeSummerPlan(folder)
        // When
        let report = try await TestPlanner.withoutStore().itinerary(ItineraryQuery(planPath: path, title: "Summer"))
        // Then
        #expect(report.itinerary.trips.count == 3 && report.itinerary.units == .km && report.warnings.isEmpty)
        #expect(try report.render(.markdown) == report.itinerary.markdown())
        #expect(try report.render(.markdown).hasPrefix("# Summer\n"))
        #expect(try report.render(.ics) == report.itinerary.ics())
        #expect(try report.render(.json).hasSuffix("}\n"))
    }

    @Test("a budget template's total is shown and its units are the default; --units wins")
    func budgetTotalAndUnits() async throws {
        let folder = try TemporaryFolder()
        let plan = try TestPlanner.writeSummerPlan(folder)
        let template = try folder.write("t.toml", "units = \"miles\"\n" + BudgetTests.minimal)
        let planner = try TestPlanner.withoutStore()
        let report = try await planner.itinerary(ItineraryQuery(planPath: plan, budgetPath: template))
        let expected = BudgetCalculator.report(
            template: try BudgetTemplate.parse("units = \"miles\"\n" + BudgetTests.minimal, fileName: template),
            plan: try ItineraryTests.plan()
        ).total
        #expect(report.itinerary.budgetTotal == expected && report.itinerary.units == .mi)
        let km = try await planner.itinerary(ItineraryQuery(planPath: plan, units: .km, budgetPath: template))
        #expect(km.itinerary.units == .km)
    }

    @Test("a missing plan names the path and how to make one; a table is not an itinerary format")
    func errors() async throws {
        let planner = try TestPlanner.withoutStore()
        await #expect(
            throws: PlannerError(
                "nope.json: no such file", hint: "write a plan with `tourplan tour plan … --out nope.json`")
        ) {
            try await planner.itinerary(ItineraryQuery(planPath: "nope.json"))
        }
        let folder = try TemporaryFolder()
        let report = try await planner.itinerary(ItineraryQuery(planPath: try TestPlanner.writeSummerPlan(folder)))
        #expect(
            throws: PlannerError(
                "this report has no table form", hint: "use one of: markdown, html, ics, geojson, json")
        ) {
            try report.render(.table)
        }
    }
}
