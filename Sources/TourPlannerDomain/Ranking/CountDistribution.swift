import Foundation

/// The probability distribution of a count (0, 1, 2, …), stored from `offset` on: the values
/// below `offset` and past the end had a probability under ``CountDistribution/tolerance`` and
/// were dropped.
///
/// Binomial terms are computed in log space (`lgamma`), so a metro of 50,000 members neither
/// overflows nor underflows; a term is kept while it is at least `tolerance`, so the mass dropped
/// on each side of the mode is below `tolerance × n` and, in practice, below 1e-9.
struct CountDistribution: Hashable, Sendable {
    /// Terms smaller than this are dropped (each side of the mode stops at the first one).
    static let tolerance = 1e-13

    /// The count of `probabilities[0]`.
    var offset: Int
    var probabilities: [Double]

    /// A count that is certainly `value`.
    static func certain(_ value: Int) -> CountDistribution {
        CountDistribution(offset: value, probabilities: [1])
    }

    /// Binomial(n, p), truncated at ``tolerance`` on both sides of the mode.
    ///
    /// - Complexity: O(width of the kept support), at most O(n).
    static func binomial(trials n: Int, probability p: Double) -> CountDistribution {
        guard n > 0, p > 0 else { return .certain(0) }
        guard p < 1 else { return .certain(n) }
        let logP = log(p)
        let logQ = log1p(-p)
        let logNFactorial = logGamma(Double(n) + 1)
        func logTerm(_ k: Int) -> Double {
            logNFactorial - logGamma(Double(k) + 1) - logGamma(Double(n - k) + 1) + Double(k) * logP
                + Double(n - k) * logQ
        }
        let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
        let logTolerance = log(tolerance)
        var low = mode
        while low > 0, logTerm(low - 1) >= logTolerance { low -= 1 }
        var high = mode
        while high < n, logTerm(high + 1) >= logTolerance { high += 1 }
        let terms = (low...high).map { exp(logTerm($0)) }
        return CountDistribution(offset: low, probabilities: terms)
    }

    /// ln Γ(x) (the C library's `lgamma`, typed to pick the one-result overload).
    private static func logGamma(_ x: Double) -> Double {
        let value: Double = lgamma(x)
        return value
    }

    /// The distribution of the number of successes of independent trials with the given
    /// probabilities (Poisson-binomial), exactly, by dynamic programming.
    ///
    /// - Complexity: O(n²) for n trials.
    static func poissonBinomial(_ probabilities: [Double]) -> CountDistribution {
        var terms = [1.0]
        for p in probabilities {
            let q = min(max(p, 0), 1)
            var next = [Double](repeating: 0, count: terms.count + 1)
            for (k, term) in terms.enumerated() {
                next[k] += term * (1 - q)
                next[k + 1] += term * q
            }
            terms = next
        }
        return CountDistribution(offset: 0, probabilities: terms)
    }

    /// The distribution of the sum of two independent counts.
    ///
    /// - Complexity: O(a·b) for supports of widths a and b.
    func adding(_ other: CountDistribution) -> CountDistribution {
        var terms = [Double](repeating: 0, count: probabilities.count + other.probabilities.count - 1)
        for (i, a) in probabilities.enumerated() where a > 0 {
            for (j, b) in other.probabilities.enumerated() { terms[i + j] += a * b }
        }
        return CountDistribution(offset: offset + other.offset, probabilities: terms)
    }

    /// P(count = value).
    func probability(of value: Int) -> Double {
        let index = value - offset
        return probabilities.indices.contains(index) ? probabilities[index] : 0
    }

    /// P(count ≥ value).
    func probability(atLeast value: Int) -> Double {
        let start = max(0, value - offset)
        guard start < probabilities.count else { return 0 }
        return probabilities[start...].reduce(0, +)
    }

    /// The mean count.
    var mean: Double {
        probabilities.enumerated().reduce(0) { $0 + Double($1.offset + offset) * $1.element }
    }

    /// Cumulative sums: `cumulative[i]` = P(count ≤ offset + i).
    var cumulative: [Double] {
        var sums: [Double] = []
        sums.reserveCapacity(probabilities.count)
        var total = 0.0
        for term in probabilities {
            total += term
            sums.append(total)
        }
        return sums
    }
}
