import Foundation

/// A data error the user can fix: printed as "Error: message" plus a hint, exit status 1.
struct CLIError: Error, CustomStringConvertible, LocalizedError {
    var message: String
    var hint: String?
    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
    var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
    var errorDescription: String? { description }
}
