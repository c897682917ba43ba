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

    /// Deletes the event `id` and its reminder tasks (`tourplan events delete ID`), unless outcomes
    /// are recorded for its tasks: those are the members' call history, so the event stays then.
    /// Members, volunteers, outcomes and other events are never touched.
    ///
    /// - Throws: `PlannerError` for an unknown event, an event with outcomes recorded (naming it,
    ///   how many and what to do instead) or no store; the store's errors.
    public func deleteEvent(id: String) throws -> EventDeletedReport {
        switch try requireStore().deleteEvent(id: id) {
        case .notFound:
            throw PlannerError("there is no event \"\(id)\"", hint: "see the ids with `tourplan events list`")
        case .refused(let event, let outcomes):
            throw PlannerError(
                "event \(event.id) (\(event.metro), \(event.date)) cannot be deleted: "
                    + (outcomes == 1 ? "1 call outcome is" : "\(outcomes) call outcomes are")
                    + " recorded for its reminder tasks",
                hint: "outcomes are the members' call history and are kept, so the event stays; "
                    + "to change it, save it again with the same place and date (its venue, start and organizer update); "
                    + "`tourplan events add --place PLACE --date \(event.date)`")
        case .removed(let event, let tasks):
            return EventDeletedReport(event: event, removedTasks: tasks)
        }
    }
}
