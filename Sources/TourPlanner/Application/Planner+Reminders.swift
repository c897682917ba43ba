public import Foundation

/// What `remind schedule` works from: events made from a plan, volunteers, and the options.
public struct ScheduleQuery: Sendable {
    /// A plan whose trainings become events (nil: the stored events only).
    package var plan: TourPlan?
    /// Volunteers to store first (nil: the stored ones).
    package var volunteers: [Volunteer]?
    /// Invite members within this many km of the event.
    package var radiusKm: Double
    /// Send reminder texts for events with no venue yet.
    package var textsWithoutVenue: Bool
    /// When the schedule is made.
    package var now: Date
    /// The reminder rules (nil: the planner's).
    package var rules: ReminderRules?

    /// A schedule request.
    public init(
        plan: TourPlan?, volunteers: [Volunteer]?, radiusKm: Double = 25, textsWithoutVenue: Bool = false, now: Date,
        rules: ReminderRules? = nil
    ) {
        self.plan = plan
        self.volunteers = volunteers
        self.radiusKm = radiusKm
        self.textsWithoutVenue = textsWithoutVenue
        self.now = now
        self.rules = rules
    }
}

// Synchronous for the reason given in `Planner+Calls.swift`.
extension Planner {
    /// Creates events from the plan, stores the volunteers, then schedules and stores every call
    /// and text. Re-running updates tasks in place (ids are event/member/kind) and never loses
    /// recorded outcomes.
    ///
    /// - Throws: `PlannerError` when there is no store or no event to schedule.
    public func schedule(_ query: ScheduleQuery) throws -> ScheduleReport {
        let store = try requireStore()
        let rules = query.rules ?? resources.reminderRules
        let now = query.now
        if let plan = query.plan {
            let made = OutreachEvent.make(from: plan, start: rules.defaultEventStart).map {
                var event = $0
                event.scheduledAt = now
                return event
            }
            // The plan's training start is the one source of truth; only a version 1 plan (no
            // starts of its own) leaves a start entered with `events add --start` in place.
            let planHasStarts = plan.trips.flatMap(\.stops).allSatisfy { $0.trainingStart != nil }
            try store.saveEvents(made, keepingStoredStart: !planHasStarts)
        }
        if let volunteers = query.volunteers { try store.saveVolunteers(volunteers) }
        let events = try store.events()
        guard !events.isEmpty else {
            throw PlannerError(
                "no events to schedule", hint: "pass --plan PLAN.json, or add one with `tourplan events add`")
        }
        let team = try store.volunteers()
        var warnings: [String] = []
        if team.isEmpty {
            warnings.append("Warning: no volunteers yet: tasks are stored unassigned (pass --volunteers FILE).")
        }
        let unresolved = try store.unresolvedMemberCount()
        if unresolved > 0 {
            warnings.append(
                "Note: " + (unresolved == 1 ? "1 member's place is" : "\(unresolved) members' places are")
                    + " not resolved, so no event can invite them (they may live near one): "
                    + "`tourplan members --unresolved` lists them with the reason and suggestions; "
                    + "a corrected export, or an alias for the place (README \"Aliases\"), fixes them."
            )
        }
        let existing = Dictionary(try store.tasks().map { ($0.taskId, $0) }, uniquingKeysWith: { a, _ in a })
        let inputs = try events.map { event in
            (
                event,
                event.startInstant.map { $0 > now } == true
                    ? try store.invitees(near: event, radiusKm: query.radiusKm) : []
            )
        }
        let result = ReminderScheduler(rules: rules).schedule(
            events: inputs, volunteers: team, existing: existing, rsvps: try store.rsvps(), now: now,
            textsWithoutVenue: query.textsWithoutVenue)
        try store.saveTasks(result.tasks)
        for event in result.pastEvents {
            warnings.append(
                "Past: \(event.id) (\(event.metro), \(event.date) \(event.start) \(event.timeZone)) has already started"
                    + " at --now \(LocalClock.iso(now, zone: event.timeZone)): no tasks; its stored tasks are left as they are."
            )
        }
        return ScheduleReport(result, eventCount: events.count, warnings: warnings)
    }
}
