import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

@Suite("Volunteer pages: /calls, outcomes, /texts")
struct VolunteerRoutesTests {
    func makeFixture() throws -> WebFixture {
        let fixture = try WebFixture()
        try CallsFixture.seed(fixture.store)
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try fixture.addAccount("sam", role: .volunteer, volunteer: "Sam Other")
        try fixture.addAccount("ada", role: .organizer)
        try fixture.addAccount("tess", role: .treasurer)
        return fixture
    }

    func csrf(_ fixture: WebFixture, _ browser: Browser) throws -> String {
        try #require(try fixture.store.session(id: browser.cookies["tp_session"] ?? "", now: fixture.clock.now))
            .csrfToken
    }

    @Test("a volunteer's list: own tasks only, first name, their time now, window, tel: link, buttons")
    func callList() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("rosa", client)
            let page = try await browser.get("/calls", client)
            #expect(page.status == .ok)
            let html = page.text
            // Thursday 2014-06-05 16:26 EDT: today on Rosa's clock.
            #expect(html.contains("<h1>Calls for Thu 5 Jun 2014</h1>"))
            #expect(html.contains("Your calls for <strong>Thu 5 Jun 2014</strong> (Rosa Demo): "))
            #expect(
                html.contains("Call <bdi>Ada</bdi>") && html.contains("Call <bdi>Bea</bdi>")
                    && html.contains("Call <bdi>Cy</bdi>"))
            #expect(!html.contains("Call <bdi>Dee</bdi>"))
            #expect(html.contains("Their time now: <strong>16:26 EDT</strong> (America/New_York)"))
            #expect(html.contains("Window: 17:00–20:00 America/New_York"))
            #expect(html.contains("href=\"tel:+16175550110\""))
            for label in ["Reached", "Voicemail", "No answer", "Wrong number", "RSVP yes", "RSVP no", "Do not contact"]
            {
                #expect(html.contains(">\(label)</button>"), "\(label)")
            }
            #expect(html.contains("Signed in as <strong>rosa</strong> <span class=\"role\">(volunteer)</span>"))
            // Another day on Rosa's clock has nothing.
            let friday = try await browser.get("/calls?date=2014-06-06", client)
            #expect(friday.text.contains("Nothing to do on this day"))
        }
    }

    @Test("the list answers JSON with the same report")
    func json() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("rosa", client)
            let response = try await browser.get("/calls", client, headers: [.accept: "application/json"])
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let report = try JSONDecoder.iso8601().decode(CallListReport.self, from: Data(response.text.utf8))
            #expect(report.items.map(\.firstName) == ["Ada", "Bea", "Cy"])
            #expect(report.items.first?.memberTimeNow == "16:26 America/New_York")
            #expect(report.items.first?.memberTimeZone == "America/New_York")
        }
    }

    @Test("an outcome POST redirects back (a refresh logs nothing) and the list shows the next step")
    func outcome() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("rosa", client)
            let path = TaskPathID.make(CallsFixture.taskID("1"))
            let response = try await browser.post(
                "/calls/\(path)/outcome",
                form: [
                    ("_csrf", try csrf(fixture, browser)), ("date", "2014-06-05"), ("outcome", "reached"), ("note", ""),
                ],
                client)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/calls?logged=\(path)&date=2014-06-05")
            #expect(
                try CallsFixture.outcomes(fixture.store, task: CallsFixture.taskID("1")) == ["reached by Rosa Demo"])
            // Following the redirect twice (a refresh) stores nothing more.
            for _ in 1...2 {
                let page = try await browser.get("/calls?logged=\(path)&date=2014-06-05", client)
                #expect(
                    page.text.contains(
                        "<strong>Saved:</strong> Logged Reached for Ada (follow-up call). Next step: done."))
                #expect(!page.text.contains("Call <bdi>Ada</bdi>") && page.text.contains("Call <bdi>Bea</bdi>"))
            }
            #expect(try CallsFixture.outcomes(fixture.store, task: CallsFixture.taskID("1")).count == 1)
        }
    }

    @Test("another volunteer's task is 404, for the POST and for the notice; an organizer may log it")
    func otherVolunteersTask() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let sams = TaskPathID.make(CallsFixture.taskID("4"))
            let post = try await rosa.post(
                "/calls/\(sams)/outcome", form: [("_csrf", try csrf(fixture, rosa)), ("outcome", "reached")], client)
            #expect(post.status == .notFound)
            #expect(try await rosa.get("/calls?logged=\(sams)", client).status == .notFound)
            #expect(try await rosa.get("/calls?volunteer=Sam%20Other", client).status == .notFound)
            #expect(
                try await rosa.post(
                    "/calls/not-base64!/outcome", form: [("_csrf", try csrf(fixture, rosa)), ("outcome", "reached")],
                    client
                ).status == .notFound)
            #expect(try CallsFixture.outcomes(fixture.store, task: CallsFixture.taskID("4")).isEmpty)
            let ada = Browser()
            try await ada.signIn("ada", client)
            #expect(try await ada.get("/calls", client).text.contains("Sam Other"))
            #expect(try await ada.get("/calls?volunteer=Sam%20Other", client).text.contains("Call <bdi>Dee</bdi>"))
            let logged = try await ada.post(
                "/calls/\(sams)/outcome", form: [("_csrf", try csrf(fixture, ada)), ("outcome", "voicemail")], client)
            #expect(logged.status == .seeOther)
            #expect(logged.headers[.location] == "/calls?logged=\(sams)&volunteer=Sam%20Other")
            #expect(try CallsFixture.outcomes(fixture.store, task: CallsFixture.taskID("4")) == ["voicemail by ada"])
        }
    }

    @Test("roles: a treasurer gets 403 on /calls and /texts; anonymous gets 303 to /login")
    func roles() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            #expect(try await tess.get("/calls", client).status == .forbidden)
            #expect(try await tess.get("/texts", client).status == .forbidden)
            let anonymous = try await client.execute(uri: "/calls", method: .get)
            #expect(anonymous.status == .seeOther && anonymous.headers[.location] == "/login?next=%2Fcalls")
            let post = try await client.execute(
                uri: "/calls/\(TaskPathID.make(CallsFixture.taskID("1")))/outcome", method: .post)
            #expect(post.status == .forbidden)
        }
    }

    @Test("an outcome POST without the CSRF token is 403 and stores nothing; a bad outcome is 422; a bad date 400")
    func rejected() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("rosa", client)
            let path = TaskPathID.make(CallsFixture.taskID("1"))
            #expect(
                try await browser.post("/calls/\(path)/outcome", form: [("outcome", "reached")], client).status
                    == .forbidden)
            #expect(
                try await browser.post(
                    "/calls/\(path)/outcome", form: [("_csrf", "wrong"), ("outcome", "reached")], client
                ).status == .forbidden)
            let bad = try await browser.post(
                "/calls/\(path)/outcome", form: [("_csrf", try csrf(fixture, browser)), ("outcome", "maybe")], client)
            #expect(bad.status == .unprocessableContent && bad.text.contains("got &quot;maybe&quot;"))
            #expect(try CallsFixture.outcomes(fixture.store, task: CallsFixture.taskID("1")).isEmpty)
            let date = try await browser.get("/calls?date=June", client)
            #expect(date.status == .badRequest && date.text.contains("date &quot;June&quot; is not a date"))
        }
    }

    @Test("texts page: the volunteer's texts with a copy button that needs the script")
    func texts() async throws {
        let fixture = try makeFixture()
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("rosa", client)
            let page = try await browser.get("/texts", client)
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1>Texts for Thu 5 Jun 2014</h1>"))
            #expect(page.text.contains("no texts on this day"))
            #expect(page.text.contains("<script src=\"/app.js\"></script>"))
            let script = try await client.execute(uri: "/app.js", method: .get)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
        }
    }
}

extension JSONDecoder {
    static func iso8601() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
