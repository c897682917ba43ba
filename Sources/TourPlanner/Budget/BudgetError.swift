public import Foundation

/// A problem in a budget template, plan or actuals file: file, line, key, what is wrong, how to fix it.
public struct BudgetError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
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
}
