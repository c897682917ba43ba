import ArgumentParser
import TourPlanner

struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members", abstract: "Member totals and data-quality views.",
        discussion: CommandHelp.members,
        subcommands: [MembersConsentCommand.self])

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Show one breakdown.") var by: MemberBreakdown?
    @Option(help: "Number of rows per breakdown in the table view (0 = all).") var limit = 0
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Flag(help: "List members whose place did not resolve, with the reason and suggestions.") var unresolved = false
    @Option(help: "Metro radius in km for --by metro.") var radiusKm = MetroClustering.defaultRadiusKm
    @OptionGroup var places: PlaceOptions

    func validate() throws { try usage { try MembersQuery.checkArguments(limit: limit) } }

    func run() async throws {
        let query = MembersQuery(breakdown: by, limit: limit, unresolved: unresolved, radiusKm: radiusKm)
        try printReport(try await database.planner(aliases: places.aliases).members(query), format.rendering)
    }
}
