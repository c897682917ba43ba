import Foundation

extension TourQuery {
    /// The weekday names `--weekdays` takes (their first three letters, any case), Monday 1 to Sunday 7.
    static let weekdayNumbers = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]

    /// A query from `tour plan`'s options as typed: dates YYYY-MM-DD, `weekdays` comma-separated
    /// names ("sat,sun"), `blackout` dates.
    ///
    /// - Throws: `InvalidArgument` for the first option that breaks its rule, checked in this
    ///   order: --traffic-margin (0 to 2), --base or --teams, --from, --to, --top (at least 1),
    ///   --max-trainings (at least 1), --budget (not negative), --weekdays, --blackout, --replace
    ///   (only with --save).
    public init(
        base: String?, teamsPath: String?, from: String, to: String, stops: [String], top: Int?, weekdays: String,
        blackout: [String], settingsPath: String?, dayRuleFlags: DayRuleSettings, maxTrainings: Int?,
        budget: Double?, costPerKm: Double, ratesPath: String?, objective: Objective, matrixPath: String?,
        trafficMargin: Double, radiusKm: Double, seed: UInt64, out: String?, save: String? = nil,
        replace: Bool = false
    ) throws(InvalidArgument) {
        try RouteQuery.checkArguments(trafficMargin: trafficMargin)
        if base == nil && teamsPath == nil { throw InvalidArgument("give --base PLACE or --teams FILE") }
        let first = try CalendarDate.argument(from, option: "--from")
        let last = try CalendarDate.argument(to, option: "--to")
        if let top, top < 1 { throw InvalidArgument("--top must be at least 1 (got \(top))") }
        if let maxTrainings, maxTrainings < 1 {
            throw InvalidArgument("--max-trainings must be at least 1 (got \(maxTrainings))")
        }
        if let budget, budget < 0 { throw InvalidArgument("--budget must not be negative (got \(budget))") }
        let days = try Self.weekdays(weekdays)
        var blackoutDates: Set<CalendarDate> = []
        for date in blackout { blackoutDates.insert(try CalendarDate.argument(date, option: "--blackout")) }
        if replace && save == nil { throw InvalidArgument("--replace needs --save NAME (the tour to replace)") }
        self.init(
            base: base, teamsPath: teamsPath, from: first, to: last, stops: stops, top: top, weekdays: days,
            blackoutDates: blackoutDates, settingsPath: settingsPath, dayRuleFlags: dayRuleFlags,
            maxTrainings: maxTrainings, budget: budget, costPerKm: costPerKm, ratesPath: ratesPath,
            objective: objective, matrixPath: matrixPath, trafficMargin: trafficMargin, radiusKm: radiusKm, seed: seed,
            out: out, save: save, replacesSaved: replace)
    }

    /// Refuses an `out` that is one of the query's input files (`aliases`, the alias file the
    /// planner was made with, and the store at `store` included), before anything is planned.
    ///
    /// - Throws: `PlannerError` naming both options (see `OutputFile.check`).
    public func checkOutput(aliases: String?, store: String?) throws {
        try OutputFile.check(
            out,
            against: [
                "--teams": teamsPath, "--matrix": matrixPath, "--rates": ratesPath, "--aliases": aliases,
                "--settings": settingsPath,
            ], store: store)
    }

    /// The weekdays (1 Monday … 7 Sunday) of a comma-separated list of names ("sat,sun", "Fri, Sat").
    ///
    /// - Throws: `InvalidArgument` naming a part that is no weekday, or an empty list.
    static func weekdays(_ text: String) throws(InvalidArgument) -> Set<Int> {
        var days: Set<Int> = []
        for part in text.lowercased().split(separator: ",") {
            guard let day = weekdayNumbers[String(part.trimmingCharacters(in: .whitespaces).prefix(3))] else {
                throw InvalidArgument(
                    "--weekdays \"\(text)\": \"\(part)\" is not a weekday (mon, tue, wed, thu, fri, sat, sun)")
            }
            days.insert(day)
        }
        if days.isEmpty { throw InvalidArgument("--weekdays must name at least one day") }
        return days
    }
}
