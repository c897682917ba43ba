public import Foundation

/// An event to add or update by hand.
public struct EventQuery: Sendable {
    /// Where: a place, e.g. "Denver, CO".
    package var place: String
    /// The local date.
    package var date: CalendarDate
    /// The local start time.
    package var start: LocalTime
    /// The venue (nil keeps a venue stored before).
    package var venue: String?
    /// The local organizer (nil keeps one stored before).
    package var organizer: String?
    /// When it was entered.
    package var now: Date

    /// An event to store.
    public init(place: String, date: CalendarDate, start: LocalTime, venue: String?, organizer: String?, now: Date) {
        self.place = place
        self.date = date
        self.start = start
        self.venue = venue
        self.organizer = organizer
        self.now = now
    }
}

// Synchronous for the reason given in `Planner+Calls.swift`.
extension Planner {
    /// The stored events, by date.
    ///
    /// - Throws: `PlannerError` when there is no store; `StoreError` for a damaged row.
    public func events() throws -> EventsReport {
        EventsReport(events: try requireStore().events())
    }

    /// Resolves the place (preferring the organization's countries) and stores the event.
    ///
    /// - Throws: `PlaceLookupError` when the place does not resolve; `PlannerError` when there is
    ///   no store or the gazetteer is missing.
    public func addEvent(_ query: EventQuery) throws -> EventAddedReport {
        let store = try requireStore()
        let lookup = try resources.resolver().resolvePlace(
            query.place, organizationCountries: Set(try store.resolvedCities().map(\.entry.countryCode)))
        guard let resolved = lookup.place else {
            throw PlaceLookupError(failures: [PlaceLookupError.Failure(source: "--place", lookup: lookup)])
        }
        let entry = resolved.entry
        let event = OutreachEvent(
            metro: entry.name, cities: [entry.name], date: query.date, start: query.start, timeZone: entry.timeZone,
            latitude: entry.latitude, longitude: entry.longitude, venue: query.venue, organizer: query.organizer,
            scheduledAt: query.now)
        try store.saveEvents([event])
        let stored = try store.events().first { $0.id == event.id } ?? event
        return EventAddedReport(place: resolved, event: stored)
    }
}
