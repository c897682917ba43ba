import ArgumentParser
import BudgetTemplates
import Foundation
import TourPlanner

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on the bundled sample data.",
        discussion: """
            Import the bundled, fictional sample export → resolve places → rank metros → plan the 2014 East Coast tour
            from New York (Baltimore, Boston with Cambridge, Philadelphia, Washington DC) over summer 2014 weekends, by
            the default day rules with Friday evenings allowed as travel days →
            budget it with Budgets/east-coast-2014.toml → schedule the reminder calls and texts → write every
            result into DIR → add web app accounts (organizer, treasurer, a volunteer each) and print their one-time
            sign-in links. Runs offline; the database is DIR/tourplan.sqlite (use it with --db for any command, and
            with `tourplan serve --db`).
            """)

    @Option(help: "Folder for the demo's database and files.") var out = "demo-output"
    @Option(help: "The web app's address (the demo accounts' sign-in links start with it).")
    var baseURL = "http://127.0.0.1:8080"

    func run() async throws {
        let started = Date()
        let query = try DemoQuery(
            out: out, budgetTemplate: BudgetTemplates.url(of: "east-coast-2014"), baseURL: baseURL)
        print(try await Planner(store: nil, resources: try PlannerResources()).runDemo(query).render(.table))
        print(String(format: "\nDone in %.1f s.", Date().timeIntervalSince(started)))
    }
}
