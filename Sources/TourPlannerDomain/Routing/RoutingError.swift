import Foundation

/// A tour that cannot be planned as asked: names the stop, date or file and says what to change.
package struct RoutingError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// What cannot be planned, naming the stop, date or file (and line), e.g. "San Diego: no trip fits the day rules:
    /// …".
    package var problem: String
    /// The change that would make it work, e.g. "relax one rule: --weekdays fri,sat,sun".
    package var hint: String
    /// Creates an error from the problem and the hint.
    package init(_ problem: String, hint: String) {
        self.problem = problem
        self.hint = hint
    }
    /// The problem, then the hint on its own indented line ("  hint: …").
    package var description: String { "\(problem)\n  hint: \(hint)" }
    /// The same text as ``description``, for `LocalizedError`.
    package var errorDescription: String? { description }
}
