/// The one writer of every iCalendar file the tool produces (RFC 5545): the itinerary's calendar and
/// the volunteers' call sheets.
///
/// Content lines are added in order; `render()` folds each one at 75 octets (RFC 5545 §3.1, never
/// inside a UTF-8 sequence) and ends it with CRLF. TEXT values go through `text(_:_:)`, which
/// escapes backslash, semicolon, comma and line breaks (§3.3.11); other values (dates, UIDs,
/// GEO) are added verbatim with `property(_:_:)`.
///
/// ```swift
/// var ics = ICSWriter()
/// ics.begin("VCALENDAR")
/// ics.text("SUMMARY", "Training in Washington, DC")  // SUMMARY:Training in Washington\, DC
/// ics.end("VCALENDAR")
/// ics.render()  // "BEGIN:VCALENDAR\r\nSUMMARY:Training in Washington\\, DC\r\nEND:VCALENDAR\r\n"
/// ```
package struct ICSWriter: Sendable, Hashable {
    /// The longest content line, in octets, before it is folded (RFC 5545 §3.1).
    package static let maximumLineOctets = 75

    private var lines: [String] = []

    /// An empty calendar text.
    package init() {}

    /// `BEGIN:component`.
    package mutating func begin(_ component: String) { lines.append("BEGIN:" + component) }

    /// `END:component`.
    package mutating func end(_ component: String) { lines.append("END:" + component) }

    /// A property whose value is written as given (a date, a UID, a number): `NAME:value`.
    /// `name` may carry parameters (`DTSTART;TZID=America/New_York`).
    package mutating func property(_ name: String, _ value: String) { lines.append(name + ":" + value) }

    /// A TEXT property, its value escaped (RFC 5545 §3.3.11).
    package mutating func text(_ name: String, _ value: String) { lines.append(name + ":" + Self.escapeText(value)) }

    /// Unfolded content lines, each `NAME:value` (the lines `render()` folds).
    package mutating func append(contentsOf contentLines: [String]) { lines += contentLines }

    /// The calendar: every content line folded, each ended by CRLF.
    package func render() -> String {
        lines.map { Self.fold($0) + "\r\n" }.joined()
    }

    /// RFC 5545 §3.3.11: backslash, semicolon and comma are escaped with a backslash; a line break
    /// (CRLF, LF or a lone CR) becomes `\n`.
    package static func escapeText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r":
                result += "\\n"
                if pending == "\n" { pending = scalars.next() }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// RFC 5545 §3.1: a line longer than 75 octets is split into lines of at most 75 octets, each
    /// continuation starting with one space (so it carries at most 74 octets of the value); a split
    /// never falls inside a UTF-8 sequence.
    package static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        var limit = maximumLineOctets
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if count + size > limit {
                result += "\r\n "
                count = 0
                limit = maximumLineOctets - 1
            }
            result.unicodeScalars.append(scalar)
            count += size
        }
        return result
    }
}
