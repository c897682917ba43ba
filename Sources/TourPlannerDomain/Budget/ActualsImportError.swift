import Foundation

/// Every problem of an actuals file; the file is recorded all-or-nothing, so one bad row
/// records nothing and every bad row is named (file, line, field, value, what to do).
package struct ActualsImportError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// Every problem found, in file and line order, each naming the file, line, field and value.
    package var problems: [BudgetError]
    /// Creates the error from the problems found.
    package init(problems: [BudgetError]) { self.problems = problems }

    /// The first 50 problems one per line, "…and N more" when there are more, then "N problems; nothing was recorded".
    package var description: String {
        let shown = problems.prefix(50).map(\.description)
        let more = problems.count > 50 ? ["…and \(problems.count - 50) more"] : []
        let summary = "\(problems.count) problem\(problems.count == 1 ? "" : "s"); nothing was recorded"
        return (shown + more + [summary]).joined(separator: "\n")
    }
    /// The same text as ``description``, for `LocalizedError`.
    package var errorDescription: String? { description }
}
