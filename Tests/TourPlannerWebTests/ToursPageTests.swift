import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

extension OrganizerPageTests {
    @Suite("Organizer pages: /tours, /events, /rank, /members, /markers with members")
    struct ToursPageTests {
        static let members =
            memberHeader + "1,Ann,Alpha,ann@example.org,,Philadelphia,PA,US,,woman,2014-01-01,,,,\n"
            + "2,Bo,Beta,bo@example.org,,Philadelphia,PA,US,,man,2014-01-02,,,,\n"
            + "3,Cy,Gamma,cy@example.org,,Hartford,CT,US,,,2014-01-03,,,,\n"
            + "4,Di,Delta,di@example.org,,New York,NY,US,,woman,2014-01-03,,,,\n"

        /// A fixture whose store holds `members`, imported through the page.
        static func imported(_ client: any TestClientProtocol, _ olga: Browser) async throws {
            let token = try await olga.token("/import", client)
            let response = try await olga.upload(
                "/import", fields: [("_csrf", token)], file: ("export", "m.csv", members), client)
            #expect(response.status == .seeOther)
        }

        @Test("plan a tour from the form: 303 to /tours/NAME, the itinerary, and the ICS, HTML and GeoJSON downloads")
        func planAndDownload() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                try await Self.imported(client, olga)
                let token = try await olga.token("/tours", client)
                let planned = try await olga.post(
                    "/tours",
                    form: [
                        ("_csrf", token), ("name", "east-2014"), ("base", "New York, NY"), ("from", "2014-06-07"),
                        ("to", "2014-06-29"), ("day-sat", "on"), ("day-sun", "on"), ("stops", "Philadelphia\nHartford"),
                    ], client)
                #expect(planned.status == .seeOther)
                #expect(planned.headers[.location] == "/tours/east-2014?saved=new")
                let saved = try #require(try fixture.store.savedTour(named: "east-2014")?.plan)
                #expect(Set(saved.trips.flatMap { $0.stops.map(\.metro) }).count == 2)
                let page = try await olga.get("/tours/east-2014?saved=new", client)
                #expect(page.status == .ok)
                #expect(page.text.contains("Planned and saved as tour east-2014."))
                #expect(page.text.contains("Philadelphia") && page.text.contains("<svg"))
                #expect(page.text.contains("href=\"/tours/east-2014/itinerary.ics\""))
                let ics = try await olga.get("/tours/east-2014/itinerary.ics", client)
                #expect(ics.status == .ok)
                #expect(ics.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(ics.headers[.contentDisposition] == "attachment; filename=\"east-2014-itinerary.ics\"")
                #expect(ics.text.hasPrefix("BEGIN:VCALENDAR"))
                let html = try await olga.get("/tours/east-2014/itinerary.html", client)
                #expect(html.headers[.contentType] == "text/html; charset=utf-8" && html.text.contains("<html"))
                let geojson = try await olga.get("/tours/east-2014/itinerary.geojson", client)
                #expect(geojson.headers[.contentType] == "application/geo+json")
                #expect(geojson.text.contains("FeatureCollection"))
                #expect(try await olga.get("/tours/east-2014/itinerary.pdf", client).status == .notFound)
                let list = try await olga.get("/tours", client)
                #expect(list.text.contains("href=\"/tours/east-2014\""))
                let json = try await olga.get("/tours/east-2014", client, headers: [.accept: "application/json"])
                #expect(json.status == .ok && json.text.contains("\"trips\""))
            }
        }

        @Test("a refused plan keeps what was typed and says what to fix (422); a bad name is refused")
        func refusedPlan() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/tours", client)
                let badDate = try await olga.post(
                    "/tours",
                    form: [
                        ("_csrf", token), ("name", "t1"), ("base", "New York, NY"), ("from", "2014-13-07"),
                        ("to", "2014-06-29"), ("day-sat", "on"),
                    ], client)
                #expect(badDate.status == .unprocessableContent)
                #expect(badDate.text.contains("First date &quot;2014-13-07&quot; is not a date"))
                #expect(badDate.text.contains("value=\"New York, NY\""))
                #expect(badDate.text.contains("name=\"day-sat\" value=\"on\" checked"))
                #expect(!badDate.text.contains("name=\"day-sun\" value=\"on\" checked"))
                let badName = try await olga.post(
                    "/tours",
                    form: [
                        ("_csrf", token), ("name", "../x"), ("base", "New York, NY"), ("from", "2014-06-07"),
                        ("to", "2014-06-29"), ("day-sat", "on"),
                    ], client)
                #expect(badName.status == .unprocessableContent)
                #expect(try fixture.store.savedTours().isEmpty)
            }
        }

        @Test("the tour page shows days and times as people read them, in the stop's zone; the JSON keeps ISO 8601")
        func readableTimes() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                try await Self.imported(client, olga)
                let token = try await olga.token("/tours", client)
                let planned = try await olga.post(
                    "/tours",
                    form: [
                        ("_csrf", token), ("name", "east"), ("base", "New York, NY"), ("from", "2014-06-07"),
                        ("to", "2014-06-08"), ("day-sat", "on"), ("day-sun", "on"), ("stops", "Philadelphia"),
                    ], client)
                #expect(planned.status == .seeOther)
                let json = try await olga.get("/tours/east", client, headers: [.accept: "application/json"])
                // The JSON is the library's: local ISO 8601 instants with their offset.
                let instants = json.text.matches(of: /"start"\s*:\s*"(2014-06-0\d)T(\d\d:\d\d):00-04:00"/)
                let first = try #require(instants.first)
                let page = try await olga.get("/tours/east", client)
                #expect(page.status == .ok)
                // 2014-06-07 is a Saturday; New York and Philadelphia are on EDT (UTC-4) in June.
                #expect(page.text.contains("<h3>Sat 7 Jun 2014</h3>"))
                #expect(page.text.contains("Trip 1: Sat 7 Jun 2014"))
                #expect(page.text.contains(">\(first.output.2)–") || page.text.contains(">\(first.output.2) EDT"))
                #expect(page.text.contains(" EDT</span>"))
                #expect(page.text.firstMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d/) == nil)
                #expect(page.text.firstMatch(of: /\d{4}-\d\d-\d\d/) == nil)
            }
        }

        @Test("a stop that is not a metro is refused in the form's words: the field's name, no CLI flag")
        func refusedStopNamesTheField() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                try await Self.imported(client, olga)
                let token = try await olga.token("/tours", client)
                let refused = try await olga.post(
                    "/tours",
                    form: [
                        ("_csrf", token), ("name", "t2"), ("base", "New York, NY"), ("from", "2014-06-07"),
                        ("to", "2014-06-29"), ("day-sat", "on"), ("stops", "Qqqxzv"),
                    ], client)
                #expect(refused.status == .unprocessableContent)
                let alert = try #require(
                    refused.text.firstMatch(
                        of: (/<p class="notice error" role="alert">(.*?)<\/p>/).dotMatchesNewlines()))
                let text = String(alert.output.1)
                #expect(text.contains("Metros to visit"))
                #expect(text.contains("Qqqxzv"))
                #expect(!text.contains("--"))
                #expect(!text.contains("tourplan"))
                let badRange = try await olga.post(
                    "/tours",
                    form: [
                        ("_csrf", token), ("name", "t3"), ("base", "New York, NY"), ("from", "2014-06-29"),
                        ("to", "2014-06-07"), ("day-sat", "on"), ("stops", "Philadelphia"),
                    ], client)
                #expect(badRange.status == .unprocessableContent)
                #expect(badRange.text.contains("“First date” must be on or before “Last date”"))
                #expect(!badRange.text.contains("--from"))
            }
        }

        @Test("events: add with the CLI's checks, then edit the venue; a bad time keeps the form")
        func events() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/events", client)
                let bad = try await olga.post(
                    "/events",
                    form: [("_csrf", token), ("place", "Denver, CO"), ("date", "2014-06-07"), ("start", "25:00")],
                    client)
                #expect(bad.status == .unprocessableContent)
                #expect(
                    bad.text.contains("Start &quot;25:00&quot; is not a time")
                        && bad.text.contains("value=\"Denver, CO\""))
                let added = try await olga.post(
                    "/events",
                    form: [
                        ("_csrf", token), ("place", "Denver, CO"), ("date", "2014-06-07"), ("start", "11:30"),
                        ("venue", "Library <Main>"),
                    ], client)
                #expect(added.status == .seeOther)
                let event = try #require(try fixture.store.events().first)
                #expect(event.venue == "Library <Main>" && event.start.description == "11:30")
                let page = try await olga.get(try #require(added.headers[.location]), client)
                #expect(page.text.contains("Library &lt;Main&gt;") && !page.text.contains("Library <Main>"))
                let edit = try await olga.get("/events?edit=\(QueryValue.escape(event.id))", client)
                #expect(edit.text.contains("value=\"11:30\""))
                let json = try await olga.get("/events", client, headers: [.accept: "application/json"])
                #expect(json.text.contains("\"events\""))
            }
        }

        @Test("members, rank (with the SVG map) and markers show the imported members; JSON is the report's")
        func reports() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                try await Self.imported(client, olga)
                let members = try await olga.get("/members", client)
                #expect(members.text.contains("<dt>Members</dt><dd>4</dd>"))
                #expect(members.text.contains("Philadelphia"))
                let check = try await olga.get("/members?place=Hartford%2C+CT", client)
                #expect(check.text.contains("“Hartford, CT” is Hartford"))
                let unknown = try await olga.get("/members?place=Qqqxzv", client)
                #expect(unknown.text.contains("“Qqqxzv” is not resolved"))
                let checkJSON = try await olga.get(
                    "/members?place=Hartford", client, headers: [.accept: "application/json"])
                #expect(checkJSON.text.contains("\"status\""))
                let rank = try await olga.get("/rank?base=New+York%2C+NY", client)
                #expect(rank.status == .ok)
                #expect(rank.text.contains("<svg") && rank.text.contains("class=\"metro\""))
                #expect(rank.text.contains("value=\"New York, NY\""))
                #expect(rank.text.contains("Philadelphia"))
                #expect(rank.text.contains("“New York, NY” is New York City"))
                let rankJSON = try await olga.get("/rank", client, headers: [.accept: "application/json"])
                #expect(rankJSON.text.contains("\"metros\""))
                let markers = try await olga.get("/markers", client)
                #expect(markers.status == .ok && markers.text.contains("<progress"))
                let membersJSON = try await olga.get("/members", client, headers: [.accept: "application/json"])
                #expect(membersJSON.text.contains("\"total\" : 4") || membersJSON.text.contains("\"total\":4"))
            }
        }
    }
}
