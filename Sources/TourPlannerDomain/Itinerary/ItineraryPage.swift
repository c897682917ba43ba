import Foundation

/// What the `itinerary` template shows: the itinerary's values as display text.
struct ItineraryPage {
    struct Trip {
        var number: String
        var start: String
        var end: String
        var team: String
        var base: String
        var distance: String
        var hours: String
        var nightsAway: String
        var days: [Day]
    }

    struct Day {
        var date: String
        var weekday: String
        var items: [Item]
    }

    struct Item {
        var isDrive: Bool
        var isTraining: Bool
        var isNight: Bool
        var start: String
        var end: String
        var title: String
        var from: String
        var to: String
        var distance: String
        var hours: String
        /// " (local times: UTC+01:00 → UTC+02:00)" for a drive across time zones, else "".
        var clocks: String
        var hasVenue: Bool
        var venue: String
        var hasOrganizer: Bool
        var organizer: String
        var metro: String
        var lodging: String
    }

    struct Unvisited {
        var metro: String
        var reason: String
    }

    var title: String
    var map: String
    var trips: [Trip]
    var trainings: String
    var distance: String
    var naiveDistance: String
    var driveHours: String
    var naiveDriveHours: String
    var nightsAway: String
    var naiveNightsAway: String
    var hasBudgetTotal: Bool
    var budgetTotal: String
    var hasUnvisited: Bool
    var unvisited: [Unvisited]

    init(_ itinerary: Itinerary, map: String) {
        func hours(_ value: Double) -> String { String(format: "%.1f", value) }
        title = itinerary.title
        self.map = map
        trips = itinerary.trips.map { trip in
            Trip(
                number: "\(trip.number)", start: trip.start.description, end: trip.end.description, team: trip.team,
                base: trip.base, distance: itinerary.distance(trip.km), hours: hours(trip.hours),
                nightsAway: "\(trip.nightsAway) night\(trip.nightsAway == 1 ? "" : "s")",
                days: trip.days.map { day in
                    Day(
                        date: day.date.description, weekday: day.date.weekdayName,
                        items: day.items.map { Self.item($0, itinerary: itinerary) })
                })
        }
        trainings = "\(itinerary.totals.trainings)"
        distance = itinerary.distance(itinerary.totals.km)
        naiveDistance = itinerary.distance(itinerary.naive.km)
        driveHours = hours(itinerary.totals.driveHours)
        naiveDriveHours = hours(itinerary.naive.driveHours)
        nightsAway = "\(itinerary.totals.nightsAway)"
        naiveNightsAway = "\(itinerary.naive.nightsAway)"
        hasBudgetTotal = itinerary.budgetTotal != nil
        budgetTotal = itinerary.budgetTotal?.formatted ?? ""
        hasUnvisited = !itinerary.unvisited.isEmpty
        unvisited = itinerary.unvisited.map { Unvisited(metro: $0.metro, reason: $0.reason) }
    }

    static func item(_ item: Itinerary.Item, itinerary: Itinerary) -> Item {
        Item(
            isDrive: item.kind == .drive, isTraining: item.kind == .training, isNight: item.kind == .night,
            start: Itinerary.clock(item.start), end: Itinerary.clock(item.end), title: item.title,
            from: item.from ?? "", to: item.to ?? "", distance: itinerary.distance(item.km ?? 0),
            hours: String(format: "%.1f", item.hours ?? 0),
            clocks: item.kind == .drive ? Itinerary.clockChange(from: item.start, to: item.end) : "",
            hasVenue: item.venue != nil, venue: item.venue ?? "",
            hasOrganizer: item.organizer != nil, organizer: item.organizer ?? "", metro: item.metro ?? "",
            lodging: item.hosted == true ? "hosted by a member" : "hotel")
    }
}
