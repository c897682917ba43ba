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
        /// "10:00–20:00 America/Denver" in the member's zone.
        public var memberWindow: String
        /// The same window on the volunteer's clock.
        public var volunteerWindow: String
        public var windowStart: Date
        public var event: String
        public var previousOutcomes: [String]
        public var script: String
        public var status: TaskStatus
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
                row.phoneNational ?? "", row.memberWindow, row.volunteerWindow, row.event,
                row.previousOutcomes.joined(separator: "; "), row.script,
            ])
        }
        return csv.render()
    }

    static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A printable page with `tel:` links.
    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Calls for \(Self.escapeHTML(volunteer)) on \(date)</title>
            <style>body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.35em;vertical-align:top;text-align:left}th{background:#eee}.script{font-size:.9em;color:#333}@media print{a{color:black;text-decoration:none}}</style>
            </head><body>
            <h1>Calls and texts for \(Self.escapeHTML(volunteer)), \(date)</h1>
            <p>Times in the member's zone, and on your clock (\(Self.escapeHTML(volunteerTimeZone))). Record each outcome with <code>tourplan calls log --task ID --outcome …</code>.</p>
            <table><thead><tr><th>Task</th><th>Member</th><th>Phone</th><th>When (member)</th><th>When (you)</th><th>Event</th><th>Before</th><th>Script</th><th>Outcome</th></tr></thead><tbody>

            """
        for row in rows {
            let phone =
                row.phoneE164.map {
                    "<a href=\"tel:\(Self.escapeHTML($0))\">\(Self.escapeHTML(row.phoneNational ?? $0))</a>"
                } ?? Self.escapeHTML(row.phoneAsTyped ?? "")
            out +=
                "<tr><td>\(Self.escapeHTML(row.kind.rawValue))<br><small>\(Self.escapeHTML(row.taskId))</small></td><td>\(Self.escapeHTML(row.memberName))</td><td>\(phone)</td>"
            out +=
                "<td>\(Self.escapeHTML(row.memberWindow))</td><td>\(Self.escapeHTML(row.volunteerWindow))</td><td>\(Self.escapeHTML(row.event))</td>"
            out +=
                "<td>\(Self.escapeHTML(row.previousOutcomes.joined(separator: "; ")))</td><td class=\"script\">\(Self.escapeHTML(row.script))</td><td>☐ reached ☐ voicemail ☐ no answer ☐ yes ☐ no</td></tr>\n"
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
        for row in rows {
            let end = row.windowStart.addingTimeInterval(900)
            lines += [
                "BEGIN:VEVENT", "UID:\(row.taskId.replacingOccurrences(of: "/", with: "-"))@tourplan",
                "DTSTAMP:\(dtstamp)",
                "DTSTART:\(stamp(row.windowStart))", "DTEND:\(stamp(end))",
                "SUMMARY:"
                    + Itinerary.escapeText(
                        "\(row.kind.isCall ? "Call" : "Text") \(row.memberName) (\(row.kind.rawValue))"),
                "DESCRIPTION:"
                    + Itinerary.escapeText(
                        "\(row.phoneNational ?? row.phoneE164 ?? row.phoneAsTyped ?? "")\nWindow: \(row.memberWindow)\n\(row.script)"
                    ),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Itinerary.fold).joined(separator: "\r\n") + "\r\n"
    }
}
