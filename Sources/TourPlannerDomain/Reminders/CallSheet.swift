package import Foundation

/// A volunteer's list for one day: who to call or text, when it is polite, what to say.
public struct CallSheet: Hashable, Sendable, Codable {
    /// One call or text of the day, in window order.
    public struct Row: Hashable, Sendable, Codable {
        /// The task's id ("eventId/memberId/kind").
        package var taskId: String
        /// Which call or text it is.
        package var kind: ReminderKind
        /// The member to call or text.
        package var memberId: MemberID
        /// The member's name (the member id when the member is no longer stored).
        package var memberName: String
        /// The member's number in E.164 form, when it could be parsed.
        package var phoneE164: String?
        /// The number's national (dialable at home) form, when the E.164 number has one.
        package var phoneNational: String?
        /// The number grouped as dialled from abroad ("+33 1 42 68 53 00"), for display only.
        package var phoneInternational: String? = nil
        /// The number exactly as the member's record has it.
        package var phoneAsTyped: String?
        /// What to dial: the national form when volunteer and member share a country, else the
        /// international (E.164) number.
        package var dial: String
        /// "10:00–20:00 America/Denver" in the member's zone.
        package var memberWindow: String
        /// The same window on the volunteer's clock.
        package var volunteerWindow: String
        /// The start of the window, as an instant.
        package var windowStart: Date
        /// The end of the window, as an instant.
        package var windowEnd: Date
        /// The event: "metro, date start" (the event id when the event is no longer stored).
        package var event: String
        /// Outcomes already recorded for the member, shown so the caller knows what was said before.
        package var previousOutcomes: [String]
        /// What to say or send: the script with the member's name, the event's date, time and venue filled in.
        package var script: String
        /// Where the task stands.
        package var status: TaskStatus
        /// Scripts of calls merged into this one (one call a day per member).
        package var also: [String] = []
        /// What the caller must know ("venue not set yet").
        package var warnings: [String] = []
        /// The extension typed after the number ("12" of "+1 617 555 0142 ext. 12"): `dial` ends
        /// with " ext. 12" and the `tel:` link with ";ext=12" (RFC 3966); nil when there is none.
        package var phoneExtension: String? = nil

        /// What to dial as people read it: a number dialled in full grouped ("+44 20 7946 0958",
        /// with its extension), else `dial` itself (already grouped when national).
        package var displayDial: String {
            guard let e164 = phoneE164, let international = phoneInternational, dial.hasPrefix(e164) else {
                return dial
            }
            return international + dial.dropFirst(e164.count)
        }

        /// The `tel:` URI of the number (with its extension), nil without an E.164 number.
        package var telURI: String? {
            phoneE164.map { "tel:" + $0 + (phoneExtension.map { ";ext=" + $0 } ?? "") }
        }
    }
    /// The volunteer's name.
    package var volunteer: String
    /// The day of the sheet, on the volunteer's clock.
    package var date: CalendarDate
    /// The volunteer's IANA zone (the `volunteerWindow` column is in it).
    package var volunteerTimeZone: String
    /// The day's calls and texts, in window order.
    public var rows: [Row]

    /// Fills a script's placeholders.
    ///
    /// One pass from left to right: `{name}` with a value is replaced, anything else is kept as
    /// written (a value that itself contains `{…}` is never expanded again). A value ending with a
    /// period before the script's own ("{venue}." with "Martin Luther King Jr.") keeps one period.
    package static func fill(_ template: String, values: [String: String]) -> String {
        var text = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            text = text.joiningSentence(rest[..<open])
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let value = values[String(rest[afterOpen..<close])] {
                text = text.joiningSentence(value)
                rest = rest[rest.index(after: close)...]
            } else {
                text.append("{")
                rest = rest[afterOpen...]
            }
        }
        return text.joiningSentence(rest)
    }

    /// CSV safe to open in a spreadsheet (see `CSVWriter`), after a UTF-8 byte-order mark (so
    /// Excel reads the names as UTF-8); `phone` and `dial` are phone columns for people.
    package func csv() -> String {
        var csv = CSVWriter(columns: [
            .text("task"), .text("kind"), .text("member"), .text("name"), .dialable("phone"), .dialable("dial"),
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
        return CSVWriter.byteOrderMark + csv.render()
    }
}

extension CallSheet {
    /// The sheet as an RFC 5545 calendar: one event per call or text in its window (UTC times),
    /// UID = task id, so re-exports update the volunteer's calendar.
    package func ics() -> String {
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
    package var fullScript: String {
        ([script] + also.map { "Also: \($0)" } + warnings.map { "Warning: \($0)" }).joined(separator: "\n")
    }
}
