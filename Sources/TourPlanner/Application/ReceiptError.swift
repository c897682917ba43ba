public import Foundation

/// Why a receipt was refused or cannot be found.
public struct ReceiptError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The kind of failure (the web app answers 413, 415, 404 or 500).
    public enum Kind: Sendable, Hashable {
        case tooLarge, unsupportedType, notFound, storage
    }

    /// The kind of failure.
    public var kind: Kind
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var hint: String

    /// An error of `kind`.
    public init(kind: Kind, message: String, hint: String) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    /// The message and its hint, as front ends print them.
    public var description: String { "\(message)\n  hint: \(hint)" }
    /// The same text, for `localizedDescription`.
    public var errorDescription: String? { description }
}
