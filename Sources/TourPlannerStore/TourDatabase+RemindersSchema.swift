import GRDB

extension TourDatabase {
    /// Events, outreach tasks, call outcomes and volunteers.
    static func migrateReminders(_ db: Database) throws {
        try db.create(table: "events") { t in
            t.primaryKey("id", .text)
            t.column("metro", .text).notNull()
            t.column("cities", .text).notNull()
            t.column("date", .text).notNull()
            t.column("start", .text).notNull()
            t.column("timeZone", .text).notNull()
            t.column("latitude", .double).notNull()
            t.column("longitude", .double).notNull()
            t.column("venue", .text).notNull()
            t.column("organizer", .text).notNull()
        }
        try db.create(table: "tasks") { t in
            t.primaryKey("id", .text)  // eventId/memberId/kind
            t.column("eventId", .text).notNull().references("events", onDelete: .cascade)
            t.column("memberId", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("eventStart", .datetime).notNull()
            t.column("windowStart", .datetime).notNull()
            t.column("windowEnd", .datetime).notNull()
            t.column("timeZone", .text).notNull()
            t.column("volunteer", .text).notNull()
            t.column("status", .text).notNull()
            t.column("attempt", .integer).notNull().defaults(to: 0)
            t.column("note", .text)
        }
        try db.create(index: "tasks_volunteer", on: "tasks", columns: ["volunteer", "windowStart"])
        try db.create(index: "tasks_member", on: "tasks", columns: ["memberId"])
        try db.create(table: "outcomes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("taskId", .text).notNull()
            t.column("memberId", .text).notNull()
            t.column("outcome", .text).notNull()
            t.column("note", .text)
            t.column("volunteer", .text)
            t.column("recordedAt", .datetime).notNull()
        }
        try db.create(index: "outcomes_member", on: "outcomes", columns: ["memberId"])
        try db.create(table: "volunteers") { t in
            t.primaryKey("name", .text)
            t.column("phone", .text)
            t.column("timeZone", .text).notNull()
            t.column("languages", .text).notNull()
            t.column("maxCallsPerDay", .integer).notNull()
        }
        try db.create(table: "memberFlags") { t in
            t.primaryKey("memberId", .text)
            t.column("phoneFlaggedWrong", .boolean).notNull().defaults(to: false)
        }
    }
}

extension TourDatabase {
    /// The three-step rhythm: the old first call (`inviteCall`) becomes the follow-up call and the
    /// old second call, if not made yet, goes; events get `scheduledAt` and an unknown venue or
    /// organizer is stored as "" (was a placeholder text); tasks get `mergedInto`; outcomes get
    /// their `attempt` (numbered per task in recording order); volunteers get `callingHours`
    /// and `country`.
    static func migrateRemindersRhythm(_ db: Database) throws {
        try db.alter(table: "events") { t in t.add(column: "scheduledAt", .datetime) }
        try db.execute(sql: "UPDATE events SET venue = '' WHERE venue = 'venue to be announced'")
        try db.execute(sql: "UPDATE events SET organizer = '' WHERE organizer = 'the local organizer'")
        try db.alter(table: "tasks") { t in t.add(column: "mergedInto", .text) }
        try db.alter(table: "outcomes") { t in t.add(column: "attempt", .integer).notNull().defaults(to: 1) }
        try db.execute(
            sql: """
                UPDATE outcomes SET attempt = (SELECT COUNT(*) FROM outcomes o WHERE o.taskId = outcomes.taskId AND o.id <= outcomes.id)
                """)
        try db.alter(table: "volunteers") { t in
            t.add(column: "callingHours", .text)
            t.add(column: "country", .text)
        }
        try db.execute(
            sql: """
                DELETE FROM tasks WHERE kind = 'followUpCall' AND status IN ('pending', 'unschedulable')
                  AND EXISTS (SELECT 1 FROM tasks i WHERE i.kind = 'inviteCall' AND i.eventId = tasks.eventId AND i.memberId = tasks.memberId);
                UPDATE outcomes SET taskId = substr(taskId, 1, length(taskId) - 10) || 'followUpCall'
                  WHERE taskId LIKE '%/inviteCall'
                  AND NOT EXISTS (SELECT 1 FROM tasks f WHERE f.id = substr(outcomes.taskId, 1, length(outcomes.taskId) - 10) || 'followUpCall');
                UPDATE tasks SET kind = 'followUpCall', id = substr(id, 1, length(id) - 10) || 'followUpCall'
                  WHERE kind = 'inviteCall'
                  AND NOT EXISTS (SELECT 1 FROM tasks f WHERE f.id = substr(tasks.id, 1, length(tasks.id) - 10) || 'followUpCall');
                DELETE FROM tasks WHERE kind = 'inviteCall';
                """)
        try db.create(index: "outcomes_task", on: "outcomes", columns: ["taskId", "attempt"])
    }
}
