public import Foundation

/// A volunteer's list for one day: who to call or text, when it is polite, what to say.
public struct CallSheet: Hashable, Sendable, Codable {
    public struct Row: Hashable, Sendable, Codable {
        public var taskId: String
        public var kind: ReminderKind
        public var memberId: MemberID
        public var memberName: String
        public var phoneE164: String?
        public var phoneNational: String?
        public var phoneAsTyped: String?
        /// What to dial: the national form when volunteer and member share a country, else the
        /// international (E.164) number.
        public var dial: String
        /// "10:00–20:00 America/Denver" in the member's zone.
        public var memberWindow: String
        /// The same window on the volunteer's clock.
        public var volunteerWindow: String
        public var windowStart: Date
        public var windowEnd: Date
        public var event: String
        public var previousOutcomes: [String]
        public var script: String
        public var status: TaskStatus
        /// Scripts of calls merged into this one (one call a day per member).
        public var also: [String] = []
        /// What the caller must know ("venue not set yet").
        public var warnings: [String] = []
    }
    public var volunteer: String
    public var date: CalendarDate
    public var volunteerTimeZone: String
    public var rows: [Row]

    /// Fills a script's placeholders.
    public static func fill(_ template: String, values: [String: String]) -> String {
        var text = template
        for (key, value) in values { text = text.replacingOccurrences(of: "{\(key)}", with: value) }
        return text
    }

    /// CSV safe to open in a spreadsheet (see `CSVWriter`); `phone` and `dial` are phone columns.
    public func csv() -> String {
        var csv = CSVWriter(columns: [
            .text("task"), .text("kind"), .text("member"), .text("name"), .phone("phone"), .phone("dial"),
            .text("member window"), .text("your window"), .text("event"), .text("previous outcomes"), .text("script"),
        ])
        for row in rows {
            csv.append([
                row.taskId, row.kind.rawValue, row.memberId.rawValue, row.memberName,
                row.phoneE164 ?? row.phoneAsTyped ?? "",
                row.dial, row.memberWindow, row.volunteerWindow, row.event,
                row.previousOutcomes.joined(separator: "; "), row.fullScript,
            ])
        }
        return csv.render()
    }

    static func escapeHTML(_ text: String) -> String { HTMLEscaper.escape(text) }

    /// A printable page with `tel:` links.
    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Calls for \(Self.escapeHTML(volunteer)) on \(date)</title>
            <style>body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.35em;vertical-align:top;text-align:left}th{background:#eee}.script{font-size:.9em;color:#333}small{overflow-wrap:anywhere}.warn{color:#8a1c00}@media print{a{color:black;text-decoration:none}}@media (max-width:700px){body{margin:.75em}table,tbody,tr,td{display:block}thead{position:absolute;left:-9999px}tr{border:1px solid #999;margin:0 0 1em;padding:.25em}td{border:none;border-bottom:1px solid #ddd}td::before{content:attr(data-label);display:block;font-weight:600;font-size:.8em;color:#444}a[href^=tel]{display:inline-block;min-height:44px;line-height:44px;font-size:1.1em}}</style>
            </head><body>
            <h1>Calls and texts for \(Self.escapeHTML(volunteer)), \(date)</h1>
            <p>Times in the member's zone, and on your clock (\(Self.escapeHTML(volunteerTimeZone))). Record each outcome with <code>tourplan calls log --task ID --outcome …</code>.</p>
            <table><thead><tr><th>Task</th><th>Member</th><th>Phone</th><th>When (member)</th><th>When (you)</th><th>Event</th><th>Before</th><th>Script</th><th>Outcome</th></tr></thead><tbody>

            """
        for row in rows {
            let phone =
                row.phoneE164.map {
                    "<a href=\"tel:\(Self.escapeHTML($0))\">\(Self.escapeHTML(row.dial))</a>"
                } ?? Self.escapeHTML(row.phoneAsTyped ?? "")
            out +=
                "<tr><td data-label=\"Task\">\(Self.escapeHTML(row.kind.rawValue))<br><small>\(Self.escapeHTML(row.taskId))</small></td><td data-label=\"Member\">\(Self.escapeHTML(row.memberName))</td><td data-label=\"Phone\">\(phone)</td>"
            out +=
                "<td data-label=\"When (member)\">\(Self.escapeHTML(row.memberWindow))</td><td data-label=\"When (you)\">\(Self.escapeHTML(row.volunteerWindow))</td><td data-label=\"Event\">\(Self.escapeHTML(row.event))</td>"
            out +=
                "<td data-label=\"Before\">\(Self.escapeHTML(row.previousOutcomes.joined(separator: "; ")))</td><td class=\"script\" data-label=\"Script\">\(row.warnings.map { "<strong class=\"warn\">⚠ \(Self.escapeHTML($0))</strong><br>" }.joined())\(([row.script] + row.also.map { "Also: \($0)" }).map(Self.escapeHTML).joined(separator: "<br>"))</td><td data-label=\"Outcome\">☐ reached ☐ voicemail ☐ no answer ☐ yes ☐ no</td></tr>\n"
        }
        out += "</tbody></table>\n</body></html>\n"
        return out
    }
}

extension CallSheet {
    /// The sheet as an RFC 5545 calendar: one event per call or text in its window (UTC times),
    /// UID = task id, so re-exports update the volunteer's calendar.
    public func ics() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        func stamp(_ date: Date) -> String {
            formatter.string(from: date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
        }
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//TourPlanner//tourplan calls list//EN", "METHOD:PUBLISH",
        ]
        let dtstamp = "\(date.description.replacingOccurrences(of: "-", with: ""))T000000Z"
        for (row, slot) in zip(rows, Self.slots(rows)) {
            lines += [
                "BEGIN:VEVENT", "UID:\(row.taskId.replacingOccurrences(of: "/", with: "-"))@tourplan",
                "DTSTAMP:\(dtstamp)",
                "DTSTART:\(stamp(slot.start))", "DTEND:\(stamp(slot.end))",
                "SUMMARY:"
                    + ICSWriter.escapeText(
                        "\(row.kind.isCall ? "Call" : "Text") \(row.memberName) (\(row.kind.rawValue))"),
                "DESCRIPTION:"
                    + ICSWriter.escapeText(
                        "\(row.dial)\nWindow: \(row.memberWindow)\n\(row.fullScript)"
                    ),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        var ics = ICSWriter()
        ics.append(contentsOf: lines)
        return ics.render()
    }

    /// Calendar slots for the rows, in order: calls sharing a window follow one another from
    /// its start, 15 minutes each, or less when more than fit (the window divided evenly).
    static func slots(_ rows: [Row]) -> [(start: Date, end: Date)] {
        var counts: [String: Int] = [:]
        for row in rows {
            counts["\(row.windowStart.timeIntervalSince1970)|\(row.windowEnd.timeIntervalSince1970)", default: 0] += 1
        }
        var used: [String: Int] = [:]
        return rows.map { row in
            let key = "\(row.windowStart.timeIntervalSince1970)|\(row.windowEnd.timeIntervalSince1970)"
            let count = counts[key] ?? 1
            let index = used[key, default: 0]
            used[key] = index + 1
            let length = max(60, row.windowEnd.timeIntervalSince(row.windowStart))
            let step = min(900, (length / Double(count)).rounded(.down))
            let start = row.windowStart.addingTimeInterval(step * Double(index))
            return (start, start.addingTimeInterval(step))
        }
    }
}

extension CallSheet.Row {
    /// The script, then the warnings and the scripts of merged calls.
    public var fullScript: String {
        ([script] + also.map { "Also: \($0)" } + warnings.map { "Warning: \($0)" }).joined(separator: "\n")
    }
}
