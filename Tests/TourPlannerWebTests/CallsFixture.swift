import Foundation
import GRDB
import TourPlanner

/// Reminder data for the volunteer pages: an event in Boston on Saturday 2014-06-14 at 10:00 EDT;
/// members 1 Ada, 2 Bea, 3 Cy (calls for Rosa Demo) and 4 Dee (a call for Sam Other), all with a
/// follow-up call window Thursday 2014-06-05 17:00–20:00 EDT (21:00–24:00 UTC).
enum CallsFixture {
    static let eventID = "2014-06-14-boston"
    static let windowStart = Date(timeIntervalSince1970: 1_402_002_000)  // 2014-06-05T21:00:00Z
    static let eventStart = Date(timeIntervalSince1970: 1_402_754_400)  // 2014-06-14T14:00:00Z

    static func taskID(_ member: String) -> String { "\(eventID)/\(member)/followUpCall" }

    static func seed(_ store: TourDatabase) throws {
        try store.writer.write { db in
            for (id, first) in [("1", "Ada"), ("2", "Bea"), ("3", "Cy"), ("4", "Dee")] {
                try db.execute(
                    sql: """
                        INSERT INTO members (id, firstName, lastName, city, placeKey, phoneRaw, phoneE164, countryCode, languages)
                        VALUES (?, ?, 'Demo', 'Boston', 'Boston', '(617) 555-010\(id)', '+161755501\(id)0', 'US', 'English')
                        """, arguments: [id, first])
            }
        }
        try store.saveEvents([
            OutreachEvent(
                metro: "Boston", cities: ["Boston"], date: CalendarDate(year: 2014, month: 6, day: 14),
                start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.3601,
                longitude: -71.0589, venue: "Union Hall")
        ])
        try store.saveTasks(
            [("1", "Rosa Demo"), ("2", "Rosa Demo"), ("3", "Rosa Demo"), ("4", "Sam Other")].map { member, volunteer in
                ReminderTask(
                    memberId: MemberID(member), kind: .followUpCall, eventId: eventID, eventStart: eventStart,
                    windowStart: windowStart, windowEnd: windowStart.addingTimeInterval(3 * 3600),
                    timeZone: "America/New_York", volunteer: volunteer, status: .pending, attempt: 0, note: nil)
            })
    }

    /// Outcomes stored for a task: (outcome, volunteer).
    static func outcomes(_ store: TourDatabase, task: String) throws -> [String] {
        try store.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT outcome, volunteer FROM outcomes WHERE taskId = ? ORDER BY id", arguments: [task]
            )
            .map { "\($0["outcome"] as String) by \($0["volunteer"] as String? ?? "-")" }
        }
    }
}
