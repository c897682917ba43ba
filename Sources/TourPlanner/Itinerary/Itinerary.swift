import Foundation

/// A plan laid out day by day for people: departures, drives, trainings, nights, returns.
/// The JSON form of this value is `tourplan itinerary --format json` (documented in README).
public struct Itinerary: Hashable, Sendable, Codable {
    public enum Units: String, Hashable, Sendable, Codable, CaseIterable { case km, mi }

    public struct Item: Hashable, Sendable, Codable {
        public enum Kind: String, Hashable, Sendable, Codable { case drive, training, night }
        public var kind: Kind
        /// Local start and end ("2014-06-07T05:13:00-04:00") in the zone of the place.
        public var start: String
        public var end: String
        public var timeZone: String
        public var title: String
        public var from: String?
        public var to: String?
        public var km: Double?
        public var hours: Double?
        public var metro: String?
        public var venue: String?
        public var organizer: String?
        public var hosted: Bool?
        public var latitude: Double?
        public var longitude: Double?
    }

    public struct Day: Hashable, Sendable, Codable {
        public var date: CalendarDate
        public var items: [Item]
    }

    public struct TripDays: Hashable, Sendable, Codable {
        public var number: Int
        public var team: String
        public var base: String
        public var start: CalendarDate
        public var end: CalendarDate
        public var days: [Day]
        public var km: Double
        public var hours: Double
        public var nightsAway: Int
    }

    public var title: String
    public var units: Units
    public var trips: [TripDays]
    public var totals: PlanTotals
    public var naive: NaivePlanTotals
    public var unvisited: [UnvisitedStop]
    public var budgetTotal: Money?

    /// Per-stop details known from events (venue, organizer, start time).
    public struct StopDetails: Hashable, Sendable {
        public var venue: String?
        public var organizer: String?
        public var start: LocalTime?
        public init(venue: String? = nil, organizer: String? = nil, start: LocalTime? = nil) {
            self.venue = venue
            self.organizer = organizer
            self.start = start
        }
    }

    /// Lays a plan out day by day.
    ///
    /// Times: trainings start at `trainingStart` (default 10:00, local) and last the stop's
    /// training hours; a drive to the day's training arrives 30 minutes before it starts; a drive
    /// after the day's training leaves 30 minutes after it ends; a travel-only or return-only
    /// day's drive leaves at 09:00.
    public static func make(
        plan: TourPlan, units: Units = .km, trainingStart: LocalTime = LocalTime(hour: 10, minute: 0),
        details: [String: StopDetails] = [:], budgetTotal: Money? = nil, title: String = "Chapter-building tour"
    ) -> Itinerary {
        var trips: [TripDays] = []
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
                let training = trip.stops.first { $0.date == day }
                let detail = training.flatMap { details[$0.metro] }
                let start = detail?.start ?? trainingStart
                let zone = training?.timeZone ?? fallbackZone
                let trainingStartInstant = LocalClock.instant(date: day, time: start, zone: zone)
                let trainingEndInstant = trainingStartInstant.map {
                    $0.addingTimeInterval((training?.trainingHours ?? 8) * 3600)
                }
                for leg in trip.legs where leg.date == day {
                    let legZone = zoneOf(leg.from)
                    var departure: Date?
                    if let training, leg.to == training.metro, let begin = trainingStartInstant {
                        departure = begin.addingTimeInterval(-1800 - leg.hours * 3600)
                    } else if let training, leg.from == training.metro, let end = trainingEndInstant {
                        departure = end.addingTimeInterval(1800)
                    } else {
                        departure = LocalClock.instant(date: day, time: LocalTime(hour: 9, minute: 0), zone: legZone)
                    }
                    guard let leave = departure else { continue }
                    let arrive = leave.addingTimeInterval(leg.hours * 3600)
                    let to = pointOf(leg.to)
                    items.append(
                        Item(
                            kind: .drive, start: LocalClock.iso(leave, zone: legZone),
                            end: LocalClock.iso(arrive, zone: legZone), timeZone: legZone,
                            title: "Drive \(leg.from) → \(leg.to)", from: leg.from, to: leg.to, km: leg.km,
                            hours: leg.hours, metro: nil, venue: nil,
                            organizer: nil, hosted: nil, latitude: to?.0, longitude: to?.1))
                }
                if let training, let begin = trainingStartInstant, let end = trainingEndInstant {
                    items.append(
                        Item(
                            kind: .training, start: LocalClock.iso(begin, zone: zone),
                            end: LocalClock.iso(end, zone: zone), timeZone: zone,
                            title: "Training in \(training.metro)", from: nil, to: nil, km: nil,
                            hours: training.trainingHours, metro: training.metro,
                            venue: detail?.venue, organizer: detail?.organizer, hosted: nil,
                            latitude: training.latitude, longitude: training.longitude))
                }
                // In time order (ISO strings in different zones do not sort as text).
                let parser = ISO8601DateFormatter()
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
        return Itinerary(
            title: title, units: units, trips: trips, totals: plan.totals, naive: plan.naive, unvisited: plan.unvisited,
            budgetTotal: budgetTotal)
    }

    /// "382 km" or "238 mi".
    public func distance(_ km: Double) -> String {
        units == .km ? String(format: "%.0f km", km) : String(format: "%.0f mi", km / 1.609344)
    }

    /// "10:00" from an ISO local time.
    static func clock(_ iso: String) -> String {
        guard let t = iso.firstIndex(of: "T") else { return iso }
        return String(iso[iso.index(after: t)...].prefix(5))
    }
}
