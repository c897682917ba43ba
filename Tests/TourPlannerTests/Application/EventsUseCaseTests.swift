import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("Planner: deleting an event")
struct EventsUseCaseTests {
    /// The reminder fixture (Boston members "1" and "2", an event on 2014-06-14) with a second
    /// event in Boston on 2014-06-21, both scheduled on Monday 2014-06-02.
    static func scheduled() throws -> (ReminderStoreFixture, Planner, OutreachEvent) {
        let fixture = try ReminderStoreFixture()
        let later = OutreachEvent(
            metro: "Boston", cities: ["Boston"], date: try ReminderSchedulerTests.date("2014-06-21"),
            start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.3601,
            longitude: -71.0589, venue: "Union Hall")
        try fixture.store.saveEvents([later])
        _ = try fixture.reschedule(now: try ReminderSchedulerTests.instant(ReminderStoreTests.monday))
        return (fixture, Planner(store: fixture.store, resources: try PlannerResources()), later)
    }

    @Test("an event without outcomes goes with its tasks; the other event, members and volunteers stay")
    func deletes() throws {
        let (fixture, planner, later) = try Self.scheduled()
        let tasks = try fixture.store.tasks()
        let own = tasks.filter { $0.eventId == fixture.event.id }
        #expect(!own.isEmpty && own.count < tasks.count)
        let report = try planner.deleteEvent(id: fixture.event.id)
        #expect(report.removedTasks == own.count)
        #expect(
            try report.render(.table)
                == "deleted event \(fixture.event.id) (Boston, 2014-06-14 10:00) and its \(own.count) reminder tasks; "
                + "nothing else changed\n")
        #expect(try fixture.store.events().map(\.id) == [later.id])
        #expect(try fixture.store.tasks() == tasks.filter { $0.eventId == later.id })
        #expect(try fixture.store.memberSummary().total == 2)
        #expect {
            try planner.deleteEvent(id: fixture.event.id)
        } throws: { error in
            (error as? PlannerError)?.message == "there is no event \"\(fixture.event.id)\""
        }
    }

    @Test("an event with a call outcome is refused, naming it, the count and what to do; nothing changes")
    func refusesWithOutcomes() throws {
        let (fixture, planner, _) = try Self.scheduled()
        _ = try fixture.store.logOutcome(
            taskID: fixture.id("1", .followUpCall), outcome: .noAnswer, note: nil, volunteer: nil,
            now: try ReminderSchedulerTests.instant("2014-06-02T16:00:00Z"), rules: fixture.rules)
        let tasks = try fixture.store.tasks()
        #expect {
            try planner.deleteEvent(id: fixture.event.id)
        } throws: { error in
            let error = try #require(error as? PlannerError)
            return error.message
                == "event \(fixture.event.id) (Boston, 2014-06-14) cannot be deleted: 1 call outcome is recorded for its reminder tasks"
                && (error.hint ?? "").hasPrefix(
                    "outcomes are the members' call history and are kept, so the event stays; ")
                && (error.hint ?? "").hasSuffix("`tourplan events add --place PLACE --date 2014-06-14`")
        }
        #expect(try fixture.store.events().count == 2)
        #expect(try fixture.store.tasks() == tasks)
        #expect(try fixture.store.outcomes(memberID: MemberID("1")).count == 1)
    }
}
