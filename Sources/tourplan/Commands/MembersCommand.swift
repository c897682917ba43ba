import ArgumentParser
import TourPlanner

struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "members", abstract: "Member totals and data-quality views.")
    @OptionGroup var database: DatabaseOptions
    func run() async throws {
        _ = try database.open()
    }
}
