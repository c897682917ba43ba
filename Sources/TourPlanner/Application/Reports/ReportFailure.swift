/// A failure a report carries instead of throwing, so a front end can show the report's output
/// (a place echo, a table) first and then the error (CLI exit status 1).
public struct ReportFailure: Error, Codable, Sendable, Hashable {
    /// What is wrong.
    package var message: String
    /// What to do about it.
    package var hint: String?

    /// A failure with an optional hint.
    package init(message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// The failure as the library's user-fixable error.
    public var error: PlannerError { PlannerError(message, hint: hint) }
}
