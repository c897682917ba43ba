import ArgumentParser
import TourPlanner

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run the whole pipeline on the bundled sample.")
    func run() async throws {}
}
