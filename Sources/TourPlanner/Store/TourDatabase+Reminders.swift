public import Foundation
import GRDB
import TourPlannerCore

extension TourDatabase {
    /// Stores (or updates) events by id. What a person entered is kept: an event saved with no
    /// venue or organizer (one made from a plan) keeps the venue and organizer already stored,
    /// and the first `scheduledAt` stays.
    ///
    /// - Parameter keepingStoredStart: keep the start time of an event already stored (events made
    ///   from a plan whose stops carry no start of their own: the rules' default must not replace
    ///   a start someone entered with `events add --start`).
    public func saveEvents(_ events: [OutreachEvent], keepingStoredStart: Bool = false) throws {
        try writer.write { db in
            for event in events {
                try db.execute(
                    sql: """
                        INSERT INTO events (id, metro, cities, date, start, timeZone, latitude, longitude, venue, organizer, scheduledAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET metro = excluded.metro, cities = excluded.cities, date = excluded.date,
                          start = CASE WHEN ? THEN events.start ELSE excluded.start END, timeZone = excluded.timeZone, latitude = excluded.latitude,
                          longitude = excluded.longitude,
                          venue = CASE WHEN excluded.venue = '' THEN events.venue ELSE excluded.venue END,
                          organizer = CASE WHEN excluded.organizer = '' THEN events.organizer ELSE excluded.organizer END,
                          scheduledAt = COALESCE(events.scheduledAt, excluded.scheduledAt)
                        """,
                    arguments: [
                        event.id, event.metro, event.cities.joined(separator: ", "), event.date.description,
                        event.start.description, event.timeZone, event.latitude, event.longitude, event.venue ?? "",
                        event.organizer ?? "", event.scheduledAt, keepingStoredStart,
                    ])
            }
        }
    }

    /// Every stored event, by date.
    ///
    /// - Throws: `StoreError` for a row that does not read back (a damaged store).
    public func events() throws -> [OutreachEvent] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY date, id").map { row in
                let dateText: String = row["date"]
                let startText: String = row["start"]
                guard let date = CalendarDate(iso: dateText), let start = LocalTime(startText) else {
                    throw StoreError(
                        path: "events",
                        problem: "event \"\(row["id"] as String)\" has date \"\(dateText)\" start \"\(startText)\"",
                        hint: "re-add it with `tourplan events add`")
                }
                let venue: String = row["venue"]
                let organizer: String = row["organizer"]
                return OutreachEvent(
                    id: row["id"], metro: row["metro"], cities: (row["cities"] as String).components(separatedBy: ", "),
                    date: date, start: start,
                    timeZone: row["timeZone"], latitude: row["latitude"], longitude: row["longitude"],
                    venue: venue.isEmpty ? nil : venue, organizer: organizer.isEmpty ? nil : organizer,
                    scheduledAt: row["scheduledAt"])
            }
        }
    }

    /// Members to invite to an event: resolved members within `radiusKm` of it, with their zone.
    /// Also returns how many members nearby could not be placed (unresolved places are not near anything).
    public func invitees(near event: OutreachEvent, radiusKm: Double = 25) throws -> [Invitee] {
        let center = GeoPoint(latitude: event.latitude, longitude: event.longitude)
        let window = radiusKm / 111 + 0.01
        return try writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT m.id, m.firstName, m.lastName, m.fullName, m.phoneRaw, m.phoneE164, m.languages, m.doNotCall, m.doNotText, m.doNotContact, m.deceased,
                      m.chapter, m.joined, p.latitude, p.longitude, p.timeZone, COALESCE(f.phoneFlaggedWrong, 0) AS flagged
                    FROM members m JOIN places p ON p.key = m.placeKey AND p.geonameId IS NOT NULL
                    LEFT JOIN memberFlags f ON f.memberId = m.id
                    WHERE p.latitude BETWEEN ? AND ?
                    """, arguments: [event.latitude - window, event.latitude + window])
            return rows.compactMap { row -> Invitee? in
                let point = GeoPoint(latitude: row["latitude"], longitude: row["longitude"])
                guard point.distanceKm(to: center) <= radiusKm else { return nil }
                let first: String = row["firstName"] ?? ""
                let name =
                    [row["fullName"] as String?].compactMap { $0 }.first
                    ?? [row["firstName"] as String?, row["lastName"] as String?].compactMap { $0 }.joined(
                        separator: " ")
                let languages: String = row["languages"] ?? ""
                let consent = Self.consent(from: row)
                return Invitee(
                    memberID: MemberID(row["id"] as String), firstName: first.isEmpty ? name : first, name: name,
                    phoneRaw: row["phoneRaw"], phoneE164: row["phoneE164"], timeZone: row["timeZone"] ?? event.timeZone,
                    languages: languages.split(separator: ",").map(String.init),
                    doNotCall: !consent.allows(.call), doNotText: !consent.allows(.text),
                    isUnaffiliated: (row["chapter"] as String?) == nil, phoneFlaggedWrong: row["flagged"],
                    joinedAt: (row["joined"] as String?).flatMap { CalendarDate(iso: String($0.prefix(10))) }.flatMap {
                        LocalClock.instant(
                            date: $0, time: LocalTime(hour: 0, minute: 0), zone: row["timeZone"] ?? event.timeZone)
                    })
            }
        }
    }

    static func task(from row: Row) throws -> ReminderTask {
        let kindText: String = row["kind"]
        let statusText: String = row["status"]
        guard let kind = ReminderKind(rawValue: kindText), let status = TaskStatus(rawValue: statusText) else {
            throw StoreError(
                path: "tasks",
                problem: "task \"\(row["id"] as String)\" has kind \"\(kindText)\" status \"\(statusText)\"",
                hint: "run `tourplan remind schedule` with this version to migrate the store")
        }
        return ReminderTask(
            memberId: MemberID(row["memberId"] as String), kind: kind, eventId: row["eventId"],
            eventStart: row["eventStart"], windowStart: row["windowStart"], windowEnd: row["windowEnd"],
            timeZone: row["timeZone"], volunteer: row["volunteer"], status: status, attempt: row["attempt"],
            note: row["note"], mergedInto: row["mergedInto"])
    }

    public func tasks() throws -> [ReminderTask] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM tasks ORDER BY windowStart, id").map(Self.task(from:))
        }
    }

    public func task(id: String) throws -> ReminderTask? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM tasks WHERE id = ?", arguments: [id]).map(Self.task(from:))
        }
    }

    /// Upserts tasks by id in one transaction (outcomes are in their own table and never touched).
    public func saveTasks(_ tasks: [ReminderTask]) throws {
        try writer.write { db in try Self.saveTasks(tasks, in: db) }
    }

    static func saveTasks(_ tasks: [ReminderTask], in db: Database) throws {
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO tasks (id, eventId, memberId, kind, eventStart, windowStart, windowEnd, timeZone, volunteer, status, attempt, note, mergedInto)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET eventStart = excluded.eventStart, windowStart = excluded.windowStart,
                  windowEnd = excluded.windowEnd, timeZone = excluded.timeZone, volunteer = excluded.volunteer,
                  status = excluded.status, attempt = excluded.attempt, note = excluded.note, mergedInto = excluded.mergedInto
                """)
        for task in tasks {
            try statement.execute(arguments: [
                task.taskId, task.eventId, task.memberId.rawValue, task.kind.rawValue, task.eventStart,
                task.windowStart, task.windowEnd, task.timeZone, task.volunteer, task.status.rawValue, task.attempt,
                task.note, task.mergedInto,
            ])
        }
    }

    public func saveVolunteers(_ volunteers: [Volunteer]) throws {
        try writer.write { db in
            for volunteer in volunteers {
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO volunteers (name, phone, timeZone, languages, maxCallsPerDay, callingHours, country)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        volunteer.name, volunteer.phone, volunteer.timeZone, volunteer.languages.joined(separator: ","),
                        volunteer.maxCallsPerDay, volunteer.callingHours?.description, volunteer.countryCode,
                    ])
            }
        }
    }

    public func volunteers() throws -> [Volunteer] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM volunteers ORDER BY name").map { row in
                let hoursText: String? = row["callingHours"]
                let hours = try hoursText.map { text in
                    guard let hours = HoursRange(text) else {
                        throw StoreError(
                            path: "volunteers",
                            problem: "volunteer \"\(row["name"] as String)\" has calling hours \"\(text)\"",
                            hint: "load the volunteers file again with `tourplan remind schedule --volunteers FILE`")
                    }
                    return hours
                }
                return Volunteer(
                    name: row["name"], phone: row["phone"], timeZone: row["timeZone"],
                    languages: (row["languages"] as String).split(separator: ",").map(String.init),
                    maxCallsPerDay: row["maxCallsPerDay"], callingHours: hours, countryCode: row["country"])
            }
        }
    }

    /// Previous outcomes of a member, oldest first: (when, outcome, volunteer, note).
    public func outcomes(memberID: MemberID) throws -> [(
        recordedAt: Date, outcome: String, volunteer: String?, note: String?
    )] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outcomes WHERE memberId = ? ORDER BY recordedAt, id",
                arguments: [memberID.rawValue]
            )
            .map { ($0["recordedAt"], $0["outcome"], $0["volunteer"], $0["note"]) }
        }
    }

    /// Member names and phones for call sheets.
    public func contactDetails(_ ids: [MemberID]) throws -> [MemberID: (
        name: String, firstName: String, phoneRaw: String?, phoneE164: String?, languages: [String],
        countryCode: String?
    )] {
        try writer.read { db in
            var result: [MemberID: (String, String, String?, String?, [String], String?)] = [:]
            for id in Set(ids) {
                guard
                    let row = try Row.fetchOne(db, sql: "SELECT * FROM members WHERE id = ?", arguments: [id.rawValue])
                else { continue }
                let member = Self.member(from: row)
                result[id] = (
                    member.displayName, member.firstName ?? member.displayName, member.phoneRaw, member.phoneE164,
                    member.languages, member.countryCode
                )
            }
            return result
        }
    }
}
