import Foundation
import GRDB

extension EventRecord {
    /// The row of `event`. Its typed texts are stored on one line (`String.singleLine`): a venue
    /// typed with a line break (`--venue $'Hall A\nRoom 2'`, a form's text area) would break
    /// every one-line output, the events table, CSV rows, calendars, call sheets and pages.
    init(_ event: OutreachEvent) {
        id = event.id
        metro = event.metro.singleLine
        cities = event.cities.map(\.singleLine).joined(separator: ", ")
        date = event.date.description
        start = event.start.description
        timeZone = event.timeZone
        latitude = event.latitude
        longitude = event.longitude
        venue = (event.venue ?? "").singleLine
        organizer = (event.organizer ?? "").singleLine
        scheduledAt = event.scheduledAt
    }

    /// The domain value; texts stored on several lines before they were kept on one read as one.
    ///
    /// - Throws: `StoreDecodingError` naming the event and the column that does not decode.
    func event() throws -> OutreachEvent {
        let hint = "re-add it with `tourplan events add`"
        guard let day = CalendarDate(iso: date) else {
            throw Self.invalid(
                date, column: CodingKeys.date.stringValue, rowID: id, problem: "is not a date (YYYY-MM-DD)", hint: hint)
        }
        guard let time = LocalTime(start) else {
            throw Self.invalid(
                start, column: CodingKeys.start.stringValue, rowID: id, problem: "is not a time (HH:MM)", hint: hint)
        }
        return OutreachEvent(
            id: id, metro: metro.singleLine, cities: cities.singleLine.components(separatedBy: ", "), date: day,
            start: time, timeZone: timeZone, latitude: latitude, longitude: longitude,
            venue: venue.singleLine.nilIfEmpty, organizer: organizer.singleLine.nilIfEmpty, scheduledAt: scheduledAt)
    }

    /// This event saved over `stored`: what a person entered stays. An empty venue or organizer
    /// keeps the stored one, the first `scheduledAt` stays, and the stored start stays when asked.
    func keeping(_ stored: EventRecord, start keepsStart: Bool) -> EventRecord {
        var merged = self
        if keepsStart { merged.start = stored.start }
        if venue.isEmpty { merged.venue = stored.venue }
        if organizer.isEmpty { merged.organizer = stored.organizer }
        merged.scheduledAt = stored.scheduledAt ?? scheduledAt
        return merged
    }
}

extension TourDatabase {
    /// Stores (or updates) events by id. What a person entered is kept: an event saved with no
    /// venue or organizer (one made from a plan) keeps the venue and organizer already stored,
    /// and the first `scheduledAt` stays.
    ///
    /// - Parameters:
    ///   - events: the events to store, matched to stored ones by `id`.
    ///   - keepingStoredStart: keep the start time of an event already stored (events made
    ///     from a plan whose stops carry no start of their own: the rules' default must not replace
    ///     a start someone entered with `events add --start`).
    /// - Throws: `StoreDecodingError` for a stored event row that does not read back; the
    ///   `DatabaseError` of SQLite when the write fails. Nothing is stored then (one transaction).
    package func saveEvents(_ events: [OutreachEvent], keepingStoredStart: Bool = false) throws {
        try writer.write { db in
            for event in events {
                var record = EventRecord(event)
                if let stored = try EventRecord.filter(key: event.id).fetchOneStored(db) {
                    record = record.keeping(stored, start: keepingStoredStart)
                }
                try record.upsert(db)
            }
        }
    }

    /// Every stored event, by date.
    ///
    /// - Throws: `StoreDecodingError` for a row that does not read back (a damaged store).
    package func events() throws -> [OutreachEvent] {
        try writer.read { db in
            try EventRecord.order(EventRecord.Columns.date, EventRecord.Columns.id).fetchAllStored(db).map {
                try $0.event()
            }
        }
    }

    /// Members to invite to an event: resolved members within `radiusKm` of it, with their zone.
    /// Members whose place is unresolved are not near anything.
    ///
    /// - Throws: `StoreDecodingError` for a member row that does not read back.
    package func invitees(near event: OutreachEvent, radiusKm: Double = 25) throws -> [Invitee] {
        let center = GeoPoint(latitude: event.latitude, longitude: event.longitude)
        let window = radiusKm / 111 + 0.01
        return try writer.read { db in
            let request = SQLRequest<Row>(
                sql: """
                    SELECT m.id, m.firstName, m.lastName, m.fullName, m.phoneRaw, m.phoneE164, m.languages, m.doNotCall, m.doNotText, m.doNotContact, m.deceased,
                      m.chapter, m.joined, p.latitude, p.longitude, p.timeZone, COALESCE(f.phoneFlaggedWrong, 0) AS flagged
                    FROM members m JOIN places p ON p.key = m.placeKey AND p.geonameId IS NOT NULL
                    LEFT JOIN memberFlags f ON f.memberId = m.id
                    WHERE p.latitude BETWEEN ? AND ?
                    """, arguments: [event.latitude - window, event.latitude + window])
            return try db.fetchAllStored(InviteeRecord.self, request)
                .filter { GeoPoint(latitude: $0.latitude, longitude: $0.longitude).distanceKm(to: center) <= radiusKm }
                .map { $0.invitee(defaultZone: event.timeZone) }
        }
    }
}

extension InviteeRecord {
    /// The invitee; a member whose place has no zone is on the event's clock.
    func invitee(defaultZone: String) -> Invitee {
        let name = fullName ?? [firstName, lastName].compactMap { $0 }.joined(separator: " ")
        let first = firstName ?? ""
        let consent = ContactConsent(
            doNotCall: doNotCall, doNotText: doNotText, doNotContact: doNotContact, deceased: deceased)
        let zone = timeZone ?? defaultZone
        return Invitee(
            memberID: MemberID(id), firstName: first.isEmpty ? name : first, name: name, phoneRaw: phoneRaw,
            phoneE164: phoneE164, timeZone: zone, languages: languages.split(separator: ",").map(String.init),
            doNotCall: !consent.allows(.call), doNotText: !consent.allows(.text), isUnaffiliated: chapter == nil,
            phoneFlaggedWrong: flagged,
            joinedAt: joined.flatMap { CalendarDate(iso: String($0.prefix(10))) }.flatMap {
                LocalClock.instant(date: $0, time: LocalTime(hour: 0, minute: 0), zone: zone)
            })
    }
}

/// What `TourDatabase.deleteEvent(id:)` did: nothing (no such event, or outcomes recorded for its
/// tasks), or the event removed with its tasks.
package enum EventRemoval: Sendable, Hashable {
    /// There is no event with that id.
    case notFound
    /// Nothing was removed: this many outcomes are recorded for the event's reminder tasks.
    case refused(OutreachEvent, outcomes: Int)
    /// The event and its reminder tasks (this many; none had an outcome) were removed.
    case removed(OutreachEvent, tasks: Int)
}

extension TourDatabase {
    /// Removes the event `id` and its reminder tasks, in one transaction, unless an outcome is
    /// recorded for one of its tasks (then nothing changes). Outcomes, members, volunteers and
    /// other events are never touched.
    ///
    /// - Throws: `StoreDecodingError` when the event does not read back; the `DatabaseError` of
    ///   SQLite when the write fails.
    package func deleteEvent(id: String) throws -> EventRemoval {
        try writer.write { db in
            guard let event = try EventRecord.filter(key: id).fetchOneStored(db)?.event() else { return .notFound }
            let outcomes =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM outcomes
                        WHERE taskId IN (SELECT id FROM tasks WHERE eventId = ?) OR substr(taskId, 1, ?) = ?
                        """, arguments: [id, id.unicodeScalars.count + 1, id + "/"]) ?? 0
            guard outcomes == 0 else { return .refused(event, outcomes: outcomes) }
            let tasks = try TaskRecord.filter(TaskRecord.Columns.eventId == id).deleteAll(db)
            try EventRecord.deleteOne(db, key: id)
            return .removed(event, tasks: tasks)
        }
    }
}
