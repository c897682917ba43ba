import ArgumentParser
import Foundation
import TourPlanner

struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve", abstract: "Solve a TSPLIB, Solomon VRPTW or OPTW instance with the routing engine.",
        discussion: CommandHelp.solve)
    @Argument(help: "Instance file.") var file: String
    @Option(help: "Time limit in seconds.") var seconds = 1.0
    @Option(help: "Random seed.") var seed: UInt64 = 1
    func validate() throws { try usage { try SolveQuery.checkArguments(seconds: seconds) } }

    func run() async throws {
        let started = DispatchTime.now().uptimeNanoseconds
        let report = try await Planner.withoutStore().solve(
            SolveQuery(file: file, seconds: seconds, seed: seed, startedUptimeNanoseconds: started))
        print(try report.render(.table))
    }
}
