import ArgumentParser
import Foundation
import TourPlanner

struct MarkersCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "markers",
            abstract: "Progress toward the organization's founding markers.",
            discussion: """
                Online members, chapters that meet the definition (\(bundledRule)
                among those with a stated gender), and continents with such chapters, with what each
                near-miss chapter still needs. Targets and the definition come from a settings file
                (the bundled markers.toml unless --settings FILE is given).
                """)
    }

    /// The bundled settings' chapter rule, for the help text (the rule is configurable, so it is
    /// never written here). Help must always print: a broken bundle is reported by the command itself.
    static var bundledRule: String {
        do {
            return try MarkerSettings.loadBundled().chapterRule
        } catch {
            return "the bundled markers.toml's [chapter] rule"
        }
    }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Markers settings file (TOML; see README).") var settings: String?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Option(help: "A plan (PLAN.json): forecast the number of chapters after its trainings.") var forecast: String?
    @Option(help: "Metro radius in km (as for `rank`), to find each stop's members.") var radiusKm = 25.0
    @OptionGroup var places: PlaceOptions

    func run() async throws {
        let query = MarkersQuery(settingsFile: settings, forecastPlanFile: forecast, radiusKm: radiusKm)
        try printReport(try await database.planner(aliases: places.aliases).markers(query), format.rendering)
    }
}
