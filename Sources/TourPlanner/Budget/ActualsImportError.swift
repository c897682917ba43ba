public import Foundation

/// Every problem of an actuals file; the file is recorded all-or-nothing, so one bad row
/// records nothing and every bad row is named (file, line, field, value, what to do).
public struct ActualsImportError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public var problems: [BudgetError]
    public init(problems: [BudgetError]) { self.problems = problems }

    public var description: String {
        let shown = problems.prefix(50).map(\.description)
        let more = problems.count > 50 ? ["…and \(problems.count - 50) more"] : []
        let summary = "\(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was recorded"
        return (shown + more + [summary]).joined(separator: "\n")
    }
    public var errorDescription: String? { description }
}
