import Foundation
import Testing

@testable import TourPlanner

@Suite("Planner.budget")
struct BudgetUseCaseTests {
    static let cheaper = BudgetTests.minimal + "\n[scenarios.cheap-rooms]\nlodging = { per_night = 100 }\n"

    @Test("without a store nothing is created and no actuals are shown; lodging 3 × 2 × $120 = $720.00")
    func withoutStore() async throws {
        let folder = try TemporaryFolder()
        let template = try folder.write("t.toml", BudgetTests.minimal)
        let statement = try await TestPlanner.withoutStore().budget(BudgetQuery(templatePath: template))
        #expect(statement.actuals == nil && statement.comparison == nil && statement.notes.isEmpty)
        #expect(statement.budget.lines.first { $0.category == "lodging" }?.amount.formatted == "$720.00")
        #expect(try statement.render(.csv).contains("\r\nline,lodging,"))
        #expect(try statement.render(.markdown).hasPrefix("# "))
    }

    @Test("--compare: the scenario's lodging is 3 × 2 × $100 = $600.00, $120.00 less than the base")
    func compare() async throws {
        let folder = try TemporaryFolder()
        let template = try folder.write("t.toml", Self.cheaper)
        let statement = try await TestPlanner.withoutStore().budget(BudgetQuery(templatePath: template, compare: true))
        let reports = try #require(statement.comparison)
        #expect(reports.map { $0.scenario ?? "base" } == ["base", "cheap-rooms"])
        #expect(reports[1].lines.first { $0.category == "lodging" }?.amount.formatted == "$600.00")
        #expect((reports[1].total - reports[0].total).formatted == "−$120.00")
        let csv = try statement.render(.csv)
        #expect(csv.hasPrefix("scenario,total,difference,currency\r\nbase,"))
        #expect(csv.contains("\r\ncheap-rooms,") && csv.hasSuffix(",-120.00,USD\r\n"))
    }

    @Test("a store whose actuals are for another tour gives a note naming the recorded tours")
    func actualsOfAnotherTour() async throws {
        // Given a store with one expense for tour "west"
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        let expenses = try folder.write("e.csv", ActualsTests.header + "2014-06-07,fuel,,10.00,USD,,R-1\n")
        _ = try await planner.recordActuals(
            RecordActualsQuery(file: expenses, target: ActualsTarget(tour: "west", currency: "USD")))
        // When the budget of tour "t" (the template's name) is asked for
        let template = try folder.write("t.toml", BudgetTests.minimal)
        let statement = try await planner.budget(BudgetQuery(templatePath: template))
        // Then
        #expect(statement.actuals == nil)
        #expect(statement.notes == ["note: no actual expenses for tour t (recorded tours: west); see --tour"])
        // And with --tour west, the expense is shown against the plan
        let west = try await planner.budget(BudgetQuery(templatePath: template, tour: "west"))
        #expect(west.actuals?.actualTotal.formatted == "$10.00" && west.notes.isEmpty)
    }

    @Test("a missing template names the path and where templates live")
    func missingTemplate() async throws {
        let planner = try TestPlanner.withoutStore()
        await #expect {
            try await planner.budget(BudgetQuery(templatePath: "missing.toml"))
        } throws: { error in
            let error = try #require(error as? PlannerError)
            return error.message.hasPrefix("missing.toml: cannot be read")
                && error.hint?.contains("tourplan budget init --out FILE.toml") == true
        }
    }
}
