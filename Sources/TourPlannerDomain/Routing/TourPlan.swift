import Foundation
import TourPlannerCore

/// The routed, dated tour: the output of `tourplan tour plan` and the documented input
/// (`PLAN.json`) of the Budget, Reminders and Itinerary stages.
///
/// JSON keys are the property names (lowerCamelCase). Dates are ISO calendar dates.
public struct TourPlan: Hashable, Sendable, Codable {
    /// Format version of PLAN.json: 2 since legs carry local departure and arrival times and
    /// stops their training start (version 1 plans still read, but the itinerary asks to re-plan).
    package var version: Int
    /// The PLAN.json format version this build writes and the newest it reads.
    package static let currentVersion = 2
    /// The request that produced the plan (for the record; not needed to read it).
    package var request: PlanRequestSummary?
    /// The teams that travel, each with its base and the day rules its trips were planned by.
    package var teams: [PlanTeam]
    /// The dated road trips, sorted by start date and then team name.
    public var trips: [Trip]
    /// Sums over all trips: road km (rounded to 0.1), driving hours (rounded to 0.01), nights away and trainings.
    public var totals: PlanTotals
    /// One round trip per stop from the team's base: what the plan is compared with.
    public var naive: NaivePlanTotals
    /// Stops the planner left out, sorted by metro name, each with the reason (a rule it breaks, no run left, over
    /// budget).
    public var unvisited: [UnvisitedStop]
    /// Higher-ranked metros `--top N` passed over, with the reason (empty otherwise).
    package var skipped: [SkippedStop]
    /// Trainings by video on teams' free dates (`--objective chapters` only; absent otherwise).
    package var remoteTrainings: [ChapterTourPlanner.RemoteTraining]?
    /// The expected number of new chapters (`--objective chapters` only).
    package var expectedChapters: Double?

    /// Creates a plan from its parts; `remoteTrainings` and `expectedChapters` start absent.
    package init(
        version: Int = TourPlan.currentVersion, request: PlanRequestSummary? = nil, teams: [PlanTeam], trips: [Trip],
        totals: PlanTotals, naive: NaivePlanTotals, unvisited: [UnvisitedStop], skipped: [SkippedStop] = []
    ) {
        self.skipped = skipped
        self.version = version
        self.request = request
        self.teams = teams
        self.trips = trips
        self.totals = totals
        self.naive = naive
        self.unvisited = unvisited
    }

    enum CodingKeys: String, CodingKey {
        case version, request, teams, trips, totals, naive, unvisited, skipped, remoteTrainings, expectedChapters
    }

    /// Reads PLAN.json leniently where the documented contract allows: `version`, `request`,
    /// `teams` and `unvisited` may be absent (other programs write plans too).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeIfPresent(Int.self, forKey: .version) ?? 1
        guard version <= Self.currentVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: c,
                debugDescription:
                    "PLAN.json version \(version) is newer than this tourplan reads (\(Self.currentVersion)): update tourplan or re-plan"
            )
        }
        request = try c.decodeIfPresent(PlanRequestSummary.self, forKey: .request)
        teams = try c.decodeIfPresent([PlanTeam].self, forKey: .teams) ?? []
        trips = try c.decode([Trip].self, forKey: .trips)
        totals = try c.decode(PlanTotals.self, forKey: .totals)
        naive = try c.decode(NaivePlanTotals.self, forKey: .naive)
        unvisited = try c.decodeIfPresent([UnvisitedStop].self, forKey: .unvisited) ?? []
        skipped = try c.decodeIfPresent([SkippedStop].self, forKey: .skipped) ?? []
        remoteTrainings = try c.decodeIfPresent([ChapterTourPlanner.RemoteTraining].self, forKey: .remoteTrainings)
        expectedChapters = try c.decodeIfPresent(Double.self, forKey: .expectedChapters)
    }
}

/// The parameters of the request that produced a plan, recorded in PLAN.json's `request`.
package struct PlanRequestSummary: Hashable, Sendable, Codable {
    /// First date a trip may use (inclusive).
    package var from: CalendarDate
    /// Last date a trip may use (inclusive).
    package var to: CalendarDate
    /// Allowed ISO weekdays (1 = Monday … 7 = Sunday), sorted; `[6, 7]` is Saturday and Sunday.
    package var weekdays: [Int]
    /// The request's limit on driving hours per day (the day rules' `maxDriveHours`).
    package var maxDriveHoursPerDay: Double
    /// Seed of the deterministic solver: the same input and seed give a byte-identical plan.
    package var seed: UInt64
    /// The request's day rules (each team's own are in `PlanTeam.dayRules`); absent in version 1.
    package var dayRules: DayRules?
    /// Creates a request summary; `dayRules` is absent in version 1 plans.
    package init(
        from: CalendarDate, to: CalendarDate, weekdays: [Int], maxDriveHoursPerDay: Double, seed: UInt64,
        dayRules: DayRules? = nil
    ) {
        self.dayRules = dayRules
        self.from = from
        self.to = to
        self.weekdays = weekdays
        self.maxDriveHoursPerDay = maxDriveHoursPerDay
        self.seed = seed
    }
}

/// A place with coordinates and its IANA time zone (a base or a stop).
public struct PlanPlace: Hashable, Sendable, Codable {
    /// Display name, e.g. "New York City"; legs name their ends by it.
    package var name: String
    /// Latitude in decimal degrees (WGS 84, north positive).
    package var latitude: Double
    /// Longitude in decimal degrees (WGS 84, east positive).
    package var longitude: Double
    /// IANA time zone identifier, e.g. "America/New_York": the clock of departures and trainings there.
    package var timeZone: String
    /// ISO 3166-1 alpha-2 country code, which selects the road class of the drive-time model; absent for a base given
    /// as `Name@lat,lon,Time/Zone`, which then takes the other end's class.
    package var countryCode: String?
    /// Creates a place from its name, WGS 84 coordinates, IANA zone and optional country code.
    public init(name: String, latitude: Double, longitude: Double, timeZone: String, countryCode: String? = nil) {
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.timeZone = timeZone
        self.countryCode = countryCode
    }
}

/// The kind of vehicle a team drives, as written in the teams file (`rented`, `donated`, `memberOwned`).
public enum VehicleKind: String, Hashable, Sendable, Codable, CaseIterable {
    case rented
    case donated
    case memberOwned
}

/// A team of trainers that travels from one base.
package struct PlanTeam: Hashable, Sendable, Codable {
    /// The team's name; trips refer to their team by it (``Trip/team``).
    package var name: String
    /// Where every trip of the team starts and ends.
    package var base: PlanPlace
    /// Number of trainers travelling together (default 3).
    package var trainers: Int
    /// The vehicle the team drives, recorded from the teams file (the budget prices the vehicle of its template).
    package var vehicle: VehicleKind
    /// The day rules the team's trips were planned by (absent in version 1).
    package var dayRules: DayRules?
    /// Creates a team; `dayRules` is absent in version 1 plans.
    package init(name: String, base: PlanPlace, trainers: Int, vehicle: VehicleKind, dayRules: DayRules? = nil) {
        self.dayRules = dayRules
        self.name = name
        self.base = base
        self.trainers = trainers
        self.vehicle = vehicle
    }
}

/// One road trip: leaves the team's base on `start`, returns on `end`.
public struct Trip: Hashable, Sendable, Codable {
    /// Name of the team that makes the trip (``PlanTeam/name``).
    package var team: String
    /// Date the trip leaves the base (a travel-day evening when the trip starts the evening before its run).
    public var start: CalendarDate
    /// Date the trip is back at the base.
    public var end: CalendarDate
    /// Trainings in visiting order, one per day at most.
    public var stops: [PlanStop]
    /// Driving legs in order: base → stops → base.
    package var legs: [PlanLeg]
    /// Where the trainers sleep each night away from base, in date order.
    package var nights: [PlanNight]
    /// Number of nights away from base (the count of ``nights``); written to PLAN.json as `nightsAway`.
    package var nightsAway: Int { nights.count }

    /// Creates a trip from its stops, legs and nights.
    package init(
        team: String, start: CalendarDate, end: CalendarDate, stops: [PlanStop], legs: [PlanLeg], nights: [PlanNight]
    ) {
        self.team = team
        self.start = start
        self.end = end
        self.stops = stops
        self.legs = legs
        self.nights = nights
    }

    enum CodingKeys: String, CodingKey { case team, start, end, stops, legs, nights, nightsAway }

    /// Decodes a trip; `nights` may be absent (older plans) and reads as none. `nightsAway` is derived and not read.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        team = try c.decode(String.self, forKey: .team)
        start = try c.decode(CalendarDate.self, forKey: .start)
        end = try c.decode(CalendarDate.self, forKey: .end)
        stops = try c.decode([PlanStop].self, forKey: .stops)
        legs = try c.decode([PlanLeg].self, forKey: .legs)
        nights = try c.decodeIfPresent([PlanNight].self, forKey: .nights) ?? []
    }

    /// Encodes the trip with the derived `nightsAway` after `nights`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(team, forKey: .team)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(stops, forKey: .stops)
        try c.encode(legs, forKey: .legs)
        try c.encode(nights, forKey: .nights)
        try c.encode(nightsAway, forKey: .nightsAway)
    }
}

/// A training in a metro on a date.
public struct PlanStop: Hashable, Sendable, Codable {
    /// Metro name (its most populous city), e.g. "Boston".
    public var metro: String
    /// The member cities of the metro, e.g. ["Boston", "Cambridge"].
    package var cities: [String]
    /// Date of the training.
    package var date: CalendarDate
    /// Latitude of the metro's main city in decimal degrees (WGS 84).
    package var latitude: Double
    /// Longitude of the metro's main city in decimal degrees (WGS 84).
    package var longitude: Double
    /// IANA time zone of the metro.
    package var timeZone: String
    /// ISO 3166-1 alpha-2 country code of the metro; absent in plans written by other programs.
    package var countryCode: String?
    /// The stop's value (default: unaffiliated members).
    package var value: Double
    /// Length of the training in hours (default 8).
    package var trainingHours: Double
    /// Local start of the training with the zone's offset ("2014-06-07T09:30:00-04:00"): the one
    /// source of the time for events, reminders, itineraries and calendars. Absent in version 1.
    package var trainingStart: String?
    /// Local end of the training, with offset.
    package var trainingEnd: String?
    /// How the stop is visited and its chance of founding a chapter (`--objective chapters` only).
    package var visit: VisitKind?
    /// The chance in 0…1 that the visit founds a chapter (`--objective chapters` only).
    package var chapterProbability: Double?
    /// Creates a stop; `trainingHours` defaults to 8 and the training times are absent in version 1 plans.
    package init(
        metro: String, cities: [String], date: CalendarDate, latitude: Double, longitude: Double,
        timeZone: String, countryCode: String? = nil, value: Double, trainingHours: Double = 8,
        trainingStart: String? = nil, trainingEnd: String? = nil
    ) {
        self.trainingStart = trainingStart
        self.trainingEnd = trainingEnd
        self.metro = metro
        self.cities = cities
        self.date = date
        self.latitude = latitude
        self.longitude = longitude
        self.timeZone = timeZone
        self.countryCode = countryCode
        self.value = value
        self.trainingHours = trainingHours
    }

    enum CodingKeys: String, CodingKey {
        case metro, cities, date, latitude, longitude, timeZone, countryCode, value, trainingHours
        case trainingStart, trainingEnd, visit, chapterProbability
    }

    /// `trainingHours` defaults to 8 and `countryCode` may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metro = try c.decode(String.self, forKey: .metro)
        cities = try c.decodeIfPresent([String].self, forKey: .cities) ?? []
        date = try c.decode(CalendarDate.self, forKey: .date)
        latitude = try c.decode(Double.self, forKey: .latitude)
        longitude = try c.decode(Double.self, forKey: .longitude)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        countryCode = try c.decodeIfPresent(String.self, forKey: .countryCode)
        value = try c.decode(Double.self, forKey: .value)
        trainingHours = try c.decodeIfPresent(Double.self, forKey: .trainingHours) ?? 8
        trainingStart = try c.decodeIfPresent(String.self, forKey: .trainingStart)
        trainingEnd = try c.decodeIfPresent(String.self, forKey: .trainingEnd)
        visit = try c.decodeIfPresent(VisitKind.self, forKey: .visit)
        chapterProbability = try c.decodeIfPresent(Double.self, forKey: .chapterProbability)
    }
}

/// A driving leg between two named places (a base or a metro).
package struct PlanLeg: Hashable, Sendable, Codable {
    /// Name of the place the leg leaves (a base or a metro).
    package var from: String
    /// Name of the place the leg arrives at (a base or a metro).
    package var to: String
    /// Date the drive leaves, at the clock of the place it leaves.
    package var date: CalendarDate
    /// Road distance in kilometres, rounded to 0.1 (the drive-time model's or a `--matrix` figure).
    package var km: Double
    /// Driving time in hours, rounded to 0.01, traffic margin included.
    package var hours: Double
    /// Local departure at `from`, ISO 8601 with that place's offset ("2014-06-07T07:00:00-04:00"); absent in version 1.
    package var departure: String?
    /// Local arrival at `to`, ISO 8601 with that place's offset.
    package var arrival: String?
    /// Creates a leg; `departure` and `arrival` are absent in version 1 plans.
    package init(
        from: String, to: String, date: CalendarDate, km: Double, hours: Double, departure: String? = nil,
        arrival: String? = nil
    ) {
        self.departure = departure
        self.arrival = arrival
        self.from = from
        self.to = to
        self.date = date
        self.km = km
        self.hours = hours
    }
}

/// A night away from base: where the trainers sleep.
package struct PlanNight: Hashable, Sendable, Codable {
    /// Date of the evening the night begins.
    package var date: CalendarDate
    /// The metro where they sleep.
    package var metro: String
    /// True when a member offered to host (no lodging cost).
    package var hosted: Bool
    /// Creates a night away from base.
    package init(date: CalendarDate, metro: String, hosted: Bool) {
        self.date = date
        self.metro = metro
        self.hosted = hosted
    }
}

/// Totals of a plan over all its trips.
public struct PlanTotals: Hashable, Sendable, Codable {
    /// Road kilometres driven, rounded to 0.1.
    public var km: Double
    /// Driving hours, rounded to 0.01.
    package var driveHours: Double
    /// Nights away from base over all trips.
    package var nightsAway: Int
    /// Number of trainings (stops visited in person).
    package var trainings: Int
    /// Creates plan totals.
    package init(km: Double, driveHours: Double, nightsAway: Int, trainings: Int) {
        self.km = km
        self.driveHours = driveHours
        self.nightsAway = nightsAway
        self.trainings = trainings
    }
}

/// Totals of the naive plan: one round trip from the team's base per stop, under the same day rules.
public struct NaivePlanTotals: Hashable, Sendable, Codable {
    /// Road kilometres of the round trips, rounded to 0.1.
    public var km: Double
    /// Driving hours of the round trips, rounded to 0.01.
    package var driveHours: Double
    /// Nights away the round trips need (one per stop when no round trip fits, as a floor).
    package var nightsAway: Int
    /// Creates naive-plan totals.
    package init(km: Double, driveHours: Double, nightsAway: Int) {
        self.km = km
        self.driveHours = driveHours
        self.nightsAway = nightsAway
    }
}

/// A stop the planner left out of the plan.
public struct UnvisitedStop: Hashable, Sendable, Codable {
    /// Name of the metro left out.
    public var metro: String
    /// Why it was left out, e.g. "no trip fits the day rules: …" or "no run of 2 allowed days left for its trip".
    public var reason: String
    /// Creates an unvisited stop.
    package init(metro: String, reason: String) {
        self.metro = metro
        self.reason = reason
    }
}

/// A metro `--top N` passed over although it ranks higher than one it took.
package struct SkippedStop: Hashable, Sendable, Codable {
    /// Name of the metro passed over.
    package var metro: String
    /// Its place in the ranking (1 = best).
    package var rank: Int
    /// Why no trip could take it, e.g. "no trip fits the day rules: …".
    package var reason: String
    /// Creates a skipped stop.
    package init(metro: String, rank: Int, reason: String) {
        self.metro = metro
        self.rank = rank
        self.reason = reason
    }
}
