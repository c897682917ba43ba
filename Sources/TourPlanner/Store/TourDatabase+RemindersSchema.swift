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
