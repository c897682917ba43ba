import Foundation

/// The files a use case reads and writes for its front end (a plan, a budget template, an output
/// file), each failure a `PlannerError` naming the path and what to do.
package enum PlannerFiles {
    /// The text of `path`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - hint: what the user should check when it cannot be read (e.g. "check the --matrix path").
    /// - Returns: the file's contents, decoded as UTF-8.
    /// - Throws: `PlannerError` "PATH: cannot be read" with `hint`.
    static func read(_ path: String, hint: String) throws -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw PlannerError("\(path): cannot be read", hint: hint)
        }
        return text
    }

    /// A plan written by `tourplan tour plan` (PLAN.json).
    ///
    /// - Throws: `PlannerError` when the file is missing or unreadable; `PlanFileError` when it is not a plan.
    package static func plan(_ path: String) throws -> TourPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw PlannerError("\(path): \(reason)", hint: "write a plan with `tourplan tour plan … --out \(path)`")
        }
        return try TourPlan.decode(data, fileName: path)
    }

    /// A budget template's text.
    ///
    /// - Throws: `PlannerError` naming the path, with where templates live and how to write one.
    package static func budgetTemplate(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PlannerError(
                "\(path): cannot be read (\(error.localizedDescription))",
                hint:
                    "check the path; templates live in Budgets/, or write one with `tourplan budget init --out FILE.toml`"
            )
        }
    }

    /// Writes `text` to `path` (atomically).
    ///
    /// - Parameters:
    ///   - text: the contents, written as UTF-8.
    ///   - path: the file to write (replaced when it exists).
    ///   - detailed: whether the message carries the system's reason ("PATH: cannot be written (reason)").
    ///   - hint: what the user should check.
    /// - Throws: `PlannerError` "PATH: cannot be written".
    package static func write(_ text: String, to path: String, detailed: Bool = false, hint: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            let reason = detailed ? " (\(error.localizedDescription))" : ""
            throw PlannerError("\(path): cannot be written\(reason)", hint: hint)
        }
    }
}
