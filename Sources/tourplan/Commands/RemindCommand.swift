import ArgumentParser
import Foundation
import TourPlanner

/// `--rules FILE` (default: the bundled reminder-rules.toml) and `--now` for scheduling.
struct ReminderOptions: ParsableArguments {
    @Option(help: "Reminder rules file (TOML; see README \"Reminder rules\").") var rules: String?
    @Option(help: "Pretend it is this time (ISO 8601, e.g. 2014-06-01T09:00:00Z); default: now.") var now: String?

    func loadRules() throws -> ReminderRules {
        guard let rules else { return try ReminderRules.loadBundled() }
        guard let text = try? String(contentsOfFile: rules, encoding: .utf8) else {
            throw CLIError("\(rules): cannot be read", hint: "check the --rules path")
        }
        return try ReminderRules.parse(text, fileName: rules)
    }

    func instant() throws -> Date {
        guard let now else { return Date() }
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: now) else {
            throw ValidationError("--now \"\(now)\" is not an ISO 8601 time like 2014-06-01T09:00:00Z")
        }
        return date
    }
}

struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Outreach tasks: calls and texts for each event.", subcommands: [Schedule.self]
    )

    struct Schedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "Create events from a plan, then schedule and store every call and text.",
            discussion: """
                Re-running after a new plan or import updates tasks in place (ids are event/member/kind): it never
                duplicates them and never loses recorded outcomes. Members with no phone or opted out are reported.
                """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "A plan from `tourplan tour plan` (events are made from its trainings).") var plan: String?
        @Option(help: "Volunteers CSV: name,phone,time_zone,languages,max_calls_per_day.") var volunteers: String?
        @Option(help: "Invite members within this many km of the event.") var radiusKm = 25.0
        @Option(help: "Output format.") var format: ReminderFormat = .table
        @Flag(help: "Send reminder texts for events with no venue yet (held otherwise; calls still go).")
        var textsWithoutVenue = false
        @OptionGroup var options: ReminderOptions

        enum ReminderFormat: String, CaseIterable, ExpressibleByArgument { case table, json }

        func run() async throws {
            let store = try database.open()
            let rules = try options.loadRules()
            let now = try options.instant()
            if let plan {
                let tourPlan = try PlanFile.load(plan)
                let made = OutreachEvent.make(from: tourPlan, start: rules.defaultEventStart).map {
                    var event = $0
                    event.scheduledAt = now
                    return event
                }
                // The plan's training start is the one source of truth; only a version 1 plan (no
                // starts of its own) leaves a start entered with `events add --start` in place.
                let planHasStarts = tourPlan.trips.flatMap(\.stops).allSatisfy { $0.trainingStart != nil }
                try store.saveEvents(made, keepingStoredStart: !planHasStarts)
            }
            if let volunteers {
                guard let text = try? String(contentsOfFile: volunteers, encoding: .utf8) else {
                    throw CLIError("\(volunteers): cannot be read", hint: "check the --volunteers path")
                }
                try store.saveVolunteers(try VolunteerFile.parse(text, fileName: volunteers))
            }
            let events = try store.events()
            guard !events.isEmpty else {
                throw CLIError(
                    "no events to schedule", hint: "pass --plan PLAN.json, or add one with `tourplan events add`")
            }
            let team = try store.volunteers()
            if team.isEmpty {
                printError("Warning: no volunteers yet: tasks are stored unassigned (pass --volunteers FILE).")
            }
            let existing = Dictionary(try store.tasks().map { ($0.taskId, $0) }, uniquingKeysWith: { a, _ in a })
            let inputs = try events.map { event in
                (
                    event,
                    event.startInstant.map { $0 > now } == true
                        ? try store.invitees(near: event, radiusKm: radiusKm) : []
                )
            }
            let result = ReminderScheduler(rules: rules).schedule(
                events: inputs, volunteers: team, existing: existing, rsvps: try store.rsvps(), now: now,
                textsWithoutVenue: textsWithoutVenue)
            try store.saveTasks(result.tasks)
            for event in result.pastEvents {
                printError(
                    "Past: \(event.id) (\(event.metro), \(event.date) \(event.start) \(event.timeZone)) has already started"
                        + " at --now \(LocalClock.iso(now, zone: event.timeZone)): no tasks; its stored tasks are left as they are."
                )
            }
            switch format {
            case .json:
                struct Row: Encodable {
                    var taskId, memberId, kind, eventId, eventStart, windowStart, windowEnd, timeZone, volunteer,
                        status: String
                    var attempt: Int
                    var note, mergedInto: String?
                }
                let rows = result.tasks.map { task in
                    Row(
                        taskId: task.taskId, memberId: task.memberId.rawValue, kind: task.kind.rawValue,
                        eventId: task.eventId,
                        eventStart: LocalClock.iso(task.eventStart, zone: task.timeZone),
                        windowStart: LocalClock.iso(task.windowStart, zone: task.timeZone),
                        windowEnd: LocalClock.iso(task.windowEnd, zone: task.timeZone), timeZone: task.timeZone,
                        volunteer: task.volunteer,
                        status: task.status.rawValue, attempt: task.attempt, note: task.note,
                        mergedInto: task.mergedInto)
                }
                print(try JSONOutput.encode(rows))
            case .table:
                var table = TextTable(["task", "kind", "window (member's time)", "zone", "volunteer", "status"])
                for task in result.tasks {
                    table.add([
                        task.taskId, task.kind.rawValue,
                        "\(LocalClock.iso(task.windowStart, zone: task.timeZone).prefix(16).replacingOccurrences(of: "T", with: " "))–\(LocalClock.clock(task.windowEnd, zone: task.timeZone))",
                        task.timeZone, task.volunteer.isEmpty ? "-" : task.volunteer, task.status.rawValue,
                    ])
                }
                if !result.tasks.isEmpty { print(table.render() + "\n") }
                let counts = Dictionary(grouping: result.tasks, by: \.status).mapValues(\.count)
                let scheduled = events.count - result.pastEvents.count
                print(
                    "\(result.tasks.count) tasks for \(scheduled) events"
                        + (result.pastEvents.isEmpty
                            ? "" : " (\(result.pastEvents.count) past events left as they are)")
                        + (counts.isEmpty
                            ? "."
                            : ": "
                                + TaskStatus.allCases.compactMap { status in
                                    counts[status].map { "\($0) \(status.rawValue)" }
                                }
                                .joined(separator: ", ")))
                if !result.skipped.isEmpty {
                    let reasons = Dictionary(grouping: result.skipped, by: \.reason).mapValues(\.count)
                    print(
                        "Not contacted: "
                            + reasons.sorted { $0.key < $1.key }.map { "\($0.value) (\($0.key))" }.joined(
                                separator: ", "))
                }
                if !result.overloadedDays.isEmpty {
                    print(
                        "Over the daily maximum (every volunteer was full): "
                            + result.overloadedDays.prefix(10).joined(separator: "; ")
                            + (result.overloadedDays.count > 10 ? " …and \(result.overloadedDays.count - 10) more" : "")
                            + ". Add volunteers or raise max_calls_per_day.")
                }
                if result.mergedCalls > 0 {
                    print(
                        "\(result.mergedCalls) calls merged into another call the same day (one call a day per member)."
                    )
                }
                let unschedulable = result.tasks.filter { $0.status == .unschedulable }
                if !unschedulable.isEmpty {
                    print(
                        "\(unschedulable.count) tasks cannot fit in calling hours before their event (status unschedulable)."
                    )
                }
            }
        }
    }
}
