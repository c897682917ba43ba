package import Foundation

/// A volunteer's calls and texts for one day (`tourplan calls list`, the web app's `/calls`).
///
/// `sheet` is the printable call sheet (its CSV, HTML, ICS and JSON forms are those of
/// `tourplan calls list`); `items` adds what a phone needs per task, in window order.
public struct CallListReport: RenderableReport {
    /// One task as a phone shows it.
    public struct Item: Codable, Sendable, Hashable {
        /// The store's task id (`event/member/kind`).
        public var taskId: String
        /// A call or a text, and which one.
        public var kind: ReminderKind
        /// The member's first name (the full name when no first name is stored).
        public var firstName: String
        /// The member's local time at `now`, "14:05 America/Denver".
        package var memberTimeNow: String
        /// The member's IANA time zone, "America/Denver".
        public var memberTimeZone: String
        /// The calling window in the member's zone.
        public var memberWindow: String
        /// The same window on the volunteer's clock.
        public var volunteerWindow: String
        /// The E.164 number for a `tel:` link (nil when the number could not be read).
        public var tel: String?
        /// What to dial, as the volunteer would type it.
        public var dial: String
        /// The script in the member's language, then warnings and merged calls' scripts.
        public var script: String
        /// Earlier outcomes of this member, oldest first ("2014-06-02 voicemail").
        public var previousOutcomes: [String]
        /// The event, "Denver, 2014-06-07 10:00".
        public var event: String
        /// The task's latest outcome that is not undone (the one an Undo takes back), if any.
        public var latestOutcome: LatestOutcome?
    }

    /// Table, CSV (spreadsheet-safe), HTML (printable sheet), iCalendar or JSON.
    public static let formats: [OutputFormat] = [.table, .csv, .html, .ics, .json]

    /// The day's sheet.
    public var sheet: CallSheet

    /// What `--out` received, for the line saying so: "25 tasks", "1 task".
    public var written: String { Plural.count(sheet.rows.count, "task") }
    /// The sheet's tasks with the member's time now, in window order.
    public var items: [Item]

    /// The report of `sheet`, with the members' local times at `now` (tasks give the zones) and
    /// the tasks' latest outcomes.
    package init(
        sheet: CallSheet, firstNames: [MemberID: String], zones: [String: String], now: Date,
        latest: [String: LatestOutcome] = [:]
    ) {
        self.sheet = sheet
        self.items = sheet.rows.map { row in
            let zone = zones[row.taskId] ?? sheet.volunteerTimeZone
            return Item(
                taskId: row.taskId, kind: row.kind, firstName: firstNames[row.memberId] ?? row.memberName,
                memberTimeNow: "\(LocalClock.clock(now, zone: zone)) \(zone)", memberTimeZone: zone,
                memberWindow: row.memberWindow,
                volunteerWindow: row.volunteerWindow, tel: row.telURI.map { String($0.dropFirst(4)) },
                dial: row.displayDial,
                script: row.fullScript,
                previousOutcomes: row.previousOutcomes, event: row.event, latestOutcome: latest[row.taskId])
        }
    }

    /// The call sheet in `format`: the table lists the calls then each task's full script ("Nothing
    /// to do for …" when there are none).
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .csv: return sheet.csv()
        case .html: return try sheet.html()
        case .ics: return sheet.ics()
        case .json: return try JSONOutput.encode(sheet) + "\n"
        case .table:
            guard !sheet.rows.isEmpty else { return "Nothing to do for \(sheet.volunteer) on \(sheet.date).\n" }
            var table = TextTable(["member window", "your time", "kind", "name", "dial", "event", "before"])
            for row in sheet.rows {
                table.add([
                    row.memberWindow, row.volunteerWindow, row.kind.rawValue, row.memberName,
                    row.dial.isEmpty ? "-" : row.dial, row.event, row.previousOutcomes.joined(separator: "; "),
                ])
            }
            return table.render() + "\n\n" + sheet.rows.map { "\($0.taskId): \($0.fullScript)" }.joined(separator: "\n")
                + "\n"
        case .markdown, .geojson: throw unsupported(format)
        }
    }
}
