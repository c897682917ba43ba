import Foundation
import TourPlannerCore

/// A plan laid out day by day for people: departures, drives, trainings, nights, returns.
/// The JSON form of this value is `tourplan itinerary --format json` (documented in README).
public struct Itinerary: Hashable, Sendable, Codable {
    /// The unit distances are shown in; every distance is stored in kilometres whatever the unit.
    public enum Units: String, Hashable, Sendable, Codable, CaseIterable { case km, mi }

    /// One entry of a day: a drive, a training or a night, in time order within the day.
    public struct Item: Hashable, Sendable, Codable {
        /// What an item is.
        public enum Kind: String, Hashable, Sendable, Codable { case drive, training, night }
        /// What the item is: a drive, a training or a night.
        public var kind: Kind
        /// Local start and end ("2014-06-07T05:13:00-04:00") in the zone of the place.
        public var start: String
        /// Local end, in the zone of `endTimeZone` when set, else of `timeZone`.
        public var end: String
        /// IANA zone of `start` (for a drive: the zone of its origin).
        public var timeZone: String
        /// The zone of `end` when it differs from `timeZone` (a drive into another zone).
        public var endTimeZone: String?
        /// The line shown for the item ("Drive Boston → Albany", "Training in Albany", "Night in Albany, hotel").
        public var title: String
        /// Where a drive leaves from; nil for trainings and nights.
        package var from: String?
        /// Where a drive goes; nil for trainings and nights.
        package var to: String?
        /// Length of a drive in kilometres; nil for trainings and nights.
        public var km: Double?
        /// Duration in hours: driving time of a drive, length of a training; nil for nights.
        package var hours: Double?
        /// The metro of a training or a night; nil for drives.
        package var metro: String?
        /// The venue of a training, from the events; nil when none is known.
        public var venue: String?
        /// The organizer of a training, from the events; nil when none is known.
        public var organizer: String?
        /// For a night: true when a member hosts it, false for a hotel; nil for drives and trainings.
        package var hosted: Bool?
        /// Latitude in decimal degrees (a drive's destination, a training's or night's metro); nil when unknown.
        package var latitude: Double?
        /// Longitude in decimal degrees, as `latitude`.
        package var longitude: Double?
    }

    /// One calendar day of a trip, with its items.
    public struct Day: Hashable, Sendable, Codable {
        /// The day, in the zone of the trip's places.
        public var date: CalendarDate
        /// The day's items in time order, the nights last.
        public var items: [Item]
    }

    /// One trip of the plan laid out by day (a remote training is a trip of its own with one day).
    public struct TripDays: Hashable, Sendable, Codable {
        /// The trip's number in the itinerary, from 1.
        public var number: Int
        /// The team that makes the trip.
        public var team: String
        /// The name of the team's base, where the trip starts and ends (the team's name when the plan has no such team).
        public var base: String
        /// The first day of the trip.
        public var start: CalendarDate
        /// The last day of the trip (included).
        public var end: CalendarDate
        /// Every day from `start` to `end`, a day without items included.
        public var days: [Day]
        /// Kilometres driven on the trip (the sum of its legs; 0 for a remote training).
        public var km: Double
        /// Hours driven on the trip (the sum of its legs; 0 for a remote training).
        public var hours: Double
        /// Nights the team spends away from its base.
        public var nightsAway: Int
    }

    /// The itinerary's title (default "Chapter-building tour").
    package var title: String
    /// The unit distances are shown in.
    public var units: Units
    /// The trips in plan order, then the remote trainings.
    public var trips: [TripDays]
    /// The plan's totals (distance, time, cost), copied from the plan.
    package var totals: PlanTotals
    /// The totals of the naive plan the optimized one is compared with, copied from the plan.
    package var naive: NaivePlanTotals
    /// The stops the plan could not visit, with the reason.
    public var unvisited: [UnvisitedStop]
    /// The tour's budget total, shown when given.
    package var budgetTotal: Money?

    /// Per-stop details known from events (venue, organizer); the time is the plan's.
    package struct StopDetails: Hashable, Sendable {
        /// The venue of the training at this metro.
        package var venue: String?
        /// The organizer of the training at this metro.
        package var organizer: String?
        /// Creates the details of one stop.
        package init(venue: String? = nil, organizer: String? = nil) {
            self.venue = venue
            self.organizer = organizer
        }
    }

    /// Lays a plan out day by day, at the plan's own times (PLAN.json version 2): each drive
    /// from its leg's local departure to its arrival, each training from its stop's training
    /// start to its end. A night runs from 21:00 to 07:00 local at the place (for calendars only).
    ///
    /// - Parameters:
    ///   - plan: the tour plan (PLAN.json version 2, with times).
    ///   - units: the distance unit shown (kilometres or miles).
    ///   - details: venues and organizers by metro, from events; their start times are
    ///     not used (see `startConflicts(plan:details:)`).
    ///   - budgetTotal: the tour's budget total, shown when given.
    ///   - title: the itinerary's title.
    /// - Returns: the itinerary, one entry per trip with its days in order.
    /// - Throws: `RoutingError` when the plan has no times (version 1): re-plan it.
    package static func make(
        plan: TourPlan, units: Units = .km, details: [String: StopDetails] = [:], budgetTotal: Money? = nil,
        title: String = "Chapter-building tour"
    ) throws -> Itinerary {
        var trips: [TripDays] = []
        let parser = ISO8601DateFormatter()
        for (index, trip) in plan.trips.enumerated() {
            let team = plan.teams.first { $0.name == trip.team }
            let base = team?.base
            // Places not in the plan's teams (a plan written by another program) take the trip's first zone.
            let fallbackZone = base?.timeZone ?? trip.stops.first?.timeZone ?? "UTC"
            let zoneOf: (String) -> String = { name in trip.stops.first { $0.metro == name }?.timeZone ?? fallbackZone }
            let pointOf: (String) -> (Double, Double)? = { name in
                if let stop = trip.stops.first(where: { $0.metro == name }) { return (stop.latitude, stop.longitude) }
                if let base, base.name == name { return (base.latitude, base.longitude) }
                return nil
            }
            var days: [Day] = []
            var day = trip.start
            while day <= trip.end {
                var items: [Item] = []
                for leg in trip.legs where leg.date == day {
                    guard let leave = leg.departure, let arrive = leg.arrival else {
                        throw Self.noTimes(plan, "the drive \(leg.from) → \(leg.to) on \(leg.date)")
                    }
                    let to = pointOf(leg.to)
                    var item = Item(
                        kind: .drive, start: leave, end: arrive, timeZone: zoneOf(leg.from),
                        title: "Drive \(leg.from) → \(leg.to)", from: leg.from, to: leg.to, km: leg.km,
                        hours: leg.hours, metro: nil, venue: nil,
                        organizer: nil, hosted: nil, latitude: to?.0, longitude: to?.1)
                    item.endTimeZone = zoneOf(leg.to)
                    items.append(item)
                }
                if let training = trip.stops.first(where: { $0.date == day }) {
                    guard let begin = training.trainingStart, let end = training.trainingEnd else {
                        throw Self.noTimes(plan, "the training in \(training.metro) on \(training.date)")
                    }
                    let detail = details[training.metro]
                    items.append(
                        Item(
                            kind: .training, start: begin, end: end, timeZone: training.timeZone,
                            title:
                                "\(training.visit == .followUp ? "Follow-up training" : "Training") in \(training.metro)",
                            from: nil, to: nil, km: nil,
                            hours: training.trainingHours, metro: training.metro,
                            venue: detail?.venue, organizer: detail?.organizer, hosted: nil,
                            latitude: training.latitude, longitude: training.longitude))
                }
                // In time order (ISO strings in different zones do not sort as text).
                items.sort {
                    (parser.date(from: $0.start) ?? .distantPast) < (parser.date(from: $1.start) ?? .distantPast)
                }
                for night in trip.nights where night.date == day {
                    let nightZone = zoneOf(night.metro)
                    let evening =
                        LocalClock.instant(date: day, time: LocalTime(hour: 21, minute: 0), zone: nightZone)
                        ?? Date(timeIntervalSince1970: 0)
                    let morning =
                        LocalClock.instant(
                            date: day.adding(days: 1), time: LocalTime(hour: 7, minute: 0), zone: nightZone) ?? evening
                    let point = pointOf(night.metro)
                    items.append(
                        Item(
                            kind: .night, start: LocalClock.iso(evening, zone: nightZone),
                            end: LocalClock.iso(morning, zone: nightZone), timeZone: nightZone,
                            title: night.hosted
                                ? "Night in \(night.metro), hosted by a member" : "Night in \(night.metro), hotel",
                            from: nil, to: nil, km: nil, hours: nil, metro: night.metro, venue: nil, organizer: nil,
                            hosted: night.hosted,
                            latitude: point?.0, longitude: point?.1))
                }
                days.append(Day(date: day, items: items))
                day = day.adding(days: 1)
            }
            trips.append(
                TripDays(
                    number: index + 1, team: trip.team, base: base?.name ?? trip.team, start: trip.start, end: trip.end,
                    days: days,
                    km: trip.legs.reduce(0) { $0 + $1.km }, hours: trip.legs.reduce(0) { $0 + $1.hours },
                    nightsAway: trip.nightsAway))
        }
        // Remote trainings (by video, `--objective chapters`): 10:00–12:00 at the metro, on a team's free date.
        for remote in plan.remoteTrainings ?? [] {
            guard
                let begin = LocalClock.instant(
                    date: remote.date, time: LocalTime(hour: 10, minute: 0), zone: remote.timeZone),
                let end = LocalClock.instant(
                    date: remote.date, time: LocalTime(hour: 12, minute: 0), zone: remote.timeZone)
            else { continue }
            let detail = details[remote.metro]
            let item = Item(
                kind: .training, start: LocalClock.iso(begin, zone: remote.timeZone),
                end: LocalClock.iso(end, zone: remote.timeZone), timeZone: remote.timeZone,
                title: "Remote training (video) for \(remote.metro)", from: nil, to: nil, km: nil, hours: 2,
                metro: remote.metro, venue: detail?.venue, organizer: detail?.organizer, hosted: nil,
                latitude: nil, longitude: nil)
            trips.append(
                TripDays(
                    number: trips.count + 1, team: remote.team,
                    base: plan.teams.first { $0.name == remote.team }?.base.name ?? remote.team, start: remote.date,
                    end: remote.date, days: [Day(date: remote.date, items: [item])], km: 0, hours: 0, nightsAway: 0))
        }
        return Itinerary(
            title: title, units: units, trips: trips, totals: plan.totals, naive: plan.naive, unvisited: plan.unvisited,
            budgetTotal: budgetTotal)
    }

    static func noTimes(_ plan: TourPlan, _ what: String) -> RoutingError {
        RoutingError(
            "the plan (PLAN.json version \(plan.version)) gives no time for \(what)",
            hint: "re-plan with `tourplan tour plan` (version \(TourPlan.currentVersion) plans carry every time)")
    }

    /// Events whose start differs from the plan's training start at the same metro and date,
    /// as sentences; the itinerary always uses the plan's time.
    package static func startConflicts(plan: TourPlan, events: [OutreachEvent]) -> [String] {
        let parser = ISO8601DateFormatter()
        var found: [String] = []
        for stop in plan.trips.flatMap(\.stops) {
            guard let text = stop.trainingStart, let instant = parser.date(from: text) else { continue }
            let planned = LocalClock.clock(instant, zone: stop.timeZone)
            for event in events where event.metro == stop.metro && event.date == stop.date {
                if event.start.description != planned {
                    found.append(
                        "event \(event.id) starts at \(event.start) but the plan trains in \(stop.metro) at \(planned) on \(stop.date); the itinerary uses \(planned)"
                    )
                }
            }
        }
        return found
    }

    /// "382 km" or "238 mi".
    package func distance(_ km: Double) -> String {
        units == .km ? String(format: "%.0f km", km) : String(format: "%.0f mi", km / 1.609344)
    }

    /// "10:00" from an ISO local time.
    static func clock(_ iso: String) -> String {
        guard let t = iso.firstIndex(of: "T") else { return iso }
        return String(iso[iso.index(after: t)...].prefix(5))
    }
}
