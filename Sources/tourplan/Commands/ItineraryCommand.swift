import ArgumentParser
import Foundation
import TourPlanner

struct ItineraryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "itinerary",
        abstract: "Itineraries people can print, import and open on a map.",
        discussion: """
            md and html: per trip and day, every drive, training and night (html is one self-contained printable file
            with an offline SVG route map); ics: RFC 5545 calendar with time zones and stable UIDs; geojson: RFC 7946
            points and lines; json: the itinerary for other programs (README "Itinerary JSON").
            """)

    enum Format: String, CaseIterable, ExpressibleByArgument { case md, html, ics, geojson, json }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The plan (from `tourplan tour plan`).") var plan: String
    @Option(help: "Output format.") var format: Format = .md
    @Option(help: "Output file (default: standard output).") var out: String?
    @Option(help: "Distances in km or mi (default: the budget template's units, else km).") var units: UnitsOption?
    @Option(help: .hidden) var trainingStart: String?
    @Option(help: "A budget template: its total is shown in the summary.") var budget: String?
    @Option(help: "Title.") var title = "Chapter-building tour"

    func validate() throws {
        if let trainingStart {
            throw ValidationError(
                "--training-start \(trainingStart): the itinerary now takes every time from the plan; re-plan with `tourplan tour plan … --training-start \(trainingStart)` instead"
            )
        }
    }

    func run() async throws {
        try OutputPath.check(
            out,
            against: [OutputPath.Input("--plan", plan), OutputPath.Input("--budget", budget)]
                + OutputPath.store(database))
        let tourPlan = try PlanFile.load(plan)
        var budgetTotal: Money?
        var templateUnits: Itinerary.Units?
        if let budget {
            guard let text = try? String(contentsOfFile: budget, encoding: .utf8) else {
                throw CLIError("\(budget): cannot be read", hint: "check the --budget path")
            }
            let template = try BudgetTemplate.parse(text, fileName: budget)
            budgetTotal = BudgetCalculator.report(template: template, plan: tourPlan).total
            templateUnits = template.units == .miles ? .mi : .km
        }
        // Venues and organizers from events added by hand (`tourplan events add`), when a store exists.
        var details: [String: Itinerary.StopDetails] = [:]
        if let store = try database.openIfPresent() {
            let events = try store.events()
            for event in events {
                details[event.metro] = Itinerary.StopDetails(venue: event.venue, organizer: event.organizer)
            }
            for conflict in Itinerary.startConflicts(plan: tourPlan, events: events) {
                FileHandle.standardError.write(Data("warning: \(conflict)\n".utf8))
            }
        }
        let itinerary = try Itinerary.make(
            plan: tourPlan, units: units?.units ?? templateUnits ?? .km, details: details,
            budgetTotal: budgetTotal, title: title)
        let text: String
        switch format {
        case .md: text = itinerary.markdown()
        case .html: text = itinerary.html(plan: tourPlan, map: RouteMap.loadBundled())
        case .ics: text = itinerary.ics()
        case .geojson: text = Itinerary.geoJSON(plan: tourPlan)
        case .json: text = try JSONOutput.encode(itinerary) + "\n"
        }
        if let out {
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                throw CLIError("\(out): cannot be written", hint: "check the --out path")
            }
            print("\(format.rawValue) itinerary written to \(out)")
        } else {
            print(text, terminator: "")
        }
    }
}

/// `--units km|mi`.
enum UnitsOption: String, CaseIterable, ExpressibleByArgument {
    case km, mi
    var units: Itinerary.Units { self == .km ? .km : .mi }
}
