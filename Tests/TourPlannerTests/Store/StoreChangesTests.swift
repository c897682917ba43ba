import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("StoreChanges: a store file's version moves with every commit, from any connection")
struct StoreChangesTests {
    func event(_ id: String) -> OutreachEvent {
        OutreachEvent(
            id: id, metro: "Boston", cities: ["Boston"], date: CalendarDate(year: 2014, month: 6, day: 7),
            start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.36, longitude: -71.06)
    }

    @Test("reads without writes keep the version; a write by this store, then by another connection, moves it")
    func versions() throws {
        // Given a store file and its watcher
        let folder = try TemporaryFolder()
        let path = folder.url.appendingPathComponent("tourplan.sqlite").path
        let store = try TourDatabase.openOrCreate(path: path)
        let changes = try StoreChanges(store)
        let first = try #require(try changes.current())
        // When nothing is written, the version stays (reads do not count)
        _ = try store.events()
        #expect(try changes.current() == first)
        // When the store itself commits, it moves
        try store.saveEvents([event("e1")])
        let second = try #require(try changes.current())
        #expect(second != first)
        #expect(try changes.current() == second)
        // When another connection (another process, a CLI command) commits, it moves again
        try TourDatabase.openExisting(path: path).saveEvents([event("e2")])
        let third = try #require(try changes.current())
        #expect(third != second && third != first)
    }

    @Test("an in-memory store has no version (nothing computed from it may be kept)")
    func inMemory() throws {
        let changes = try StoreChanges(try TourDatabase.makeInMemory())
        #expect(try changes.current() == nil)
    }
}
