import Foundation
import TourPlanner

/// The call list's library texts in a volunteer's words, applied before the page's view model is
/// made: a script's "Warning: venue not set yet: do not name one (`tourplan events add …
/// --venue`)" loses the command (a volunteer cannot run it; an organizer sets the venue on
/// /events), and the event's day reads "Sat 7 Jun 2014". The JSON answer keeps the report as the
/// library made it.
enum CallListWording {
    /// `report` with each item's script and event in the page's words.
    ///
    /// A list repeats a few events and script warnings across its calls: each distinct text is
    /// rewritten once (the rewriting is a regular expression, too slow to run per card).
    static func worded(_ report: CallListReport) -> CallListReport {
        var report = report
        var events: [String: String] = [:]
        report.items = report.items.map { item in
            var item = item
            item.script = withoutCommands(item.script)
            if let known = events[item.event] {
                item.event = known
            } else {
                let readable = WebDates.readable(item.event)
                events[item.event] = readable
                item.event = readable
            }
            return item
        }
        return report
    }

    /// `text` without the command-line commands in parentheses and backquotes ("(`tourplan …`)").
    static func withoutCommands(_ text: String) -> String {
        guard text.contains("`tourplan") else { return text }
        return text.replacing(/\ *\(`tourplan[^`]*`\)/, with: "")
    }
}
