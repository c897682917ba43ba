public import Foundation

/// A data or usage error the user can fix: a message and what to do about it.
///
/// Front ends print it as "Error: message" plus the hint (CLI exit status 1) or show it on the
/// page (web app, 400/422).
public struct PlannerError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// What is wrong, naming the file, line, field and value where there is one.
    public var message: String
    /// What to do about it.
    public var hint: String?

    /// An error with an optional hint.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
    public var errorDescription: String? { description }
}
