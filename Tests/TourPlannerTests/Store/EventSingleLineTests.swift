import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("Events: what a person typed is kept on one line")
struct EventSingleLineTests {
    @Test("whitespace runs, line breaks and control characters become one space; the ends are trimmed")
    func singleLine() {
        #expect("Hall A\nRoom 2".singleLine == "Hall A Room 2")
        #expect("  Hall A\r\n\t Room 2 \u{2028}(back)\u{7}\n".singleLine == "Hall A Room 2 (back)")
        #expect("Union Hall".singleLine == "Union Hall")
        #expect(" \n\t ".singleLine.isEmpty)
    }

    @Test("a venue typed with a newline is stored, listed, called out and put in calendars on one line")
    func venueOnOneLine() throws {
        let fixture = try ReminderStoreFixture(venue: "Hall A\nRoom 2")
        var event = fixture.event
        event.organizer = "Ann\r\n  Lee\t"
        try fixture.store.saveEvents([event])
        let stored = try #require(try fixture.store.events().first)
        #expect(stored.venue == "Hall A Room 2" && stored.organizer == "Ann Lee")
        // The events table: one row for the event, with both texts on it.
        let table = try EventsReport(events: [stored]).render(.table)
        let rows = table.split(separator: "\n").filter { $0.contains(stored.id) }
        #expect(rows.count == 1 && rows[0].contains("Hall A Room 2") && rows[0].contains("Ann Lee"), "\(table)")
        // The call sheet (CSV, ICS) and the itinerary's calendar.
        let task = try CallSheetTests.task(
            "1", kind: .followUpCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: stored)
        let sheet = CallSheetTests.sheet([task], event: stored)
        #expect(sheet.rows.first?.script.contains("(Hall A Room 2)") == true)
        #expect(sheet.csv().contains("(Hall A Room 2)"))
        #expect(!sheet.ics().contains("Hall A\\n"))
        let details = ["Boston": Itinerary.StopDetails(venue: stored.venue, organizer: stored.organizer)]
        let ics = try Itinerary.make(plan: try ItineraryTests.plan(), details: details).ics()
        #expect(ics.replacingOccurrences(of: "\r\n ", with: "").contains("LOCATION:Hall A Room 2\\, Boston\r\n"))
        // Stored on several lines before this rule: read back on one.
        try fixture.store.writer.write { db in
            try db.execute(
                sql: "UPDATE events SET venue = ?, organizer = ? WHERE id = ?",
                arguments: ["Old\r\nHall", "\n", stored.id])
        }
        let old = try #require(try fixture.store.events().first)
        #expect(old.venue == "Old Hall" && old.organizer == nil)
    }
}
