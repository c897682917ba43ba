import Foundation

/// Vehicle routing with time windows (Solomon), minimising total distance within the fleet.
///
/// Construction: cheapest feasible insertion (`construct`, with a fleet reduction when greedy
/// insertion needs more routes than the fleet). Improvement: Slack Induction by String Removals
/// (`VRPTWStringRemoval`) under simulated annealing — a candidate replaces the current solution
/// when its cost is below current − T·ln U — and the granular local search of `VRPTWLocalSearch`
/// on every new best. The temperature falls geometrically from `hot` to `cold` over a cycle of
/// iterations; each cycle restarts from the best solution and is twice as long as the one before.
/// The schedule counts iterations, not time: the run is deterministic for a seed and a sequence of
/// `shouldStop` answers (with a clock deadline only the number of iterations varies).
/// One iteration costs O(n) for the ruin plus O(removed × n) O(1)-checks for the recreate.
/// Distances and times are in tenths (truncated), the literature's convention for the optima.
package struct VRPTWSolver: Sendable {
    /// Start and end temperature of each annealing cycle, in tenths of distance.
    var hot = 100.0
    var cold = 1.0
    /// Iterations of the first cycle.
    var firstCycle = 4000
    /// SISR's c̄ (mean removed customers), L_max (longest string) and split depth β in thousandths.
    var averageRemoved = 10.0
    var maxString = 10.0
    var blinkPerMille: UInt64 = 10
    var splitDepthPerMille: UInt64 = 10
    /// Granular neighbourhood size of the local search.
    var neighbours = 30

    /// Creates a solver with the default search parameters.
    package init() {}

    /// - Returns: routes of customer numbers and the total distance in tenths; nil when a customer
    ///   cannot be served even alone, or the construction has not fitted the fleet when `shouldStop`
    ///   first answers true.
    package func solve(_ instance: VRPTWInstance, seed: UInt64, shouldStop: () -> Bool) -> (routes: [[Int]], cost: Int)?
    {
        let p = VRPTWProblem(instance)
        if p.n < 2 { return ([], 0) }
        if p.vehicles < 1 { return nil }
        var random = SplitMix64(seed: seed)
        var removal = VRPTWStringRemoval(p)
        removal.averageRemoved = averageRemoved
        removal.maxString = maxString
        removal.blinkPerMille = blinkPerMille
        removal.splitDepthPerMille = splitDepthPerMille
        guard var current = construct(p, &removal, &random, shouldStop) else { return nil }
        var search = VRPTWLocalSearch(p)
        search.neighbours = neighbours
        search.improve(&current, p, &random)
        current.clearTouched()
        var best = current, candidate = current
        var cycleLength = max(1, firstCycle), step = 0
        let ratio = cold / hot
        while !shouldStop() {
            if step == cycleLength {
                step = 0
                cycleLength *= 2
                current = best
                candidate = best
            }
            let temperature = hot * pow(ratio, Double(step) / Double(cycleLength))
            step += 1
            removal.ruin(&candidate, p, &random)
            let threshold = Double(current.total) - temperature * log(Double((random.next() >> 11) + 1) * 0x1p-53)
            if removal.recreate(&candidate, p, &random) && Double(candidate.total) < threshold {
                if candidate.total < best.total { search.improve(&candidate, p, &random) }
                current.synchronise(with: &candidate)
                if current.total < best.total { best = current }
            } else {
                candidate.synchronise(with: &current)
            }
        }
        assert((0..<best.slots).allSatisfy { best.isFeasible($0, p) }, "an infeasible route was accepted")
        let routes = (0..<best.slots).filter { best.length[$0] > 0 }.map { best.customers($0) }
        return (routes, best.total)
    }
}
