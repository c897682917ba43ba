import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("Planner actuals")
struct ActualsUseCaseTests {
    static let rows = "2014-06-07,fuel,Boston,10.00,USD,,R-1\n2014-06-08,lodging,Boston,120.00,USD,hotel,\n"

    @Test("recording a file reports what is new; recording it again adds nothing")
    func record() async throws {
        // Given an empty store and a file of two expenses, one without a receipt
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        let file = try folder.write("e.csv", ActualsTests.header + Self.rows)
        let query = RecordActualsQuery(file: file, target: ActualsTarget(tour: "west", currency: "USD"))
        // When it is recorded twice
        let first = try await planner.recordActuals(query)
        let second = try await planner.recordActuals(query)
        // Then
        #expect(first.read == 2 && first.result.added == 2 && first.withoutReceipt == 1)
        #expect(
            try first.render(.table)
                == "\(file): 2 expenses read for tour west: 2 new, 0 already recorded\n"
                + "1 without a receipt (see `tourplan budget actuals list --tour west`).")
        #expect(second.result.added == 0 && second.result.alreadyRecorded == 2)
        let list = try await planner.actuals(tour: "west")
        #expect(list.expenses.count == 2)
        #expect(try list.render(.table).hasSuffix("\n2 expenses, 1 without a receipt."))
    }

    @Test("a bad file records nothing and opens no store")
    func badFileOpensNoStore() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("e.csv", ActualsTests.header + "2014-06-07,fuel,,ten,USD,,R-1\n")
        let opened = OpenCount()
        await #expect(throws: (any Error).self) {
            try await TestPlanner.withoutStore().recordActuals(
                RecordActualsQuery(file: file, target: ActualsTarget(tour: "west", currency: "USD")),
                openStore: {
                    opened.count += 1
                    return try TourDatabase(try DatabaseQueue())
                })
        }
        #expect(opened.count == 0)
    }

    @Test("--tour alone takes the saved tour's currency; an unsaved tour or one without a template is named")
    func savedTourCurrency() async throws {
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        let template = try folder.write("t.toml", BudgetTests.minimal)
        _ = try await planner.saveTourBudget(templatePath: template, name: "east")
        _ = try await planner.saveTourPlan(ToursUseCaseTests.plan, name: "west", replacing: false)
        let file = try folder.write("e.csv", ActualsTests.header + Self.rows)
        let report = try await planner.recordActuals(
            RecordActualsQuery(file: file, target: ActualsTarget(tour: "east")))
        #expect(report.tour == "east" && report.result.added == 2)
        #expect(try planner.requireStore().actuals(tour: "east").map(\.budgetCurrency?.rawValue) == ["USD", "USD"])
        await #expect {
            try await planner.recordActuals(RecordActualsQuery(file: file, target: ActualsTarget(tour: "west")))
        } throws: { error in
            (error as? PlannerError)?.message
                == "tour \"west\" has no saved budget template, so its currency is unknown"
                && (error as? PlannerError)?.hint
                    == "give --currency CODE, or save one with `tourplan budget TEMPLATE --save west`"
        }
        await #expect {
            try await planner.recordActuals(RecordActualsQuery(file: file, target: ActualsTarget(tour: "north")))
        } throws: { error in (error as? PlannerError)?.message == "tour \"north\" is not a saved tour" }
        await #expect {
            try await TestPlanner.withoutStore().recordActuals(
                RecordActualsQuery(file: file, target: ActualsTarget(tour: "east")), existingStore: { nil })
        } throws: { error in
            (error as? PlannerError)?.message
                == "tour \"east\" is not a saved tour (there is no store yet), so its currency is unknown"
        }
    }

    @Test("--currency that differs from the budget's is refused, naming both")
    func currencyConflict() async throws {
        let folder = try TemporaryFolder()
        let template = try folder.write("west.toml", BudgetTests.minimal)
        let file = try folder.write("e.csv", ActualsTests.header + Self.rows)
        await #expect(
            throws: PlannerError(
                "--currency EUR differs from \(template)'s currency USD",
                hint: "leave out --currency; the budget's currency is used")
        ) {
            try await TestPlanner.withEmptyStore().recordActuals(
                RecordActualsQuery(file: file, target: ActualsTarget(budgetPath: template, currency: "EUR")))
        }
    }

    @Test("edit changes the given field; delete removes; an unknown id is named")
    func editAndDelete() async throws {
        // Given two recorded expenses (ids 1 and 2)
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        let file = try folder.write("e.csv", ActualsTests.header + Self.rows)
        _ = try await planner.recordActuals(
            RecordActualsQuery(file: file, target: ActualsTarget(tour: "west", currency: "USD")))
        // When the first one's amount is corrected
        let edited = try await planner.editActual(ExpenseID(rawValue: 1), change: ActualExpenseChange(amount: "12.50"))
        #expect(try edited.render(.table) == "updated #1: 2014-06-07 fuel $12.50, tour west, receipt R-1")
        // And the second is deleted
        let deleted = try await planner.deleteActuals([ExpenseID(rawValue: 2)])
        #expect(try deleted.render(.table) == "deleted #2: 2014-06-08 lodging $120.00, tour west, receipt missing")
        #expect(try await planner.actuals(tour: nil).expenses.count == 1)
        await #expect(
            throws: PlannerError(
                "expense #9 is not a recorded expense", hint: "see the ids with `tourplan budget actuals list`")
        ) {
            try await planner.editActual(ExpenseID(rawValue: 9), change: ActualExpenseChange(note: "x"))
        }
        // Deleting it again says it is already deleted and how to bring it back; an unknown id is named
        await #expect(
            throws: PlannerError(
                "expense #2 is already deleted", hint: "`tourplan budget actuals restore 2` brings it back")
        ) { try await planner.deleteActuals([ExpenseID(rawValue: 2)]) }
        await #expect(
            throws: PlannerError(
                "expense #9 is not a recorded expense", hint: "see the ids with `tourplan budget actuals list`")
        ) { try await planner.deleteActuals([ExpenseID(rawValue: 9)]) }
        // An id typed twice is deleted (and restored) once
        let twice = try await planner.deleteActuals([ExpenseID(rawValue: 1), ExpenseID(rawValue: 1)])
        #expect(twice.expenses.map(\.id) == [ExpenseID(rawValue: 1)])
        let back = try await planner.restoreActuals([
            ExpenseID(rawValue: 2), ExpenseID(rawValue: 1), ExpenseID(rawValue: 2),
        ])
        #expect(try back.render(.table).split(separator: "\n").map { $0.prefix(11) } == ["restored #2", "restored #1"])
        #expect(try await planner.actuals(tour: nil).expenses.count == 2)
    }
}

/// Counts calls of a test closure.
final class OpenCount {
    var count = 0
}
