/// `Planner.planTour(_:)`: who travels, where to, when, and by which rules.
public struct TourQuery: Sendable, Hashable {
    /// What the planner optimizes.
    public enum Objective: String, Sendable, Hashable, Codable, CaseIterable {
        /// Visit every stop at least cost.
        case all
        /// Choose stops to maximize value within the limits.
        case value
        /// Choose stops and visit kinds (in person, follow-up, remote) for the most expected chapters.
        case chapters
    }

    /// The team's base, e.g. "New York, NY" or "Name@lat,lon,Time/Zone" (when no teams file).
    package var base: String?
    /// A teams file (JSON, README "Teams file") instead of `base`.
    package var teamsPath: String?
    /// The first and last dates.
    package var from: CalendarDate
    /// The last date.
    package var to: CalendarDate
    /// Metros to visit, by metro or member-city name; empty: the `top` best-ranked reachable ones.
    package var stops: [String]
    /// How many best-ranked metros to visit when `stops` is empty (default 5).
    package var top: Int?
    /// Allowed travel weekdays, ISO numbers (1 Monday … 7 Sunday).
    package var weekdays: Set<Int>
    /// Dates the team cannot travel.
    package var blackoutDates: Set<CalendarDate>
    /// A planner settings file (TOML, `[day]` table) applied over the default day rules.
    package var settingsPath: String?
    /// Day-rule flags applied over the settings file (named by their `--flag` in errors).
    package var dayRuleFlags: DayRuleSettings
    /// At most this many trainings.
    package var maxTrainings: Int?
    /// Money budget for driving.
    package var budget: Double?
    /// Cost per km for `budget` (distance-only costing).
    package var costPerKm: Double
    /// A budget template whose rates price `budget` instead.
    package var ratesPath: String?
    /// What to optimize.
    package var objective: Objective
    /// A distance/time matrix CSV (from,to,km,hours) overriding the road model.
    package var matrixPath: String?
    /// Plan drives this fraction longer than the no-traffic model.
    package var trafficMargin: Double
    /// The metro radius in km (as for rank); also how near a base a metro is the base's own.
    package var radiusKm: Double
    /// The random seed.
    package var seed: UInt64
    /// Where to write the plan (JSON); nil: not written.
    package var out: String?
    /// Also save the plan in the store as this tour (`--save NAME`); the name is checked before
    /// anything is planned or written.
    package var save: String?
    /// Replace the plan already saved as tour `save` (`--replace`); without it such a name is refused.
    package var replacesSaved: Bool

    /// A query for a tour between `from` and `to`; every other field has the CLI's default.
    public init(
        base: String? = nil, teamsPath: String? = nil, from: CalendarDate, to: CalendarDate, stops: [String] = [],
        top: Int? = nil, weekdays: Set<Int> = [6, 7], blackoutDates: Set<CalendarDate> = [],
        settingsPath: String? = nil, dayRuleFlags: DayRuleSettings = DayRuleSettings(), maxTrainings: Int? = nil,
        budget: Double? = nil, costPerKm: Double = 0.5, ratesPath: String? = nil, objective: Objective = .all,
        matrixPath: String? = nil, trafficMargin: Double = 0, radiusKm: Double = MetroClustering.defaultRadiusKm,
        seed: UInt64 = 1, out: String? = nil, save: String? = nil, replacesSaved: Bool = false
    ) {
        self.base = base
        self.teamsPath = teamsPath
        self.from = from
        self.to = to
        self.stops = stops
        self.top = top
        self.weekdays = weekdays
        self.blackoutDates = blackoutDates
        self.settingsPath = settingsPath
        self.dayRuleFlags = dayRuleFlags
        self.maxTrainings = maxTrainings
        self.budget = budget
        self.costPerKm = costPerKm
        self.ratesPath = ratesPath
        self.objective = objective
        self.matrixPath = matrixPath
        self.trafficMargin = trafficMargin
        self.radiusKm = radiusKm
        self.seed = seed
        self.out = out
        self.save = save
        self.replacesSaved = replacesSaved
    }
}
