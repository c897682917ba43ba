import ArgumentParser
import TourPlanner

struct ItineraryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itinerary", abstract: "Itineraries people can print, import and open on a map.",
        discussion: CommandHelp.itinerary)

    enum Format: String, FormatChoice { case md, html, ics, geojson, json }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The plan (from `tourplan tour plan`).") var plan: String
    @Option(help: "Output format.") var format: Format = .md
    @Option(help: "Output file (default: standard output).") var out: String?
    @Option(help: "Distances in km or mi (default: the budget template's units, else km).") var units: Itinerary.Units?
    @Option(help: .hidden) var trainingStart: String?
    @Option(help: "A budget template: its total is shown in the summary.") var budget: String?
    @Option(help: "Title.") var title = "Chapter-building tour"
    func validate() throws { try usage { try ItineraryQuery.checkArguments(trainingStart: trainingStart) } }

    func run() async throws {
        try OutputFile.check(out, against: ["--plan": plan, "--budget": budget], store: database.resolvedPath)
        let planner = try database.planner(.ifPresent)
        let report = try await planner.itinerary(
            ItineraryQuery(planPath: plan, units: units, budgetPath: budget, title: title))
        for warning in report.warnings { printError("warning: \(warning)") }
        try printOutput(try report.render(format.rendering), to: out, isPrivate: false, what: "\(format) itinerary")
    }
}
