import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

/// Dates and times on pages as people read them ("Sat 14 Jun 2014", "Fri 6 Jun, 10:00 EDT"),
/// where the library's texts carry ISO 8601 for the command line.
@Suite("Pages as a new user reads them: readable dates")
struct ReadableDatesTests {
    @Test("ISO dates and instants in a library message read as people write them; ids are left alone")
    func readableDates() {
        #expect(
            WebDates.readable(
                "event 2014-06-14-boston starts at 09:00 but the plan trains in Boston at 10:00 on 2014-06-14; "
                    + "the itinerary uses 10:00")
                == "event 2014-06-14-boston starts at 09:00 but the plan trains in Boston at 10:00 on Sat 14 Jun 2014; "
                + "the itinerary uses 10:00")
        #expect(WebDates.readable("from 2014-06-07 to 2014-06-29.") == "from Sat 7 Jun 2014 to Sun 29 Jun 2014.")
        #expect(WebDates.readable("at 2014-06-07T10:00:00-04:00") == "at Sat 7 Jun 2014, 10:00 UTC-4")
        #expect(WebDates.readable("(2014-06-07T13:00:00Z)") == "(Sat 7 Jun 2014, 13:00 UTC)")
        #expect(WebDates.readable("m.csv, 2014-06-05 20:26 UTC)") == "m.csv, Thu 5 Jun 2014, 20:26 UTC)")
        #expect(WebDates.readable("at 2014-06-07T10:00+05:30.") == "at Sat 7 Jun 2014, 10:00 UTC+5:30.")
        #expect(WebDates.readable("2014-06-07T10:00:00") == "2014-06-07T10:00:00")
        #expect(WebDates.readable("code 12014-06-071") == "code 12014-06-071")
        #expect(WebDates.readable("not 2014-13-40") == "not 2014-13-40")
        // 2014-06-07T14:00Z is 10:00 EDT in New York, a Saturday.
        let instant = Date(timeIntervalSince1970: 1_402_149_600)
        #expect(WebDates.dayAndTimeThisYear(instant, zone: "America/New_York") == "Sat 7 Jun, 10:00 EDT")
        #expect(WebDates.dayAndTime(instant, zone: "UTC") == "Sat 7 Jun 2014, 14:00 UTC")
    }

    @Test("after “No answer”: the next try as the member's day and time, the call's kind in words")
    func nextTryNotice() async throws {
        let fixture = try WebFixture()
        try CallsFixture.seed(fixture.store)
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let token = try #require(
                try fixture.store.session(id: rosa.cookies["tp_session"] ?? "", now: fixture.clock.now)?.csrfToken)
            let path = TaskPathID.make(CallsFixture.taskID("1"))
            let response = try await rosa.post(
                "/calls/\(path)/outcome",
                form: [("_csrf", token), ("date", "2014-06-05"), ("outcome", "no-answer"), ("note", "")], client)
            #expect(response.status == .seeOther)
            let page = try await rosa.get("/calls?logged=\(path)&date=2014-06-05", client).text
            // Thursday 16:26 EDT now; the next day with calling hours is Friday 2014-06-06, from
            // 10:00 on weekdays, in the member's zone (New York, EDT).
            #expect(
                page.contains("Logged No answer for Ada (follow-up call). Next step: next try Fri 6 Jun, 10:00 EDT."))
            #expect(!page.contains("2014-06-06T"))
            let texts = try await rosa.get("/texts?date=2014-06-05", client).text
            #expect(texts.contains("Texts to send on <strong>Thu 5 Jun 2014</strong>"))
        }
    }
}

extension OrganizerPageTests {
    /// The organizer's pages that import or resolve places (the gazetteer): in the serialized suite.
    @Suite("Organizer pages as a new user reads them: readable dates")
    struct NewUserOrganizerTests {
        @Test("the same file imported twice: “an import of Thu 5 Jun 2014, 20:26 UTC”, not an ISO instant")
        func importedBefore() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let export = memberHeader + "1,Ann,Alpha,ann@example.org,,Boston,MA,US,,woman,2014-01-01,,,,\n"
                var last = ""
                for _ in 1...2 {
                    let token = try await olga.token("/import", client)
                    let response = try await olga.upload(
                        "/import", fields: [("_csrf", token)], file: ("export", "m.csv", export), client)
                    #expect(response.status == .seeOther)
                    last = try await olga.get(try #require(response.headers[.location]), client).text
                }
                // The fixture's clock: 1_402_000_000 s is Thu 5 Jun 2014, 20:26:40 UTC.
                #expect(last.contains("exactly the same content as an import of Thu 5 Jun 2014, 20:26 UTC."))
                #expect(!last.contains("2014-06-05T"))
            }
        }

        @Test("events list their day as people read it; the form keeps the ISO value its date field needs")
        func eventDays() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/events", client)
                let added = try await olga.post(
                    "/events",
                    form: [("_csrf", token), ("place", "Denver, CO"), ("date", "2014-06-07"), ("start", "11:30")],
                    client)
                #expect(added.status == .seeOther)
                let page = try await olga.get(try #require(added.headers[.location]), client).text
                #expect(page.contains("<h2>Denver, Sat 7 Jun 2014</h2>"))
                #expect(page.contains("Event Denver, Sat 7 Jun 2014 11:30 (America/Denver)"))
                #expect(page.contains("Local organizer: not set"))
                let id = try #require(try fixture.store.events().first?.id)
                let edit = try await olga.get("/events?edit=\(QueryValue.escape(id))", client).text
                #expect(edit.contains("value=\"2014-06-07\""))
            }
        }

        @Test("a venue and organizer pasted on several lines are saved and shown on one line")
        func venueOnOneLine() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/events", client)
                let added = try await olga.post(
                    "/events",
                    form: [
                        ("_csrf", token), ("place", "Denver, CO"), ("date", "2014-06-07"), ("start", "11:30"),
                        ("venue", "Hall A\r\nRoom 2"), ("organizer", "Ann\n\tLee"),
                    ], client)
                #expect(added.status == .seeOther)
                let page = try await olga.get(try #require(added.headers[.location]), client).text
                #expect(page.contains("Venue: Hall A Room 2</p>"), "\(page)")
                #expect(page.contains("Local organizer: Ann Lee"))
                #expect(try fixture.store.events().first?.venue == "Hall A Room 2")
            }
        }

        @Test("a tour page's warning about an event's start names the day as people read it")
        func tourWarningDay() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                try await ToursPageTests.imported(client, olga)
                let token = try await olga.token("/tours", client)
                let planned = try await olga.post(
                    "/tours",
                    form: [
                        ("_csrf", token), ("name", "east"), ("base", "New York, NY"), ("from", "2014-06-07"),
                        ("to", "2014-06-08"), ("day-sat", "on"), ("day-sun", "on"), ("stops", "Philadelphia"),
                    ], client)
                #expect(planned.status == .seeOther)
                // An event at 06:00 on both days: the plan trains later, so the page warns.
                for date in ["2014-06-07", "2014-06-08"] {
                    let added = try await olga.post(
                        "/events",
                        form: [("_csrf", token), ("place", "Philadelphia, PA"), ("date", date), ("start", "06:00")],
                        client)
                    #expect(added.status == .seeOther)
                }
                let page = try await olga.get("/tours/east", client).text
                #expect(page.contains("<strong>Warning:</strong>"))
                #expect(page.contains(" on Sat 7 Jun 2014;") || page.contains(" on Sun 8 Jun 2014;"))
                #expect(!page.contains(" on 2014-06-0"))
            }
        }
    }
}
