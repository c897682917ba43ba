public import Foundation

/// A tour that cannot be planned as asked: names the stop, date or file and says what to change.
public struct RoutingError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public var problem: String
    public var hint: String
    public init(_ problem: String, hint: String) {
        self.problem = problem
        self.hint = hint
    }
    public var description: String { "\(problem)\n  hint: \(hint)" }
    public var errorDescription: String? { description }
}
