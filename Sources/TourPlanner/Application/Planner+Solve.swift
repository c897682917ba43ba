import Foundation

extension Planner {
    /// Solves a routing benchmark instance with the engine, stopping a little before the time limit
    /// (a margin for output and process exit).
    ///
    /// - Throws: `PlannerError` for an unreadable file or a VRPTW instance without a feasible
    ///   solution; `RoutingError` for a file that is no known instance.
    public func solve(_ query: SolveQuery) async throws -> SolveReport {
        let started = query.startedUptimeNanoseconds
        let budget = UInt64(max(0.05, query.seconds * 0.95 - 0.03) * 1e9)
        let shouldStop = { DispatchTime.now().uptimeNanoseconds - started >= budget }
        let text = try PlannerFiles.read(query.file, hint: "check the path")
        switch try RoutingInstance.parse(text, fileName: query.file) {
        case .tsp(let instance):
            let result = TSPSolver().solve(
                matrix: instance.distanceMatrix(), coordinates: Array(zip(instance.x, instance.y)), seed: query.seed,
                shouldStop: shouldStop)
            return SolveReport(cost: "\(result.length)", routes: [result.tour.map { String(instance.ids[$0]) }])
        case .vrptw(let instance):
            guard let result = VRPTWSolver().solve(instance, seed: query.seed, shouldStop: shouldStop) else {
                throw PlannerError(
                    "\(query.file): no feasible solution found within the fleet of \(instance.vehicles)",
                    hint: "check the time windows and capacities")
            }
            return SolveReport(
                cost: String(format: "%.1f", Double(result.cost) / 10),
                routes: result.routes.map { $0.map(String.init) })
        case .optw(let instance):
            let result = OPTWSolver().solve(instance, seed: query.seed, shouldStop: shouldStop)
            return SolveReport(cost: "\(result.score)", routes: [result.route.map(String.init)])
        }
    }
}
