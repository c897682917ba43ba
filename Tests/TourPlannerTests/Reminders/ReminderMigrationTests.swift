import Foundation
import GRDB
import Testing

@testable import TourPlanner
@testable import TourPlannerStore

@Suite("Reminders: migrating a store of the four-touch cadence")
struct ReminderMigrationTests {
    /// Member 1 was reached on the old invite call (its follow-up still pending); member 2's old
    /// invite and follow-up were both made. After v6: member 1's invite is the follow-up call,
    /// done, with its outcome; the old pending second call is gone; member 2 keeps its follow-up.
    @Test("v6 turns the old invite call into the follow-up call and keeps every outcome")
    func migratesInviteCalls() throws {
        let queue = try DatabaseQueue()
        try TourDatabase.migrator.migrate(queue, upTo: "v5-members-rowid")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO events (id, metro, cities, date, start, timeZone, latitude, longitude, venue, organizer)
                    VALUES ('e', 'Boston', 'Boston', '2014-06-14', '10:00', 'America/New_York', 42.36, -71.06, 'venue to be announced', 'Maria')
                    """)
            for (member, kind, status) in [
                ("1", "inviteCall", "done"), ("1", "followUpCall", "pending"), ("2", "inviteCall", "done"),
                ("2", "followUpCall", "done"),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO tasks (id, eventId, memberId, kind, eventStart, windowStart, windowEnd, timeZone, volunteer, status, attempt)
                        VALUES (?, 'e', ?, ?, 0, 0, 0, 'America/New_York', 'Rosa', ?, 1)
                        """, arguments: ["e/\(member)/\(kind)", member, kind, status])
            }
            try db.execute(
                sql: """
                    INSERT INTO outcomes (taskId, memberId, outcome, recordedAt) VALUES ('e/1/inviteCall', '1', 'no-answer', 1),
                      ('e/1/inviteCall', '1', 'rsvp-yes', 2), ('e/2/inviteCall', '2', 'reached', 3)
                    """)
        }
        let store = try TourDatabase(queue)
        let tasks = try store.tasks().map { "\($0.taskId) \($0.status.rawValue)" }.sorted()
        #expect(tasks == ["e/1/followUpCall done", "e/2/followUpCall done"])
        let outcomes = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT taskId, outcome, attempt FROM outcomes ORDER BY id").map {
                "\($0["taskId"] as String) \($0["outcome"] as String) \($0["attempt"] as Int)"
            }
        }
        #expect(
            outcomes == ["e/1/followUpCall no-answer 1", "e/1/followUpCall rsvp-yes 2", "e/2/inviteCall reached 1"])
        let event = try #require(try store.events().first)
        #expect(event.venue == nil && event.organizer == "Maria")
    }
}
