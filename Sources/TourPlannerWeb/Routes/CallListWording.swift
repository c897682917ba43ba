import Foundation
import TourPlanner

/// The call list's library texts in a volunteer's words, applied before the page's view model is
/// made: a script's "Warning: venue not set yet: do not name one (`tourplan events add …
/// --venue`)" loses the command (a volunteer cannot run it; an organizer sets the venue on
/// /events), and the event's day reads "Sat 7 Jun 2014". The JSON answer keeps the report as the
/// library made it.
enum CallListWording {
    /// `report` with each item's script and event in the page's words.
    static func worded(_ report: CallListReport) -> CallListReport {
        var report = report
        report.items = report.items.map { item in
            var item = item
            item.script = withoutCommands(item.script)
            item.event = WebDates.readable(item.event)
            return item
        }
        return report
    }

    /// `text` without the command-line commands in parentheses and backquotes ("(`tourplan …`)").
    static func withoutCommands(_ text: String) -> String {
        text.replacing(/\ *\(`tourplan[^`]*`\)/, with: "")
    }
}
