public import Foundation
import GRDB

extension TourDatabase {
    /// Stores (or updates) events.
    public func saveEvents(_ events: [OutreachEvent]) throws {
        try writer.write { db in
            for event in events {
                try db.execute(
                    sql: """
                        INSERT INTO events (id, metro, cities, date, start, timeZone, latitude, longitude, venue, organizer)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET metro = excluded.metro, cities = excluded.cities, date = excluded.date,
                          start = excluded.start, timeZone = excluded.timeZone, latitude = excluded.latitude,
                          longitude = excluded.longitude, venue = excluded.venue, organizer = excluded.organizer
                        """,
                    arguments: [
                        event.id, event.metro, event.cities.joined(separator: ", "), event.date.description,
                        event.start.description,
                        event.timeZone, event.latitude, event.longitude, event.venue, event.organizer,
                    ])
            }
        }
    }

    public func events() throws -> [OutreachEvent] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM events ORDER BY date, id").compactMap { row in
                guard let date = CalendarDate(iso: row["date"]), let start = LocalTime(row["start"] as String) else {
                    return nil
                }
                return OutreachEvent(
                    id: row["id"], metro: row["metro"], cities: (row["cities"] as String).components(separatedBy: ", "),
                    date: date, start: start,
                    timeZone: row["timeZone"], latitude: row["latitude"], longitude: row["longitude"],
                    venue: row["venue"], organizer: row["organizer"])
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
                      m.chapter, p.latitude, p.longitude, p.timeZone, COALESCE(f.phoneFlaggedWrong, 0) AS flagged
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
                    isUnaffiliated: (row["chapter"] as String?) == nil, phoneFlaggedWrong: row["flagged"])
            }
        }
    }

    static func task(from row: Row) -> ReminderTask {
        ReminderTask(
            taskId: row["id"], memberId: MemberID(row["memberId"] as String),
            kind: ReminderKind(rawValue: row["kind"]) ?? .inviteCall,
            eventId: row["eventId"], eventStart: row["eventStart"], windowStart: row["windowStart"],
            windowEnd: row["windowEnd"],
            timeZone: row["timeZone"], volunteer: row["volunteer"],
            status: TaskStatus(rawValue: row["status"]) ?? .pending,
            attempt: row["attempt"], note: row["note"])
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
        try writer.write { db in
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO tasks (id, eventId, memberId, kind, eventStart, windowStart, windowEnd, timeZone, volunteer, status, attempt, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET eventStart = excluded.eventStart, windowStart = excluded.windowStart,
                      windowEnd = excluded.windowEnd, timeZone = excluded.timeZone, volunteer = excluded.volunteer,
                      status = excluded.status, attempt = excluded.attempt, note = excluded.note
                    """)
            for task in tasks {
                try statement.execute(arguments: [
                    task.taskId, task.eventId, task.memberId.rawValue, task.kind.rawValue, task.eventStart,
                    task.windowStart, task.windowEnd,
                    task.timeZone, task.volunteer, task.status.rawValue, task.attempt, task.note,
                ])
            }
        }
    }

    public func saveVolunteers(_ volunteers: [Volunteer]) throws {
        try writer.write { db in
            for volunteer in volunteers {
                try db.execute(
                    sql:
                        "INSERT OR REPLACE INTO volunteers (name, phone, timeZone, languages, maxCallsPerDay) VALUES (?, ?, ?, ?, ?)",
                    arguments: [
                        volunteer.name, volunteer.phone, volunteer.timeZone, volunteer.languages.joined(separator: ","),
                        volunteer.maxCallsPerDay,
                    ])
            }
        }
    }

    public func volunteers() throws -> [Volunteer] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM volunteers ORDER BY name").map {
                Volunteer(
                    name: $0["name"], phone: $0["phone"], timeZone: $0["timeZone"],
                    languages: ($0["languages"] as String).split(separator: ",").map(String.init),
                    maxCallsPerDay: $0["maxCallsPerDay"])
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

    /// Records an outcome and applies its effect, in one transaction.
    ///
    /// - Returns: the tasks that changed (the retried task, or those cancelled).
    public func logOutcome(
        taskID: String, outcome: CallOutcome, note: String?, volunteer: String?, now: Date, rules: ReminderRules
    ) throws -> [ReminderTask] {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tasks WHERE id = ?", arguments: [taskID]) else {
                throw StoreError(
                    path: "tasks", problem: "no task \"\(taskID)\"",
                    hint: "use a taskId from `tourplan calls list` or `tourplan remind schedule --format json`")
            }
            var task = Self.task(from: row)
            try db.execute(
                sql:
                    "INSERT INTO outcomes (taskId, memberId, outcome, note, volunteer, recordedAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [taskID, task.memberId.rawValue, outcome.rawValue, note, volunteer ?? task.volunteer, now])
            var changed: [ReminderTask] = []
            func cancel(where condition: String, _ arguments: StatementArguments) throws {
                let rows = try Row.fetchAll(
                    db,
                    sql:
                        "SELECT * FROM tasks WHERE status IN ('pending', 'unschedulable') AND id <> ? AND \(condition)",
                    arguments: [taskID] + arguments)
                for row in rows {
                    var other = Self.task(from: row)
                    other.status = .cancelled
                    other.note = "cancelled: \(outcome.rawValue) on \(taskID)"
                    changed.append(other)
                    try db.execute(
                        sql: "UPDATE tasks SET status = 'cancelled', note = ? WHERE id = ?",
                        arguments: [other.note, other.taskId])
                }
            }
            task.attempt += 1
            switch outcome.effect {
            case .complete:
                task.status = .done
                if task.kind == .inviteCall {
                    // The follow-up comes from the day after the real first contact.
                    let hours = CallingHours(rules: rules)
                    if let contactDay = LocalClock.localDate(now, zone: task.timeZone),
                        let dayStart = LocalClock.instant(
                            date: contactDay.adding(days: 1), time: LocalTime(hour: 0, minute: 0), zone: task.timeZone),
                        let window = hours.firstWindow(atOrAfter: dayStart, zone: task.timeZone)
                    {
                        let followID = ReminderTask.id(event: task.eventId, member: task.memberId, kind: .followUpCall)
                        try db.execute(
                            sql:
                                "UPDATE tasks SET windowStart = ?, windowEnd = ?, status = CASE WHEN ? < eventStart THEN 'pending' ELSE 'unschedulable' END WHERE id = ? AND status IN ('pending', 'unschedulable')",
                            arguments: [window.start, window.end, window.start, followID])
                    }
                }
            case .retry:
                if task.attempt >= rules.maxAttempts {
                    task.status = .failed
                    task.note = "\(task.attempt) attempts without reaching the member"
                } else if let window = CallingHours(rules: rules).firstWindow(
                    atOrAfter: now.addingTimeInterval(3600), zone: task.timeZone), window.start < task.eventStart
                {
                    task.status = .pending
                    task.windowStart = window.start
                    task.windowEnd = window.end
                    task.note = "retry \(task.attempt + 1) after \(outcome.rawValue)"
                } else {
                    task.status = .failed
                    task.note = "no calling window left before the event"
                }
            case .cancelRemainingForEvent:
                task.status = .done
                try cancel(where: "memberId = ? AND eventId = ?", [task.memberId.rawValue, task.eventId])
            case .flagPhone:
                task.status = .done
                try db.execute(
                    sql:
                        "INSERT INTO memberFlags (memberId, phoneFlaggedWrong) VALUES (?, 1) ON CONFLICT(memberId) DO UPDATE SET phoneFlaggedWrong = 1",
                    arguments: [task.memberId.rawValue])
                try cancel(where: "memberId = ?", [task.memberId.rawValue])
            case .optOut:
                task.status = .done
                try db.execute(
                    sql: "UPDATE members SET doNotCall = 1, doNotText = 1, doNotContact = 1 WHERE id = ?",
                    arguments: [task.memberId.rawValue])
                for flag in [ConsentFlag.doNotCall, .doNotText, .doNotContact] {
                    try Self.log(
                        ConsentLogEntry(
                            memberID: task.memberId, flag: flag, change: .set, source: .callOutcome, detail: taskID,
                            actor: volunteer ?? task.volunteer, reason: note, recordedAt: now), db)
                }
                try cancel(where: "memberId = ?", [task.memberId.rawValue])
            }
            try db.execute(
                sql: "UPDATE tasks SET status = ?, attempt = ?, windowStart = ?, windowEnd = ?, note = ? WHERE id = ?",
                arguments: [
                    task.status.rawValue, task.attempt, task.windowStart, task.windowEnd, task.note, task.taskId,
                ])
            return [task] + changed
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
