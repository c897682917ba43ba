public import Foundation

/// How a place typed on the command line resolved: the place used, or a refusal with the
/// candidates, and why.
public struct PlaceLookup: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case resolved
        case refused
    }

    /// The text as typed.
    public var text: String
    public var status: Status
    /// The place used; nil when refused.
    public var place: ResolvedPlace?
    /// The chosen place's confidence, or the best guess's when refused (0 when there is none).
    public var confidence: Double
    /// Why this place ("2 places are called …; chose …"), or why none was used.
    public var reason: String
    /// Other places the text could mean, in the order the resolver ranks them (at most five).
    public var alternatives: [ResolvedPlace]

    public var isResolved: Bool { status == .resolved }

    /// "Springfield, Missouri, US; Springfield, Massachusetts, US; …".
    public var alternativeLabels: String { alternatives.map(\.label).joined(separator: "; ") }
}

/// Places from the command line that could not be used, all of them in one error.
public struct PlaceLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where each text came from ("--stops", "--base", "teams.json: team \"East\"") and its lookup.
    public var failures: [Failure]

    public struct Failure: Hashable, Sendable {
        public var source: String
        public var lookup: PlaceLookup
        public var problem: String?
        public init(source: String, lookup: PlaceLookup, problem: String? = nil) {
            self.source = source
            self.lookup = lookup
            self.problem = problem
        }
    }

    public init(failures: [Failure]) { self.failures = failures }

    public var description: String {
        let lines = failures.map { failure -> String in
            var line =
                failure.problem.map { "\(failure.source) \"\(failure.lookup.text)\" \($0)" }
                ?? "\(failure.source) \"\(failure.lookup.text)\" does not resolve: \(failure.lookup.reason)"
            if !failure.lookup.alternatives.isEmpty {
                line += "\n  did you mean: \(failure.lookup.alternativeLabels)?"
            }
            return line
        }
        let count = failures.count
        let head = count == 1 ? "1 place cannot be used" : "\(count) places cannot be used"
        return head + ":\n" + lines.joined(separator: "\n")
            + "\n  hint: write a place as \"City, Region\" or \"City, Country\" (e.g. \"Richmond, VA\", \"Paris, FR\");"
            + " check one with `tourplan cities resolve \"TEXT\"`"
    }
}

extension PlaceLookupError: LocalizedError {
    public var errorDescription: String? { description }
}
