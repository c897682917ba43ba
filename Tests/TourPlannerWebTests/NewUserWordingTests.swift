import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

/// What a new user reads: pages point to the web's own pages and buttons; a command is named
/// only as what an organizer does at the command line, never as the reader's next step.
@Suite("Pages as a new user reads them: no bare commands or flags")
struct NewUserWordingTests {
    @Test(
        "/budget and /expenses without tours: an organizer plans tours on the Tours page, templates at the command line"
    )
    func noToursSaidToTreasurer() async throws {
        let empty = try TreasurerFixture(tours: [])
        try await empty.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            for path in ["/budget", "/expenses"] {
                let page = try await tess.get(path, client).text
                #expect(page.contains("Ask an organizer: they plan tours on the"), "\(path)")
                #expect(page.contains("save budget templates at the command line"), "\(path)")
                #expect(!page.contains("from a\nterminal") && !page.contains("from a terminal"), "\(path)")
            }
        }
    }

    @Test("/budget: expenses without a tour say the web cannot move them and who can, at the command line")
    func unassignedExpenses() async throws {
        let fixture = try TreasurerFixture()
        try await fixture.addExpense(ActualExpenseChange(date: "2014-06-07", category: "fuel", amount: "10"))
        try await fixture.store.writer.write { db in try db.execute(sql: "UPDATE actuals SET tour = ''") }
        try await fixture.test { client in
            let tess = Browser()
            try await tess.signIn("tess", client)
            let page = try await tess.get("/budget", client).text
            #expect(
                page.contains(
                    "1 expense recorded before expenses had tours counts for no tour. The web cannot move it to "
                        + "a tour; an organizer does it at the command line: tourplan budget actuals edit ID --tour east."
                ))
            let expenses = try await tess.get("/expenses?tour=east", client).text
            #expect(expenses.contains("The day it was paid (a plain text box takes it as YYYY-MM-DD"))
        }
    }

    @Test("disabling one's own account, an unknown sign-in link: the web's way, no `tourplan users` command")
    func accountMessages() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("olga", role: .organizer)
        try await fixture.test { client in
            let olga = Browser()
            try await olga.signIn("olga", client)
            let token = try await olga.token("/users", client)
            let own = try await olga.post(
                "/users/disable", form: [("_csrf", token), ("name", "olga"), ("confirm", "yes")], client)
            #expect(own.status == .unprocessableContent)
            #expect(own.text.contains("Ask another organizer to disable it on their Users page."))
            #expect(!own.text.contains("tourplan"))
            #expect(try await olga.get("/users", client).text.contains("Role: organizer · Volunteer: none"))
            let link = try await Browser().get("/welcome/not-a-real-token", client)
            #expect(link.status == .notFound)
            #expect(link.text.contains("they press “New link” next to your name on their Users page."))
            #expect(!link.text.contains("tourplan") && link.text.contains("href=\"/"))
        }
    }

    @Test("a volunteer whose time zone is not a zone: what an organizer does, not a command for the volunteer")
    func badVolunteerZone() async throws {
        let store = try TourDatabase.makeInMemory()
        try store.saveVolunteers([Volunteer(name: "Rosa Demo", timeZone: "Mars/Olympus")])
        let fixture = try WebFixture(store: store)
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let page = try await rosa.get("/calls", client)
            #expect(page.status == .unprocessableContent)
            #expect(page.text.contains("an organizer corrects it in the volunteers file and loads that file again"))
            #expect(!page.text.contains("--volunteers") && !page.text.contains("tourplan"))
        }
    }

    @Test(
        "a call script's venue warning names no command a volunteer cannot run; the event's day reads Sat 14 Jun 2014")
    func callScriptWarning() async throws {
        let fixture = try WebFixture()
        try CallsFixture.seed(fixture.store)
        try await fixture.store.writer.write { db in try db.execute(sql: "UPDATE events SET venue = ''") }
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let page = try await rosa.get("/calls?date=2014-06-05", client).text
            #expect(page.contains("<h1>Calls for Thu 5 Jun 2014</h1>"))
            #expect(page.contains("Warning: venue not set yet: do not name one"))
            #expect(!page.contains("tourplan events add") && !page.contains("--venue"))
            #expect(page.contains("Boston, Sat 14 Jun 2014 10:00"))
            // The JSON answer is the library's report, unchanged.
            let json = try await rosa.get("/calls?date=2014-06-05", client, headers: [.accept: "application/json"])
            #expect(json.text.contains("tourplan events add"))
        }
    }

    @Test("a budget note's advice to run `tourplan tour plan` is what an organizer does, on the Tours page")
    func budgetNote() {
        let note =
            "Note: the plan sets counts.trips, so scenario fewer-cities's values for them are replaced by the "
            + "plan's; to cost fewer stops, plan them: `tourplan tour plan --stops …` and budget that plan."
        #expect(
            BudgetPage.webNote(note)
                == "Note: the tour's plan sets the trips, so scenario fewer-cities's values for them are replaced by "
                + "the plan's; to cost fewer stops, an organizer plans a tour with fewer stops on the Tours page and "
                + "saves its budget at the command line.")
        // The template keys in words, as a treasurer reads them (a key the page does not know stays).
        #expect(
            BudgetPage.webNote(
                "Note: the plan sets counts.distance_miles, counts.nights, counts.unaffiliated_reached, so scenario x")
                == "Note: the tour's plan sets the distance, nights and members reached, so scenario x")
        #expect(
            BudgetPage.webNote("the plan sets lodging.hosted_nights, counts.new_key, so")
                == "the tour's plan sets the hosted nights and counts.new_key, so")
        #expect(
            BudgetPage.webNote("see `tourplan budget init --out FILE.toml`")
                == "see the organizer's command “tourplan budget init --out FILE.toml”")
    }

    @Test("a refused page parameter's error page links back to the page itself, not only to the first page")
    func errorPageWayBack() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
        try await fixture.test { client in
            let rosa = Browser()
            try await rosa.signIn("rosa", client)
            let bad = try await rosa.get("/calls?date=nope", client)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("<p><a href=\"/calls\">Back to the page</a></p>"))
            #expect(bad.text.contains("<a href=\"/\">Back to your first page</a>"))
            let missing = try await rosa.get("/no-such-page", client)
            #expect(missing.status == .notFound && !missing.text.contains("Back to the page"))
        }
    }

    @Test("organizer pages' help names no `tourplan` command: /events, /tours")
    func organizerHelp() async throws {
        let fixture = try WebFixture()
        try fixture.addAccount("olga", role: .organizer)
        try await fixture.test { client in
            let olga = Browser()
            try await olga.signIn("olga", client)
            for path in ["/events", "/tours"] {
                let page = try await olga.get(path, client)
                #expect(page.status == .ok && !page.text.contains("tourplan "), "\(path)")
            }
        }
    }
}
