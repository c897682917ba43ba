public import Foundation

/// A problem in a settings or template file (markers, weights, budget templates, reminder
/// rules, volunteers): file, line, key, what is wrong and how to fix it.
public struct SettingsError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public var file: String
    public var line: Int?
    public var key: String
    public var problem: String
    public var hint: String
    public init(file: String, line: Int?, key: String, problem: String, hint: String) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
        self.hint = hint
    }
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(key.isEmpty ? "" : key + " ")\(problem)\n  hint: \(hint)"
    }
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
