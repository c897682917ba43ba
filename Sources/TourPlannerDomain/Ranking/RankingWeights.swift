import Foundation

/// Weights of the ranking score (documented in README "Ranking model").
///
/// score = unaffiliated × U + organizers × O + hosts × H
///       − womenGap × (percentage points the unaffiliated pool is below the 30% rule)
///       + nearestChapter × min(km to the nearest existing chapter, 500) / 100
///       − baseDistance × (km from --base) / 100
///
/// The default weights (1, 0, 0, 0, 0, 0) rank by unaffiliated members alone; ties are broken by
/// organizers, then hosts, then name.
package struct RankingWeights: Hashable, Sendable, Codable {
    /// Weight U per unaffiliated member (default 1).
    package var unaffiliated: Double = 1
    /// Weight O per unaffiliated member who would organize (default 0).
    package var organizers: Double = 0
    /// Weight H per member who offered to host (default 0).
    package var hosts: Double = 0
    /// Weight subtracted per percentage point the unaffiliated pool's women share is below the chapter rule's share
    /// (default 0).
    package var womenGap: Double = 0
    /// Weight per 100 km to the nearest existing chapter, capped at 500 km; a metro with no chapter to measure counts
    /// as 500 km (default 0).
    package var nearestChapter: Double = 0
    /// Weight subtracted per 100 km from `--base` (default 0).
    package var baseDistance: Double = 0

    /// Creates the default weights: unaffiliated members alone (U = 1, all others 0).
    package init() {}

    /// The weights' names in weights files and `--weight NAME=VALUE`, in score order.
    package static let keys = ["unaffiliated", "organizers", "hosts", "women_gap", "nearest_chapter", "base_distance"]

    /// Sets one weight by its file/flag name.
    ///
    /// - Returns: false when the name is unknown.
    package mutating func set(_ key: String, to value: Double) -> Bool {
        switch key {
        case "unaffiliated": unaffiliated = value
        case "organizers": organizers = value
        case "hosts": hosts = value
        case "women_gap": womenGap = value
        case "nearest_chapter": nearestChapter = value
        case "base_distance": baseDistance = value
        default: return false
        }
        return true
    }

    /// Parses a weights file: a `[weights]` table with any of ``keys``.
    ///
    /// - Throws: `SettingsError` naming the file, line and key.
    package static func parse(_ text: String, fileName: String) throws -> RankingWeights {
        let tree = try ConfigValue.parse(text, fileName: fileName)
        var weights = RankingWeights()
        guard let section = tree["weights"]?.tableValue else {
            throw SettingsError(
                file: fileName, line: nil, key: "[weights]", problem: "is missing",
                hint: "start the file with [weights] and lines like organizers = 2")
        }
        for (key, value) in section.sorted(by: { $0.key < $1.key }) {
            guard case .number(let number) = value else {
                throw SettingsError(
                    file: fileName, line: SettingsError.line(of: key, in: text), key: "weights.\(key)",
                    problem: "must be a number (got \(value.displayText))", hint: "write e.g. \(key) = 1.5")
            }
            if !weights.set(key, to: NSDecimalNumber(decimal: number).doubleValue) {
                throw SettingsError(
                    file: fileName, line: SettingsError.line(of: key, in: text), key: "weights.\(key)",
                    problem: "is not a ranking weight", hint: "known weights: \(keys.joined(separator: ", "))")
            }
        }
        return weights
    }
}
