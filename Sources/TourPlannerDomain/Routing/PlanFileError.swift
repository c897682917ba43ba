import Foundation

/// A PLAN.json that cannot be read, said in the user's terms: the file, where in it (a JSON
/// path such as `trips[1].stops[0]`, indices from 0), what is wrong, and what to do.
///
/// Prints as `plan.json: trips[1].stops[0]: missing "date"` followed by a `hint:` line.
package struct PlanFileError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The file name as the user gave it.
    package var file: String
    /// Where in the document (`trips[1].stops[0].date`), or nil for the whole file.
    package var path: String?
    /// What is wrong (`missing "date"`, `version 9 is newer than this tool (it reads 1)`).
    package var problem: String
    /// What to change.
    package var hint: String

    /// Creates an error; `path` is nil when the problem concerns the whole file.
    package init(file: String, path: String?, problem: String, hint: String) {
        self.file = file
        self.path = path
        self.problem = problem
        self.hint = hint
    }

    /// "FILE: PATH: problem" (the path left out when nil), then the hint on its own indented line.
    package var description: String {
        "\(file): " + (path.map { "\($0): " } ?? "") + "\(problem)\n  hint: \(hint)"
    }
    /// The same text as ``description``, for `LocalizedError`.
    package var errorDescription: String? { description }
}
