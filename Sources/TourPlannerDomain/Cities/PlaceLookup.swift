import Foundation

/// How a place typed on the command line resolved: the place used, or a refusal with the
/// candidates, and why.
public struct PlaceLookup: Hashable, Sendable, Codable {
    /// Whether a place was used.
    public enum Status: String, Hashable, Sendable, Codable {
        /// `place` holds the place used.
        case resolved
        /// Nothing was used; `reason` says why and `alternatives` what the text could mean.
        case refused
    }

    /// The text as typed.
    package var text: String
    /// Resolved or refused.
    package var status: Status
    /// The place used; nil when refused.
    public var place: ResolvedPlace?
    /// The chosen place's confidence, or the best guess's when refused (0 when there is none).
    public var confidence: Double
    /// Why this place ("2 places are called …; chose …"), or why none was used.
    public var reason: String
    /// Other places the text could mean, in the order the resolver ranks them (at most five).
    public var alternatives: [ResolvedPlace]

    /// Whether a place was used.
    public var isResolved: Bool { status == .resolved }

    /// "Springfield, Missouri, US; Springfield, Massachusetts, US; …".
    public var alternativeLabels: String { alternatives.map(\.label).joined(separator: "; ") }
}

/// Places from the command line that could not be used, all of them in one error.
package struct PlaceLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where each text came from ("--stops", "--base", "teams.json: team \"East\"") and its lookup.
    package var failures: [Failure]

    /// One text that could not be used.
    package struct Failure: Hashable, Sendable {
        /// Where the text came from: "--stops", "--base", "teams.json: team 1 \"East\" base".
        package var source: String
        /// How it resolved (refused, or resolved but unusable).
        package var lookup: PlaceLookup
        /// Why a resolved place cannot be used (e.g. no metro near it); nil for a refusal.
        package var problem: String?
        /// A failure of `lookup`, from `source`.
        package init(source: String, lookup: PlaceLookup, problem: String? = nil) {
            self.source = source
            self.lookup = lookup
            self.problem = problem
        }
    }

    /// An error listing `failures`, in order.
    package init(failures: [Failure]) { self.failures = failures }

    /// Every failure with its suggestions, then one hint.
    package var description: String {
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
    /// The description (ArgumentParser prints it).
    package var errorDescription: String? { description }
}
