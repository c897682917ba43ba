public import Foundation

// Queries built from a front end's options as typed: files named by path are read here, and
// values typed as text are parsed with the option named in the error.

extension ScheduleQuery {
    /// A query from `remind schedule`'s options, with the plan and the volunteers read from their
    /// files.
    ///
    /// - Throws: `PlannerError` for a file that cannot be read; `PlanFileError` for a bad plan; the
    ///   volunteers file's errors.
    public init(
        planPath: String?, volunteersPath: String?, radiusKm: Double, textsWithoutVenue: Bool, now: Date,
        rules: ReminderRules?
    ) throws {
        self.init(
            plan: try planPath.map(PlannerFiles.plan), volunteers: try volunteersPath.map(VolunteerFile.load),
            radiusKm: radiusKm, textsWithoutVenue: textsWithoutVenue, now: now, rules: rules)
    }
}

extension EventQuery {
    /// A query from `events add`'s options as typed: the date YYYY-MM-DD, the start HH:MM.
    ///
    /// - Throws: `InvalidArgument` naming --date or --start.
    public init(place: String, date: String, start: String, venue: String?, organizer: String?, now: Date)
        throws(InvalidArgument)
    {
        self.init(
            place: place, date: try CalendarDate.argument(date, option: "--date"),
            start: try LocalTime.argument(start, option: "--start"), venue: venue, organizer: organizer, now: now)
    }
}

extension DemoQuery {
    /// A demo costing the tour with the budget template at `budgetTemplate` (the bundled
    /// Budgets/east-coast-2014.toml; nil when the build lacks it).
    ///
    /// - Throws: `PlannerError` when the template is missing or unreadable.
    public init(out: String, budgetTemplate: URL?, baseURL: String) throws {
        guard let budgetTemplate, let text = try? String(contentsOf: budgetTemplate, encoding: .utf8) else {
            throw PlannerError(
                "the bundled budget template is missing from this build", hint: "rebuild with `swift build`")
        }
        self.init(out: out, budgetTemplateText: text, baseURL: baseURL)
    }
}

extension MemberConsentQuery {
    /// A query from `members consent`'s flags: `set` and `clear` as their options say, and a STOP
    /// reply to a text (`stopReply`) recorded as do-not-text with the source stop-reply.
    ///
    /// - Throws: `InvalidArgument` as `checkArguments(lifts:stopReply:reason:)` does: a lift without
    ///   a reason, or a STOP reply with a lift.
    public init(
        member: String, set: Set<ConsentFlag>, clear: Set<ConsentFlag>, stopReply: Bool, actor: String?,
        reason: String?, now: Date
    ) throws(InvalidArgument) {
        try Self.checkArguments(lifts: !clear.isEmpty, stopReply: stopReply, reason: reason)
        self.init(
            member: MemberID(member), set: stopReply ? set.union([.doNotText]) : set, clear: clear,
            source: stopReply ? .stopReply : .organizer, actor: actor, reason: reason, now: now)
    }
}
