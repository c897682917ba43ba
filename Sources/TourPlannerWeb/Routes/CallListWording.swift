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
    ///
    /// Byte by byte, not with a regular expression: it runs on every card of a call list.
    static func withoutCommands(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let opening = Array("(`tourplan".utf8)
        var output: [UInt8] = []
        var index = 0
        var changed = false
        while index < bytes.count {
            if bytes[index] == opening[0], bytes[index...].starts(with: opening),
                let close = bytes[(index + opening.count)...].firstIndex(of: 0x60),  // the closing backquote
                close + 1 < bytes.count, bytes[close + 1] == 0x29  // and the closing parenthesis
            {
                while output.last == 0x20 { output.removeLast() }  // the spaces before it go too
                index = close + 2
                changed = true
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }
}
