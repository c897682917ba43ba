package import Foundation

extension Money {
    /// Splits `total` into parts proportional to `weights`, each a whole number of the
    /// currency's minor units, that sum exactly to `total` (rounded): the largest-remainder
    /// (Hamilton) method. Every part gets the floor of its exact share; the units left over go,
    /// one each, to the parts with the largest remainders, ties to the earlier part.
    ///
    /// Zero or negative weights count as zero; when every weight is zero the total is split
    /// equally. A negative total is split like its magnitude and negated.
    ///
    /// - Complexity: O(*n* log *n*) for *n* weights.
    package static func allocate(_ total: Money, proportionalTo weights: [Decimal]) -> [Money] {
        guard !weights.isEmpty else { return [] }
        let units = total.minorUnits
        let magnitude = Decimal(units < 0 ? -units : units)
        var positive = weights.map { max($0, 0) }
        var sum = positive.reduce(0, +)
        if sum == 0 {
            positive = weights.map { _ in 1 }
            sum = Decimal(weights.count)
        }
        var parts: [Int64] = []
        var remainders: [(remainder: Decimal, index: Int)] = []
        for (index, weight) in positive.enumerated() {
            var exact = magnitude * weight / sum
            var floor = Decimal()
            NSDecimalRound(&floor, &exact, 0, .down)
            parts.append(NSDecimalNumber(decimal: floor).int64Value)
            remainders.append((exact - floor, index))
        }
        var left = Int64(NSDecimalNumber(decimal: magnitude).int64Value) - parts.reduce(0, +)
        let order = remainders.sorted { ($0.remainder, -$0.index) > ($1.remainder, -$1.index) }
        var position = 0
        while left > 0 && !order.isEmpty {
            parts[order[position % order.count].index] += 1
            left -= 1
            position += 1
        }
        return parts.map { Money(minorUnits: units < 0 ? -$0 : $0, currency: total.currency) }
    }
}
