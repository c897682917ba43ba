import Foundation
import Testing

@testable import TourPlanner

@Suite("Texts joined from names: never a doubled period")
struct DoublePeriodTests {
    static let name = "Martin Luther King Jr."

    @Test("joining a sentence's period after a name that ends with one keeps one")
    func joining() {
        #expect("Local organizer: \(Self.name)".joiningSentence(".") == "Local organizer: Martin Luther King Jr.")
        #expect("Local organizer: Ann".joiningSentence(".") == "Local organizer: Ann.")
        #expect(
            CallSheet.fill("at {venue}. See you, {volunteer}.", values: ["venue": Self.name, "volunteer": Self.name])
                == "at Martin Luther King Jr. See you, Martin Luther King Jr.")
    }

    @Test("the itinerary's ICS DESCRIPTION with an organizer named Martin Luther King Jr.")
    func itinerary() throws {
        let details = ["Boston": Itinerary.StopDetails(venue: Self.name, organizer: Self.name)]
        let ics = try Itinerary.make(plan: try ItineraryTests.plan(), details: details).ics()
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("Local organizer: Martin Luther King Jr.\r\n"))
        #expect(!unfolded.contains(".."))
    }

    @Test("a reminder call's script and its ICS DESCRIPTION with the venue Martin Luther King Jr.")
    func reminderCall() throws {
        var event = try ReminderSchedulerTests.event("2014-06-07")
        event.venue = Self.name
        let task = try CallSheetTests.task(
            "1", kind: .reminderCall, start: "2014-06-02T14:00:00Z", end: "2014-06-03T00:00:00Z", event: event)
        let sheet = CallSheetTests.sheet([task], event: event, confirmed: [event.id + "/1"])
        let script = try #require(sheet.rows.first?.script)
        #expect(script.contains("Martin Luther King Jr. See you there!"), "\(script)")
        let ics = sheet.ics().replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.contains("DESCRIPTION:") && ics.contains("Jr. See you there!"))
        #expect(!ics.contains(".."))
    }
}
