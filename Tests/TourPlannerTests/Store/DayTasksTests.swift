import Foundation
import Testing

@testable import TourPlanner

@Suite("Store: one day's tasks of a volunteer")
struct DayTasksTests {
    /// 2014-06-07 00:00 UTC.
    static let midnight = Date(timeIntervalSince1970: 1_402_099_200)

    static func task(
        _ member: String, hoursAfterMidnight hours: Double, volunteer: String = "Vera", status: TaskStatus = .pending,
        event: String = "2014-06-14-boston"
    ) -> ReminderTask {
        let start = midnight.addingTimeInterval(hours * 3600)
        return ReminderTask(
            memberId: MemberID(member), kind: .followUpCall, eventId: event,
            eventStart: midnight.addingTimeInterval(7 * 86_400),
            windowStart: start, windowEnd: start.addingTimeInterval(3600), timeZone: "Pacific/Auckland",
            volunteer: volunteer, status: status, attempt: 1, note: nil,
            mergedInto: status == .merged ? "e/1/followUpCall" : nil)
    }

    @Test("pending tasks starting in the range, every merged task, none of another volunteer or status")
    func range() throws {
        // Given tasks just before, inside and at the end of [midnight, midnight + 24 h)
        let store = try TourDatabase.makeInMemory()
        let event = OutreachEvent(
            metro: "Boston", cities: ["Boston"], date: try #require(CalendarDate(iso: "2014-06-14")),
            start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.3601, longitude: -71.0589)
        try store.saveEvents([event])
        #expect(event.id == "2014-06-14-boston")
        try store.saveTasks([
            Self.task("1", hoursAfterMidnight: -0.5),  // 23:30 the day before: outside
            Self.task("2", hoursAfterMidnight: 0),  // the first instant: inside
            Self.task("3", hoursAfterMidnight: 23.9),  // inside
            Self.task("4", hoursAfterMidnight: 24),  // the end is excluded
            Self.task("5", hoursAfterMidnight: 5, status: .done),  // not pending
            Self.task("6", hoursAfterMidnight: 5, volunteer: "Sam"),  // someone else's
            Self.task("7", hoursAfterMidnight: 24 * 30, status: .merged),  // merged: always listed
        ])
        // When the day is asked for
        let tasks = try store.tasks(
            volunteer: "Vera", pendingWindowStarts: Self.midnight..<Self.midnight.addingTimeInterval(86_400))
        // Then exactly members 2 and 3 (pending, in window order) and the merged 7
        #expect(tasks.map(\.memberId.rawValue) == ["2", "3", "7"])
        // and the whole season reads the same pending tasks and more
        #expect(try store.tasks(volunteer: "Vera").count == 6)
    }
}
