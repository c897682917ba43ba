public import Foundation

/// A problem in a settings or template file (markers, weights, budget templates, reminder
/// rules, volunteers): file, line, key, what is wrong and how to fix it.
public struct SettingsError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file (or source, such as "command line") the problem is in.
    public var file: String
    /// The 1-based line of the key, when known.
    package var line: Int?
    /// The key as the file spells it, e.g. "day.latest_arrival"; "" when the problem is not one key's.
    public var key: String
    /// What is wrong, quoting the value, e.g. "\"25:00\" is not a time".
    public var problem: String
    /// What to write instead, e.g. "write a 24-hour local time HH:MM, e.g. 07:00".
    public var hint: String
    /// Creates an error.
    package init(file: String, line: Int?, key: String, problem: String, hint: String) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
        self.hint = hint
    }
    /// "FILE:LINE: key problem" (the line left out when unknown), then the hint on its own indented line.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(key.isEmpty ? "" : key + " ")\(problem)\n  hint: \(hint)"
    }
    /// The same text as ``description``, for `LocalizedError`.
    public var errorDescription: String? { description }

    /// The 1-based line where `key` is first assigned (or a heading appears), for messages.
    static func line(of key: String, in text: String) -> Int? {
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(key) { return index + 1 }
        }
        return nil
    }
}
