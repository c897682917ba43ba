import ArgumentParser
import TourPlanner

struct RankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank metro areas by where a chapter-building training is most likely to produce a chapter.",
        discussion: CommandHelp.rank)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "Metro radius in km: cities closer than this merge into one metro.")
    var radiusKm = MetroClustering.defaultRadiusKm
    @Option(help: "The tour's base (a place, e.g. \"New York, NY\"); adds each metro's distance from it.") var base:
        String?
    @Option(help: "Show at most N metros.") var limit: Int?
    @Option(help: "Only metros in this country (ISO code, e.g. US).") var country: String?
    @Option(help: "Only metros with at least N unaffiliated members.") var minUnaffiliated = 0
    @Option(help: "Ranking weights file (TOML, [weights] table).") var weights: String?
    @Option(name: .customLong("weight"), help: "One weight, NAME=VALUE (repeatable; overrides the file).")
    var weightOverrides: [String] = []
    @Option(help: "Explain one metro: its score components and which members count (by id).") var explain: String?
    @Option(help: "Order: by score (default: unaffiliated members) or by the chance of founding a chapter.")
    var by: RankOrder = .score
    @Option(help: "Markers settings file (TOML): the chapter rule and the chapter model's rates.") var settings: String?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var places: PlaceOptions
    func validate() throws { _ = try query() }

    func query() throws -> RankQuery {
        try usage {
            try RankQuery(
                radiusKm: radiusKm, base: base, limit: limit, country: country, minUnaffiliated: minUnaffiliated,
                weightsFile: weights, weights: weightOverrides, explain: explain, order: by, settingsFile: settings)
        }
    }

    func run() async throws {
        let report = try await database.planner(aliases: places.aliases).rank(try query())
        if format != .json { printPlaces(report.resolved) }
        try printReport(report, format.rendering)
        if let failure = report.failure { throw failure.error }
    }
}
