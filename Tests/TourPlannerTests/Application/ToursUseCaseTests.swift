import Foundation
import Testing

@testable import TourPlanner

@Suite("Planner: tours in the store")
struct ToursUseCaseTests {
    static let day = CalendarDate(year: 2014, month: 6, day: 7)

    /// A one-trip plan: New York → Boston on 2014-06-07, 350 km.
    static var plan: TourPlan {
        let stop = PlanStop(
            metro: "Boston", cities: ["Boston"], date: day, latitude: 42.36, longitude: -71.06,
            timeZone: "America/New_York", countryCode: "US", value: 29)
        return TourPlan(
            teams: [], trips: [Trip(team: "NY", start: day, end: day, stops: [stop], legs: [], nights: [])],
            totals: PlanTotals(km: 350, driveHours: 4, nightsAway: 0, trainings: 1),
            naive: NaivePlanTotals(km: 350, driveHours: 4, nightsAway: 0), unvisited: [])
    }

    /// Saves tour "east" (template and plan, two identical $42.50 fuel expenses) and tour "west"
    /// (plan only); returns the template's path and the first expense.
    static func eastAndWest(_ planner: Planner, _ folder: TemporaryFolder) async throws
        -> (template: String, first: ActualsChangeReport)
    {
        let template = try folder.write("t.toml", BudgetTests.minimal)
        _ = try await planner.saveTourBudget(templatePath: template, name: "east")
        _ = try await planner.saveTourPlan(Self.plan, name: "east", replacing: false)
        _ = try await planner.saveTourPlan(Self.plan, name: "west", replacing: false)
        let fields = ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "42.50")
        let first = try await planner.addExpense(tour: "east", fields: fields)
        _ = try await planner.addExpense(tour: "east", fields: fields)
        return (template, first)
    }

    @Test("tour names: letters, digits, - _ . up to 64; empty, spaces, slashes and a leading dot are refused")
    func names() throws {
        for good in ["east-coast-2014", "a", "T_1.b", String(repeating: "x", count: 64)] {
            try SavedTour.validate(name: good)
        }
        let refused: [(String, String)] = [
            ("", "tour name \"\" is empty"), ("a b", "tour name \"a b\" contains \" \""),
            ("../x", "tour name \"../x\" contains \"/\""), (".hidden", "tour name \".hidden\" starts with \".\""),
            (String(repeating: "x", count: 65), "is longer than 64 characters"),
        ]
        for (name, message) in refused {
            #expect {
                try SavedTour.validate(name: name)
            } throws: { error in
                (error as? PlannerError)?.message.hasSuffix(message) == true
            }
        }
    }

    @Test("saving a plan under a name that has one is refused unless replacing; the template in between is kept")
    func savePlanTwice() async throws {
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        let template = try folder.write("t.toml", BudgetTests.minimal)
        let budget = try await planner.saveTourBudget(templatePath: template, name: "east")
        #expect(budget.note == "note: saved the budget template as tour east" && !budget.replaced)
        // A tour saved with a budget only takes a plan without --replace.
        let first = try await planner.saveTourPlan(Self.plan, name: "east", replacing: false)
        #expect(first.note == "note: saved the plan as tour east")
        var other = Self.plan
        other.totals.km = 500
        await #expect {
            try await planner.saveTourPlan(other, name: "east", replacing: false)
        } throws: { error in
            let error = try #require(error as? PlannerError)
            return error.message
                == "tour \"east\" already has a saved plan (1 trip from 2014-06-07 to 2014-06-07); it was kept"
                && error.hint == "save under another name, or choose --replace to replace that plan"
        }
        #expect(throws: PlannerError.self) { try planner.checkTourSave(name: "east", replacing: false) }
        try planner.checkTourSave(name: "east", replacing: true)
        #expect(try planner.requireStore().savedTour(named: "east")?.plan?.totals.km == 350)
        let second = try await planner.saveTourPlan(other, name: "east", replacing: true)
        #expect(second.replaced)
        #expect(second.note == "note: saved the plan as tour east (replacing the plan saved before)")
        let saved = try #require(try planner.requireStore().savedTour(named: "east"))
        #expect(saved.plan?.totals.km == 500)
        #expect(saved.templateText == BudgetTests.minimal && saved.templateFile == template)
        #expect(try planner.requireStore().savedTours().map(\.name) == ["east"])
    }

    @Test("saving a budget under a name that has one is refused unless replacing; a plan-only tour takes one")
    func saveBudgetTwice() async throws {
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        let template = try folder.write("t.toml", BudgetTests.minimal)
        let other = try folder.write("u.toml", BudgetUseCaseTests.cheaper)
        // A tour saved with a plan only takes a budget without replacing.
        _ = try await planner.saveTourPlan(Self.plan, name: "east", replacing: false)
        let first = try await planner.saveTourBudget(templatePath: template, name: "east", replacing: false)
        #expect(first.note == "note: saved the budget template as tour east" && !first.replaced)
        await #expect {
            try await planner.saveTourBudget(templatePath: other, name: "east", replacing: false)
        } throws: { error in
            let error = try #require(error as? PlannerError)
            return error.message
                == "tour \"east\" already has a saved budget template (from \(template)); it was kept"
                && error.hint == "save under another name, or pass --replace to replace that template"
        }
        #expect(try planner.requireStore().savedTour(named: "east")?.templateText == BudgetTests.minimal)
        let second = try await planner.saveTourBudget(templatePath: other, name: "east", replacing: true)
        #expect(
            second.note == "note: saved the budget template as tour east (replacing the budget template saved before)")
        let saved = try #require(try planner.requireStore().savedTour(named: "east"))
        #expect(saved.templateText == BudgetUseCaseTests.cheaper && saved.templateFile == other)
        #expect(saved.plan?.totals.km == 350)
        #expect(throws: InvalidArgument.self) { try BudgetQuery.checkSave(nil, replacing: true) }
        try BudgetQuery.checkSave("east", replacing: true)
    }

    @Test("deleting a tour: refused while expenses belong to it (how many, who moves them); then plan and template go")
    func deleteTour() async throws {
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        let (template, first) = try await Self.eastAndWest(planner, folder)
        #expect {
            try planner.deleteSavedTour(name: "east")
        } throws: { error in
            let error = try #require(error as? PlannerError)
            return error.message == "tour \"east\" cannot be deleted: 2 recorded expenses belong to it"
                && (error.hint ?? "").hasPrefix("the treasurer must first move them to another tour or delete them; ")
        }
        #expect(try planner.requireStore().savedTour(named: "east") != nil)
        // Deleted expenses do not count; one left still blocks.
        _ = try planner.requireStore().deleteActuals([try #require(first.expenses.first?.id)])
        #expect { try planner.deleteSavedTour(name: "east") } throws: { error in
            (error as? PlannerError)?.message == "tour \"east\" cannot be deleted: 1 recorded expense belongs to it"
        }
        let remaining = try planner.requireStore().actuals(tour: "east")
        _ = try planner.requireStore().deleteActuals(remaining.compactMap(\.id))
        let deleted = try planner.deleteSavedTour(name: "east")
        #expect(
            try deleted.render(.table) == "deleted tour east: its plan (1 trip) and its budget template (\(template))\n"
        )
        #expect(try planner.requireStore().savedTours().map(\.name) == ["west"])
        #expect(try planner.deleteSavedTour(name: "west").removedParts == "its plan (1 trip)")
        #expect { try planner.deleteSavedTour(name: "west") } throws: { error in
            (error as? PlannerError)?.message == "there is no saved tour \"west\""
        }
    }

    @Test(
        "tour list: dates, trips, trainings, stops, template with currency and live expenses per tour; empty store says how"
    )
    func listTours() async throws {
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        #expect(try planner.savedTours().render(.table).hasPrefix("No saved tours. Save one with `tourplan tour plan"))
        let (template, first) = try await Self.eastAndWest(planner, folder)
        _ = try planner.requireStore().deleteActuals([try #require(first.expenses.first?.id)])
        let report = try planner.savedTours()
        #expect(report.tours.map(\.name) == ["east", "west"])
        #expect(report.tours.map(\.expenses) == [1, 0])
        #expect(report.tours.map(\.currency) == ["USD", nil])
        let table = try report.render(.table).split(separator: "\n").map {
            $0.split(separator: " ").joined(separator: " ")
        }
        #expect(table[0] == "tour dates trips trainings stops budget expenses")
        #expect(table[2] == "east 2014-06-07 to 2014-06-07 1 1 Boston \(template) (USD) 1")
        #expect(table[3] == "west 2014-06-07 to 2014-06-07 1 1 Boston - 0")
        #expect(
            try report.render(.csv).split(separator: "\r\n")[1]
                == "east,2014-06-07,2014-06-07,1,1,Boston,\(template),USD,1")
    }

    @Test("a template that does not parse is not saved")
    func badTemplateNotSaved() async throws {
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        let template = try folder.write("bad.toml", "currency = \"USD\"\n[lodging]\nper_night = \"lots\"\n")
        await #expect(throws: (any Error).self) {
            try await planner.saveTourBudget(templatePath: template, name: "bad")
        }
        #expect(try planner.requireStore().savedTours().isEmpty)
    }

    @Test("the budget page's report: the saved tour's base and scenarios side by side; lodging $720.00 vs $600.00")
    func tourBudgets() async throws {
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        let template = try folder.write("t.toml", BudgetUseCaseTests.cheaper)
        _ = try await planner.saveTourBudget(templatePath: template, name: "east")
        _ = try await planner.saveTourPlan(Self.plan, name: "plan-only", replacing: false)
        let report = try await planner.tourBudgets()
        #expect(report.tours.map(\.name) == ["east", "plan-only"])
        #expect(report.tours[1].statement == nil && report.tours[1].hasPlan)
        let comparison = try #require(report.tours[0].statement?.comparison)
        #expect(comparison.map { $0.scenario ?? "base" } == ["base", "cheap-rooms"])
        let lodging = comparison.map { $0.lines.first { $0.category == "lodging" }?.amount.formatted }
        #expect(lodging == ["$720.00", "$600.00"])
        let markdown = try report.render(.markdown)
        #expect(markdown.hasPrefix("## east\n\n"))
        #expect(markdown.hasSuffix("## plan-only\n\nNo budget template is saved for this tour."))
    }

    @Test("adding an expense: validated like `actuals edit`, recorded for the tour; the same one twice is two rows")
    func addExpense() async throws {
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        _ = try await planner.saveTourBudget(
            templatePath: try folder.write("t.toml", BudgetTests.minimal), name: "east")
        let fields = ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "42.50", receipt: "R-9")
        let added = try await planner.addExpense(tour: "east", fields: fields)
        #expect(added.action == .added && added.expenses.first?.amount.formatted == "$42.50")
        let line = try added.render(.table)
        #expect(line == "added #1: 2014-06-07 fuel $42.50, tour east, receipt R-9", "\(line)")
        _ = try await planner.addExpense(tour: "east", fields: fields)
        let listed = try await planner.actuals(tour: "east").expenses
        #expect(listed.map(\.occurrence) == [1, 2])
        // deleting the first and adding again does not revive the tombstone: a third row
        let firstID = try #require(listed.first?.id)
        _ = try await planner.deleteActuals([firstID])
        _ = try await planner.addExpense(tour: "east", fields: fields)
        #expect(try await planner.actuals(tour: "east").expenses.map(\.occurrence) == [2, 3])
        // the budget's variance for fuel: 3 × $42.50 recorded, one deleted = $85.00 actual
        let variance = try #require(try await planner.tourBudgets().tours.first?.statement?.actuals)
        #expect(variance.lines.first { $0.category == "fuel" }?.actual.formatted == "$85.00")
    }

    @Test("adding an expense: a bad amount gives the edit command's error; an unknown tour is named")
    func addExpenseErrors() async throws {
        let folder = try TemporaryFolder()
        let planner = try TestPlanner.withEmptyStore()
        _ = try await planner.saveTourBudget(
            templatePath: try folder.write("t.toml", BudgetTests.minimal), name: "east")
        await #expect {
            try await planner.addExpense(
                tour: "east", fields: ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "ten"))
        } throws: { error in
            let error = try #require(error as? BudgetError)
            return error.key == "--amount" && error.description.contains("\"ten\"")
        }
        await #expect {
            try await planner.addExpense(tour: "west", fields: ActualExpenseChange(date: "2014-06-07"))
        } throws: { error in
            (error as? PlannerError)?.message == "tour \"west\" is not a saved tour"
        }
        await #expect {
            try await planner.addExpense(tour: "east", fields: ActualExpenseChange(date: "2014-06-07"))
        } throws: { error in
            (error as? PlannerError)?.message == "--category is missing"
        }
        #expect(try await planner.actuals(tour: "east").expenses.isEmpty)
    }
}
