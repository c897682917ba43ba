import ArgumentParser
import TourPlanner

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import member exports (CSV or XML).")
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Export files to import.") var files: [String]
    func run() async throws {
        throw ValidationError("not yet implemented")
    }
}
