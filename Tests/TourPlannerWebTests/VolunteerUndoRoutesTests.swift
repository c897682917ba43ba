import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

/// The Undo buttons of `/calls` on `CallsFixture` (the clock: Thursday 2014-06-05 16:26 EDT; the
/// follow-up calls' window Thursday 17:00–20:00 EDT).
@Suite("Volunteer pages: undoing an outcome")
struct VolunteerUndoRoutesTests {
    func makeFixture() throws -> WebFixture {
        let fixture = try WebFixture()
        try CallsFixture.seed(fixture.store)
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try fixture.addAccount("ada", role: .organizer)
        return fixture
    }

    func csrf(_ fixture: WebFixture, _ browser: Browser) throws -> String {
        try #require(try fixture.store.session(id: browser.cookies["tp_session"] ?? "", now: fixture.clock.now))
            .csrfToken
    }

    /// The stored outcomes of a task: "outcome" or "outcome (undone)", oldest first, with their ids.
    func outcomes(_ fixture: WebFixture, _ task: String) throws -> [(id: Int64, text: String)] {
        try fixture.store.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, outcome, undoneAt FROM outcomes WHERE taskId = ? ORDER BY id", arguments: [task]
            ).map {
                ($0["id"], ($0["outcome"] as String) + (($0["undoneAt"] as Date?) == nil ? "" : " (undone)"))
            }
        }
    }

    @Test(
        "logged: the notice offers Undo; Undo puts the call back and says what it undid; sent again it changes nothing")
    func undoOwnTask() async throws {
        let fixture = try makeFixture()
        let task = CallsFixture.taskID("1")
        let path = TaskPathID.make(task)
        try await fixture.test { client in
            let browser = Browser()
            try await browser.signIn("rosa", client)
            let token = try csrf(fixture, browser)
            _ = try await browser.post(
                "/calls/\(path)/outcome", form: [("_csrf", token), ("date", "2014-06-05"), ("outcome", "voicemail")],
                client)
            let logged = try await browser.get("/calls?logged=\(path)&date=2014-06-05", client).text
            #expect(
                logged.contains(
                    "<strong>Saved:</strong> Logged Voicemail for Ada (follow-up call). Next step: next try Fri 6 Jun, 10:00 EDT."
                ))
            let voicemail = try #require(try outcomes(fixture, task).first).id
            #expect(logged.contains("<form method=\"post\" action=\"/calls/\(path)/undo\" class=\"undo\">"))
            #expect(logged.contains("name=\"outcome\" value=\"\(voicemail)\""))
            #expect(logged.contains("<button type=\"submit\">Undo</button>"))
            #expect(!logged.contains("Call <bdi>Ada</bdi>"))
            // A second outcome (reached), then Undo of it: the call waits for its retry again.
            _ = try await browser.post(
                "/calls/\(path)/outcome", form: [("_csrf", token), ("date", "2014-06-05"), ("outcome", "reached")],
                client)
            let reached = try #require(try outcomes(fixture, task).last).id
            let form = [("_csrf", token), ("date", "2014-06-05"), ("outcome", String(reached))]
            let undo = try await browser.post("/calls/\(path)/undo", form: form, client)
            #expect(undo.status == .seeOther)
            #expect(undo.headers[.location] == "/calls?undone=\(reached)&date=2014-06-05")
            let notice =
                "<strong>Saved:</strong> Undid Reached for Ada (follow-up call). The task is pending again (attempt 1)."
            #expect(try await browser.get("/calls?undone=\(reached)&date=2014-06-05", client).text.contains(notice))
            #expect(try outcomes(fixture, task).map(\.text) == ["voicemail", "reached (undone)"])
            // The same form sent again (a refresh of the POST) undoes nothing more.
            let again = try await browser.post("/calls/\(path)/undo", form: form, client)
            #expect(again.status == .seeOther && again.headers[.location] == undo.headers[.location])
            #expect(try outcomes(fixture, task).map(\.text) == ["voicemail", "reached (undone)"])
            // Friday's list offers Undo on the card, for the latest outcome only (the voicemail).
            let friday = try await browser.get("/calls?date=2014-06-06", client).text
            #expect(
                friday.contains("Call <bdi>Ada</bdi>")
                    && friday.contains("<button type=\"submit\">Undo Voicemail</button>"))
            #expect(friday.contains("name=\"outcome\" value=\"\(voicemail)\"") && !friday.contains("Undo Reached"))
            let back = try await browser.post(
                "/calls/\(path)/undo",
                form: [("_csrf", token), ("date", "2014-06-06"), ("outcome", String(voicemail))],
                client)
            #expect(back.headers[.location] == "/calls?undone=\(voicemail)&date=2014-06-06")
            #expect(try outcomes(fixture, task).map(\.text) == ["voicemail (undone)", "reached (undone)"])
            let thursday = try await browser.get("/calls?undone=\(voicemail)&date=2014-06-05", client).text
            #expect(
                thursday.contains(
                    "Undid Voicemail for Ada (follow-up call). The task is pending again (attempt 0). "
                        + "The retry it had scheduled is removed."))
            #expect(thursday.contains("Call <bdi>Ada</bdi>") && !thursday.contains("Undo Voicemail"))
            #expect(try fixture.store.task(id: task)?.windowStart == CallsFixture.windowStart)
        }
    }

    @Test("another volunteer's task is 404 (POST and notice); an organizer may undo it; no CSRF 403; no outcome 422")
    func access() async throws {
        let fixture = try makeFixture()
        let sams = CallsFixture.taskID("4")
        let path = TaskPathID.make(sams)
        try await fixture.test { client in
            let ada = Browser()
            try await ada.signIn("ada", client)
            _ = try await ada.post(
                "/calls/\(path)/outcome", form: [("_csrf", try csrf(fixture, ada)), ("outcome", "rsvp-no")], client)
            let id = try #require(try outcomes(fixture, sams).first).id
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let refused = try await rosa.post(
                "/calls/\(path)/undo", form: [("_csrf", try csrf(fixture, rosa)), ("outcome", String(id))], client)
            #expect(refused.status == .notFound)
            #expect(try outcomes(fixture, sams).map(\.text) == ["rsvp-no"])
            let noToken = try await ada.post("/calls/\(path)/undo", form: [("outcome", String(id))], client)
            #expect(noToken.status == .forbidden)
            let noOutcome = try await ada.post("/calls/\(path)/undo", form: [("_csrf", try csrf(fixture, ada))], client)
            #expect(noOutcome.status == .unprocessableContent)
            #expect(try outcomes(fixture, sams).map(\.text) == ["rsvp-no"])
            let undone = try await ada.post(
                "/calls/\(path)/undo", form: [("_csrf", try csrf(fixture, ada)), ("outcome", String(id))], client)
            #expect(undone.headers[.location] == "/calls?undone=\(id)&volunteer=Sam%20Other")
            #expect(try outcomes(fixture, sams).map(\.text) == ["rsvp-no (undone)"])
            #expect(try await rosa.get("/calls?undone=\(id)", client).status == .notFound)
            #expect(
                try await ada.get("/calls?undone=\(id)&volunteer=Sam%20Other", client).text.contains(
                    "Undid RSVP no for Dee (follow-up call)."))
        }
    }
}
