import Foundation
import TourPlanner

/// The library's messages in a web page's words. The use cases are shared with the CLI, so their
/// errors name command-line flags (`--stops "Qqqxzv" does not resolve`) and commands
/// (`` `tourplan cities resolve` ``); a page names its form's fields instead (“Metros to visit”).
///
/// A flag the form has a field for becomes the field's label in quotes; a part of a hint (between
/// "; ") that still speaks of the command line is dropped, and a hint left empty becomes the
/// page's own `fallbackHint`, so no page shows a flag or a command.
struct WebWording: Sendable {
    /// The form's fields by the CLI flag they stand for (`("--stops", "Metros to visit")`).
    var fields: [(flag: String, label: String)]
    /// What to do in the page's words when the library's hint is only about the command line.
    var fallbackHint: String

    /// The wording of pages without a form of their own (error pages).
    static let general = WebWording(fields: [], fallbackHint: "go back, correct the form and try again")

    /// The message and hint of a library error (a `PlannerError`, or a `LocalizedError` whose
    /// description has a "\n  hint: " line), in the page's words.
    func parts(of error: any Error) -> (message: String, hint: String?) {
        if let error = error as? PlannerError { return (message(error.message), hint(error.hint)) }
        let text = (error as? any LocalizedError)?.errorDescription ?? "\(error)"
        let pieces = text.components(separatedBy: "\n  hint: ")
        let hints = pieces.dropFirst().joined(separator: "; ")
        return (message(pieces[0]), hint(hints.isEmpty ? nil : hints))
    }

    /// The error as one line for a page: "message — hint".
    func text(of error: any Error) -> String {
        let (message, hint) = parts(of: error)
        return message + (hint.map { " — \($0)" } ?? "")
    }

    /// A library message with the form's labels for its flags; a flag the form has no field for
    /// keeps only its words (`--objective` → “objective”), a command in backquotes is dropped, and
    /// ISO dates and instants read as the pages write them (`WebDates.readable`).
    func message(_ text: String) -> String {
        var text = labelled(text)
            .replacingOccurrences(of: "\n  did you mean: ", with: " — did you mean: ")
            .replacingOccurrences(of: ":\n", with: ": ")
            .replacingOccurrences(of: "\n", with: "; ")
        text = text.replacing(/\ *\(?(see |use |run )?`tourplan[^`]*`\)?/, with: "")
        text = text.replacing(/--([a-z][a-z0-9-]*)/) { match in
            "“" + match.output.1.replacingOccurrences(of: "-", with: " ") + "”"
        }
        return WebDates.readable(text)
    }

    /// A library hint in the page's words: the parts that speak of the command line dropped,
    /// `fallbackHint` when none is left, dates readable (`WebDates.readable`).
    func hint(_ text: String?) -> String {
        guard let text else { return fallbackHint }
        let kept = labelled(text).components(separatedBy: "; ").filter { !Self.speaksOfCommandLine($0) }
        return kept.isEmpty ? fallbackHint : WebDates.readable(kept.joined(separator: "; "))
    }

    /// Whether `text` names a flag or a tourplan command.
    static func speaksOfCommandLine(_ text: String) -> Bool {
        text.contains(/--[a-z]/) || text.contains("tourplan") || text.contains("$TOURPLAN")
    }

    /// `text` with each of the form's flags (a whole flag: `--to` is not in `--top`) as “label”.
    private func labelled(_ text: String) -> String {
        var text = text
        for field in fields.sorted(by: { $0.flag.count > $1.flag.count }) {
            var result = ""
            var rest = Substring(text)
            while let range = rest.range(of: field.flag) {
                let next = rest[range.upperBound...].first
                let isWhole = next.map { !($0.isLetter || $0.isNumber || $0 == "-") } ?? true
                result += rest[..<range.lowerBound] + (isWhole ? "“\(field.label)”" : field.flag)
                rest = rest[range.upperBound...]
            }
            text = result + rest
        }
        return text
    }
}
