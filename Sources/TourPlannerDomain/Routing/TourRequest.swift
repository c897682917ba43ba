import TourPlannerCore

/// A stop the tour may visit: a metro with its value.
public struct TourCandidate: Hashable, Sendable, Codable {
    /// Metro name (its most populous city); legs and nights name the stop by it.
    package var metro: String
    /// Names of the metro's member cities, e.g. ["Boston", "Cambridge"], for matching `--stops` and for the itinerary.
    package var cities: [String]
    /// Where the training is: the metro's center (its anchor city), the point distances are measured from.
    package var point: GeoPoint
    /// IANA time zone of the metro: trainings and drives arriving there are timed on its clock.
    package var timeZone: String
    /// ISO 3166-1 alpha-2 country code, which selects the drive-time model's road class.
    package var countryCode: String?
    /// Default: unaffiliated members.
    package var value: Double
    /// True when a member there offered to host the trainers.
    package var hasHost: Bool
    /// Creates a candidate stop.
    public init(
        metro: String, cities: [String], point: GeoPoint, timeZone: String, countryCode: String? = nil, value: Double,
        hasHost: Bool = false
    ) {
        self.metro = metro
        self.cities = cities
        self.point = point
        self.timeZone = timeZone
        self.countryCode = countryCode
        self.value = value
        self.hasHost = hasHost
    }
}

/// A team of trainers with its base and the dates it can travel.
public struct TourTeam: Hashable, Sendable, Codable {
    /// The team's name, as trips and messages show it.
    package var name: String
    /// Where each of the team's trips starts and ends.
    package var base: PlanPlace
    /// Number of trainers travelling together (default 3).
    package var trainers: Int
    /// The vehicle the team drives (recorded in the plan; default rented).
    package var vehicle: VehicleKind
    /// Dates the team can travel; nil means every allowed date of the calendar.
    package var availableDates: Set<CalendarDate>?
    /// This team's day rules; nil means the request's.
    package var dayRules: DayRules?
    /// Creates a team; without `availableDates` it may travel on every allowed date, without `dayRules` by the
    /// request's.
    public init(
        name: String, base: PlanPlace, trainers: Int = 3, vehicle: VehicleKind = .rented,
        availableDates: Set<CalendarDate>? = nil, dayRules: DayRules? = nil
    ) {
        self.dayRules = dayRules
        self.name = name
        self.base = base
        self.trainers = trainers
        self.vehicle = vehicle
        self.availableDates = availableDates
    }
}

/// How the planner prices a plan against `--budget`: per km driven, per night away, per trip
/// and per training. Distance-only costing is `perKm` alone; `BudgetCalculator.costModel(for:)`
/// derives all four from a budget template (the exact costing stays `tourplan budget --plan`).
package struct TripCostModel: Hashable, Sendable {
    /// Cost per road km driven, in the budget's currency.
    package var perKm: Double
    /// Cost per night away from base.
    package var perNight: Double
    /// Cost per trip (tolls and parking).
    package var perTrip: Double
    /// Cost per training (per diem, materials, a rental day).
    package var perTraining: Double
    /// Creates a cost model; distance-only costing gives `perKm` alone.
    package init(perKm: Double, perNight: Double = 0, perTrip: Double = 0, perTraining: Double = 0) {
        self.perKm = perKm
        self.perNight = perNight
        self.perTrip = perTrip
        self.perTraining = perTraining
    }

    func cost(km: Double, nights: Int, trips: Int, trainings: Int) -> Double {
        km * perKm + Double(nights) * perNight + Double(trips) * perTrip + Double(trainings) * perTraining
    }
}

/// What to optimize.
public enum TourObjective: String, Hashable, Sendable, Codable, CaseIterable {
    /// Visit every stop at the least driving distance (then fewest nights).
    case visitAll = "all"
    /// Choose the stops to maximize their total value within the limits (prize collecting).
    case maximizeValue = "value"
}

/// Everything `TourScheduler` needs.
public struct TourRequest: Hashable, Sendable {
    /// The teams that travel; each trip belongs to one team.
    package var teams: [TourTeam]
    /// The stops the plan may visit.
    package var candidates: [TourCandidate]
    /// First date a trip may use (inclusive).
    package var from: CalendarDate
    /// Last date a trip may use (inclusive).
    package var to: CalendarDate
    /// ISO weekdays allowed (1 = Monday … 7 = Sunday); default Saturday and Sunday.
    package var weekdays: Set<Int>
    /// Dates no trip may use (`--blackout`).
    package var blackoutDates: Set<CalendarDate>
    /// The trainers' day for every team without its own `TourTeam.dayRules`.
    package var dayRules: DayRules
    /// The request's maximum driving a day (`dayRules.maxDriveHours`).
    package var maxDriveHoursPerDay: Double {
        get { dayRules.maxDriveHours }
        set { dayRules.maxDriveHours = newValue }
    }
    /// The most trainings the plan may hold (`--max-trainings`); nil for no limit.
    package var maxTrainings: Int?
    /// Money budget for driving, with its cost per km (distance-only costing).
    package var budget: Double?
    /// Cost per km for distance-only costing (`--cost-per-km`, default 0.5): reads and writes ``costModel``'s `perKm`.
    package var costPerKm: Double {
        get { costModel.perKm }
        set { costModel.perKm = newValue }
    }
    /// Prices for the budget check (distance-only unless set from a template).
    package var costModel = TripCostModel(perKm: 0.5)
    /// Visit every stop (`all`) or choose the most valuable ones (`value`).
    package var objective: TourObjective
    /// The drive-time model legs are measured and timed with (with any `--matrix` overrides and traffic margin).
    package var travel: TravelModel
    /// Seed of the random choices of the heuristic for more than 15 stops (the exact planner uses none): the same
    /// request and seed give the same plan.
    package var seed: UInt64

    /// Creates a request; `maxDriveHoursPerDay`, when given, overrides `dayRules.maxDriveHours`, and `costPerKm` sets a
    /// distance-only cost model.
    public init(
        teams: [TourTeam], candidates: [TourCandidate], from: CalendarDate, to: CalendarDate,
        weekdays: Set<Int> = [6, 7],
        blackoutDates: Set<CalendarDate> = [], maxDriveHoursPerDay: Double? = nil, dayRules: DayRules = DayRules(),
        maxTrainings: Int? = nil,
        budget: Double? = nil,
        costPerKm: Double = 0.5, objective: TourObjective = .visitAll, travel: TravelModel = TravelModel(),
        seed: UInt64 = 1
    ) {
        self.teams = teams
        self.candidates = candidates
        self.from = from
        self.to = to
        self.weekdays = weekdays
        self.blackoutDates = blackoutDates
        self.dayRules = dayRules
        if let maxDriveHoursPerDay { self.dayRules.maxDriveHours = maxDriveHoursPerDay }
        self.maxTrainings = maxTrainings
        self.budget = budget
        self.costModel = TripCostModel(perKm: costPerKm)
        self.objective = objective
        self.travel = travel
        self.seed = seed
    }

    /// The day rules a team drives by: its own, else the request's.
    package func rules(for team: TourTeam) -> DayRules { team.dayRules ?? dayRules }

    /// Whether the day before `run` is a travel day for `team`: one of its rules' travel
    /// weekdays, within the date range and not a blackout date.
    package func hasTravelDay(before run: [CalendarDate], team: TourTeam) -> Bool {
        guard let first = run.first else { return false }
        let day = first.adding(days: -1)
        return rules(for: team).travelDays.contains(day.isoWeekday) && day >= from && !blackoutDates.contains(day)
            && !weekdays.contains(day.isoWeekday)
    }

    /// Runs of consecutive allowed dates (weekends by default) within the range, for a team.
    ///
    /// - Complexity: O(days in the range).
    package func runs(for team: TourTeam) -> [[CalendarDate]] {
        var runs: [[CalendarDate]] = []
        var current: [CalendarDate] = []
        var day = from
        while day <= to {
            let allowed =
                weekdays.contains(day.isoWeekday) && !blackoutDates.contains(day)
                && (team.availableDates?.contains(day) ?? true)
            if allowed {
                current.append(day)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
            day = day.adding(days: 1)
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }
}
