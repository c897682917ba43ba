import Foundation

/// What `tourplan remind schedule` did: every task stored, who was left out and why, and the
/// warnings a front end shows apart from the report (no volunteers, past events).
public struct ScheduleReport: RenderableReport {
    /// A member left out of an event's outreach.
    package struct Skipped: Codable, Sendable, Hashable {
        /// The member.
        package var memberId: MemberID
        /// The event.
        package var eventId: String
        /// Why ("no phone", "opted out", …).
        package var reason: String
    }

    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// Every task of the schedule, as stored.
    package var tasks: [ReminderTask]
    /// Members left out, with the reason.
    package var skipped: [Skipped]
    /// Volunteer days over the daily maximum (every volunteer was full).
    package var overloadedDays: [String]
    /// Events that have already started: no tasks, stored ones left as they are.
    package var pastEvents: [OutreachEvent]
    /// Calls folded into another call of the same member on the same day.
    package var mergedCalls: Int
    /// How many events are stored.
    package var eventCount: Int
    /// Lines for the person running it (standard error in the CLI), in order.
    public var warnings: [String]

    /// The report of a scheduler result.
    package init(_ result: ReminderScheduler.Result, eventCount: Int, warnings: [String]) {
        tasks = result.tasks
        skipped = result.skipped.map { Skipped(memberId: $0.memberID, eventId: $0.eventID, reason: $0.reason) }
        overloadedDays = result.overloadedDays
        pastEvents = result.pastEvents
        mergedCalls = result.mergedCalls
        self.eventCount = eventCount
        self.warnings = warnings
    }

    /// The schedule in `format`: JSON has one row per task with times in the member's zone.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try json()
        case .table: return table()
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }

    /// One row per task, times in the member's zone.
    private func json() throws -> String {
        struct Row: Encodable {
            var taskId, memberId, kind, eventId, eventStart, windowStart, windowEnd, timeZone, volunteer,
                status: String
            var attempt: Int
            var note, mergedInto: String?
        }
        let rows = tasks.map { task in
            Row(
                taskId: task.taskId, memberId: task.memberId.rawValue, kind: task.kind.rawValue, eventId: task.eventId,
                eventStart: LocalClock.iso(task.eventStart, zone: task.timeZone),
                windowStart: LocalClock.iso(task.windowStart, zone: task.timeZone),
                windowEnd: LocalClock.iso(task.windowEnd, zone: task.timeZone), timeZone: task.timeZone,
                volunteer: task.volunteer, status: task.status.rawValue, attempt: task.attempt, note: task.note,
                mergedInto: task.mergedInto)
        }
        return try JSONOutput.encode(rows) + "\n"
    }

    private func table() -> String {
        var out = ""
        var table = TextTable(["task", "kind", "window (member's time)", "zone", "volunteer", "status"])
        for task in tasks {
            table.add([
                task.taskId, task.kind.rawValue,
                "\(LocalClock.iso(task.windowStart, zone: task.timeZone).prefix(16).replacingOccurrences(of: "T", with: " "))–\(LocalClock.clock(task.windowEnd, zone: task.timeZone))",
                task.timeZone, task.volunteer.isEmpty ? "-" : task.volunteer, task.status.rawValue,
            ])
        }
        if !tasks.isEmpty { out += table.render() + "\n\n" }
        let counts = Dictionary(grouping: tasks, by: \.status).mapValues(\.count)
        let scheduled = eventCount - pastEvents.count
        out +=
            "\(Plural.count(tasks.count, "task")) for \(Plural.count(scheduled, "event"))"
            + (pastEvents.isEmpty
                ? ""
                : " (\(Plural.count(pastEvents.count, "past event")) left as they are)")
            + (counts.isEmpty
                ? "."
                : ": "
                    + TaskStatus.allCases.compactMap { status in counts[status].map { "\($0) \(status.rawValue)" } }
                    .joined(separator: ", ")) + "\n"
        if !skipped.isEmpty {
            let reasons = Dictionary(grouping: skipped, by: \.reason).mapValues(\.count)
            out +=
                "Not contacted: "
                + reasons.sorted { $0.key < $1.key }.map { "\($0.value) (\($0.key))" }.joined(separator: ", ") + "\n"
        }
        if !overloadedDays.isEmpty {
            out +=
                "Over the daily maximum (every volunteer was full): "
                + overloadedDays.prefix(10).joined(separator: "; ")
                + (overloadedDays.count > 10 ? " …and \(overloadedDays.count - 10) more" : "")
                + ". Add volunteers or raise max_calls_per_day.\n"
        }
        if mergedCalls > 0 {
            out += "\(mergedCalls) calls merged into another call the same day (one call a day per member).\n"
        }
        let unschedulable = tasks.filter { $0.status == .unschedulable }
        if !unschedulable.isEmpty {
            out +=
                "\(Plural.count(unschedulable.count, "task")) cannot fit in calling hours before \(Plural.verb(unschedulable.count, "its", "their")) event (status unschedulable).\n"
        }
        return out
    }
}
