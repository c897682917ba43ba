import ArgumentParser
import TourPlanner

struct MarkersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markers", abstract: "Progress toward the organization's founding markers.",
        discussion: CommandHelp.markers)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Markers settings file (TOML; see README).") var settings: String?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Option(help: "A plan (PLAN.json): forecast the number of chapters after its trainings.") var forecast: String?
    @Option(help: "Metro radius in km (as for `rank`), to find each stop's members.")
    var radiusKm = MetroClustering.defaultRadiusKm
    @OptionGroup var places: PlaceOptions

    func run() async throws {
        let query = MarkersQuery(settingsFile: settings, forecastPlanFile: forecast, radiusKm: radiusKm)
        try printReport(try await database.planner(aliases: places.aliases).markers(query), format.rendering)
    }
}
