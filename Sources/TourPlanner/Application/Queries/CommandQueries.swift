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
    package init(
        member: String, set: Set<ConsentFlag>, clear: Set<ConsentFlag>, stopReply: Bool, actor: String?,
        reason: String?, now: Date
    ) throws(InvalidArgument) {
        try Self.checkArguments(lifts: !clear.isEmpty, stopReply: stopReply, reason: reason)
        self.init(
            member: MemberID(member), set: stopReply ? set.union([.doNotText]) : set, clear: clear,
            source: stopReply ? .stopReply : .organizer, actor: actor, reason: reason, now: now)
    }

    /// A query from `members consent`'s options as typed: each flag set or lifted when its option
    /// is on (`--no-calls` sets do-not-call, `--allow-calls` lifts it), the change made by `actor`,
    /// else by `$USER`.
    ///
    /// - Throws: `InvalidArgument` as `init(member:set:clear:stopReply:actor:reason:now:)` does.
    public init(
        member: String, setting: KeyValuePairs<ConsentFlag, Bool>, lifting: KeyValuePairs<ConsentFlag, Bool>,
        stopReply: Bool, actor: String?, reason: String?, now: Date
    ) throws(InvalidArgument) {
        try self.init(
            member: member, set: Self.flags(setting), clear: Self.flags(lifting), stopReply: stopReply,
            actor: actor ?? ProcessInfo.processInfo.environment["USER"], reason: reason, now: now)
    }
}

extension ImportQuery {
    /// A query from `import`'s options as typed: the column mapping read from the `--map` file, else
    /// the `--preset` named, else detected from each file's header.
    ///
    /// - Throws: `mapping(file:)`'s and `mapping(preset:)`'s errors.
    public init(
        files: [String], format: ImportFormat?, encoding: TextEncoding, maxErrors: Int, dryRun: Bool,
        mapFile: String?, preset: String?, resolvePlaces: Bool, now: Date
    ) throws {
        let mapping = try mapFile.map(Self.mapping(file:)) ?? preset.map(Self.mapping(preset:))
        self.init(
            files: files, format: format, encoding: encoding, maxErrors: maxErrors, dryRun: dryRun, mapping: mapping,
            resolvePlaces: resolvePlaces, now: now)
    }
}

extension RankQuery {
    /// A query from `rank`'s options as typed, with each `--weight` NAME=NUMBER.
    ///
    /// - Throws: `InvalidArgument` as `checkArguments(limit:radiusKm:minUnaffiliated:weights:)` does.
    public init(
        radiusKm: Double, base: String?, limit: Int?, country: String?, minUnaffiliated: Int, weightsFile: String?,
        weights: [String], explain: String?, order: RankOrder, settingsFile: String?
    ) throws(InvalidArgument) {
        try Self.checkArguments(limit: limit, radiusKm: radiusKm, minUnaffiliated: minUnaffiliated, weights: weights)
        self.init(
            radiusKm: radiusKm, base: base, limit: limit, country: country, minUnaffiliated: minUnaffiliated,
            weightsFile: weightsFile, weightOverrides: try WeightOverride.arguments(weights), explain: explain,
            order: order, settingsFile: settingsFile)
    }
}

extension PlaceResolutionQuery {
    /// A query from `cities resolve`'s options: the `--organization-country` codes given (none:
    /// the store's members' countries).
    public init(text: String, countryOptions: [String]) {
        self.init(text: text, organizationCountries: countryOptions.isEmpty ? nil : Set(countryOptions))
    }

    /// How the job needs the store: only for the organization's countries, when none were given.
    public var storeAccess: StoreAccess { organizationCountries == nil ? .ifPresent : .none }
}

extension RouteQuery {
    /// A query from `cities route`'s options: the `--organization-country` codes given (none: the
    /// store's members' countries).
    public init(from: String, to: String, matrixFile: String?, countryOptions: [String], trafficMargin: Double) {
        self.init(
            from: from, to: to, matrixFile: matrixFile,
            organizationCountries: countryOptions.isEmpty ? nil : Set(countryOptions), trafficMargin: trafficMargin)
    }

    /// How the job needs the store: only for the organization's countries, when none were given.
    public var storeAccess: StoreAccess { organizationCountries == nil ? .ifPresent : .none }
}

extension Planner {
    /// A planner with the bundled resources and no store, for jobs that never read one (`demo`,
    /// `solve`, `budget init`) or open their own (`budget actuals add`).
    ///
    /// - Throws: `PlannerError` or `SettingsError` for the bundled resources.
    public static func withoutStore() throws -> Planner { Planner(store: nil, resources: try PlannerResources()) }
}
