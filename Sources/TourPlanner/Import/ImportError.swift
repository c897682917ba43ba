public import Foundation

/// Where a problem is in an input file: 1-based line and column (for CSV, the field number).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The 1-based line; nil for a problem of the whole file.
    public var line: Int?
    /// The 1-based column (for CSV, the field number); shown only with a line.
    public var column: Int?
    /// Creates a location.
    package init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
    /// Compiler style, so editors can jump to it: `members.csv:14:3`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        return text
    }
}

/// A problem in an imported file: where, which field, the offending value, what is wrong and
/// how to fix it. Values are truncated, and phone numbers and e-mails are masked.
public struct ImportError: Error, Hashable, Sendable, Codable {
    /// Where the problem is.
    public var location: SourceLocation
    /// The column or field concerned (e.g. "email"); empty for a problem of the whole file.
    public var field: String
    /// The offending value, capped at 80 characters with line breaks and control characters made visible.
    public var value: String
    /// What is wrong, e.g. "is not a valid e-mail address".
    public var problem: String
    /// How to fix it; empty when there is nothing to add.
    public var hint: String

    /// Creates an error; `value` is capped at 80 characters (see `value`).
    package init(location: SourceLocation, field: String, value: String, problem: String, hint: String) {
        self.location = location
        self.field = field
        self.value = ImportError.excerpt(value)
        self.problem = problem
        self.hint = hint
    }

    /// Caps an echoed value at 80 characters so a 200 KB field never lands in a message.
    static func excerpt(_ value: String) -> String {
        var flattened = value
        if value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            flattened = value.replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\r", with: "")
        }
        // Control characters (a binary file, a stray NUL) would garble the terminal: show "�".
        if flattened.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            flattened = String(
                String.UnicodeScalarView(
                    flattened.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
        }
        // Invisible format characters (a byte-order mark inside the file, a zero-width space, a
        // right-to-left override that reorders the message) are named: "<U+FEFF>4401".
        if flattened.unicodeScalars.contains(where: isShownAsCode) {
            flattened = flattened.unicodeScalars.map { scalar in
                guard isShownAsCode(scalar) else { return String(scalar) }
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            }.joined()
        }
        if flattened.utf8.count <= 80 { return flattened }
        return flattened.count > 80 ? String(flattened.prefix(77)) + "…" : flattened
    }
}

/// Whether a character is invisible in a message and is written as its code instead: Unicode's
/// format characters (byte-order mark, zero-width space, bidirectional controls), except the
/// zero-width joiner and non-joiner that emoji and some scripts need.
private func isShownAsCode(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0xAD && scalar.properties.generalCategory == .format && scalar.value != 0x200C
        && scalar.value != 0x200D
}

extension ImportError: CustomStringConvertible, LocalizedError {
    /// "location: field \"value\" problem", then "  hint: …" on the next line when there is a hint.
    public var description: String {
        var text = "\(location): "
        if !field.isEmpty { text += "\(field) " }
        if !value.isEmpty { text += "\"\(value)\" " }
        text += problem
        if !hint.isEmpty { text += "\n  hint: \(hint)" }
        return text
    }
    /// The same text as `description`.
    public var errorDescription: String? { description }
}

/// An import problem with its severity: errors skip the row (and fail the import beyond
/// `--max-errors`); warnings keep it.
public struct ImportProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Hashable, Sendable, Codable { case error, warning }
    /// Error (the row is skipped) or warning (the row is kept).
    public var severity: Severity
    /// The problem itself.
    public var error: ImportError
    /// Creates a problem of `severity`.
    package init(_ severity: Severity, _ error: ImportError) {
        self.severity = severity
        self.error = error
    }
    /// "error: …" or "warning: …" followed by the error's description.
    public var description: String { "\(severity): \(error)" }
}
