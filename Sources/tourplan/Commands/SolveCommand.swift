import ArgumentParser
import Foundation
import TourPlanner

struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a TSPLIB, Solomon VRPTW or OPTW instance with the routing engine.",
        discussion: """
            Detects the kind from the file. Prints `cost <number>` (TSP tour length in TSPLIB units; VRPTW total
            distance with distances and times truncated to 0.1; OPTW collected score), then one route per line as
            node ids — the contract of ../shared/bench/README.md, so the engine can be measured beside other solvers.
            """)

    @Argument(help: "Instance file.") var file: String
    @Option(help: "Time limit in seconds.") var seconds = 1.0
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func validate() throws {
        if !(seconds > 0) { throw ValidationError("--seconds must be more than 0 (got \(seconds))") }
    }

    func run() async throws {
        let started = DispatchTime.now().uptimeNanoseconds
        // Leave a margin for output and process exit.
        let budget = UInt64(max(0.05, seconds * 0.95 - 0.03) * 1e9)
        let shouldStop = { DispatchTime.now().uptimeNanoseconds - started >= budget }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw CLIError("\(file): cannot be read", hint: "check the path")
        }
        switch try RoutingInstance.parse(text, fileName: file) {
        case .tsp(let instance):
            let result = TSPSolver().solve(
                matrix: instance.distanceMatrix(), coordinates: Array(zip(instance.x, instance.y)), seed: seed,
                shouldStop: shouldStop)
            print("cost \(result.length)")
            print(result.tour.map { String(instance.ids[$0]) }.joined(separator: " "))
        case .vrptw(let instance):
            guard let result = VRPTWSolver().solve(instance, seed: seed, shouldStop: shouldStop) else {
                throw CLIError(
                    "\(file): no feasible solution found within the fleet of \(instance.vehicles)",
                    hint: "check the time windows and capacities")
            }
            print(String(format: "cost %.1f", Double(result.cost) / 10))
            for route in result.routes { print(route.map(String.init).joined(separator: " ")) }
        case .optw(let instance):
            let result = OPTWSolver().solve(instance, seed: seed, shouldStop: shouldStop)
            print("cost \(result.score)")
            print(result.route.map(String.init).joined(separator: " "))
        }
    }
}
