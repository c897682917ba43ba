import ArgumentParser
import BudgetTemplates
import Foundation
import TourPlanner

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Run the whole pipeline on the bundled sample data.",
        discussion: CommandHelp.demo)
    @Option(help: "Folder for the demo's database and files.") var out = "demo-output"
    @Option(help: "The web app's address (the demo accounts' sign-in links start with it).")
    var baseURL = "http://127.0.0.1:8080"

    func run() async throws {
        let started = Date()
        let query = try DemoQuery(
            out: out, budgetTemplate: BudgetTemplates.url(of: "east-coast-2014"), baseURL: baseURL)
        print(try await Planner.withoutStore().runDemo(query).render(.table))
        print(String(format: "\nDone in %.1f s.", Date().timeIntervalSince(started)))
    }
}
