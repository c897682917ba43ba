import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

extension OrganizerPageTests {
    /// Deleting events and tours, changing roles and enabling accounts from the organizer's pages.
    @Suite("Organizer pages: undoing mistakes (delete event or tour, role, enable)")
    struct UndoRoutesTests {
        /// An organizer olga and a treasurer tess, both signed in, with their pages' CSRF tokens.
        static func signedIn(_ fixture: WebFixture, _ client: any TestClientProtocol) async throws -> (
            olga: Browser, olgaToken: String, tess: Browser, tessToken: String
        ) {
            let olga = Browser(), tess = Browser()
            try await olga.signIn("olga", client)
            try await tess.signIn("tess", client)
            return (olga, try await olga.token("/events", client), tess, try await tess.token("/expenses", client))
        }

        static func accounts(_ fixture: WebFixture) throws {
            try fixture.addAccount("olga", role: .organizer)
            try fixture.addAccount("tess", role: .treasurer)
        }

        /// A pending follow-up call for member "m1" of `event`, and, when `outcome`, a no-answer logged for it.
        static func task(for event: OutreachEvent, in store: TourDatabase, outcome: Bool) throws {
            try store.writer.write { db in
                let id = "\(event.id)/m1/followUpCall"
                try db.execute(
                    sql: """
                        INSERT INTO tasks (id, eventId, memberId, kind, eventStart, windowStart, windowEnd, timeZone, volunteer, status, attempt)
                        VALUES (?, ?, 'm1', 'followUpCall', 0, 0, 0, 'America/Denver', 'Rosa Demo', 'pending', 0)
                        """, arguments: [id, event.id])
                if outcome {
                    try db.execute(
                        sql: """
                            INSERT INTO outcomes (taskId, memberId, outcome, volunteer, recordedAt, attempt)
                            VALUES (?, 'm1', 'noAnswer', 'Rosa Demo', 0, 1)
                            """, arguments: [id])
                }
            }
        }

        @Test("an event is deleted with its tasks after the ticked confirmation (303 and a notice); outcomes refuse it")
        func deleteEvent() async throws {
            let fixture = try WebFixture()
            try Self.accounts(fixture)
            try await fixture.test { client in
                let (olga, token, tess, tessToken) = try await Self.signedIn(fixture, client)
                for date in ["2014-06-07", "2014-06-14"] {
                    let added = try await olga.post(
                        "/events",
                        form: [("_csrf", token), ("place", "Denver, CO"), ("date", date), ("start", "10:00")], client)
                    #expect(added.status == .seeOther)
                }
                let events = try fixture.store.events()
                try #require(events.count == 2)
                let (first, second) = (events[0], events[1])
                try Self.task(for: first, in: fixture.store, outcome: false)
                try Self.task(for: second, in: fixture.store, outcome: true)
                let page = try await olga.get("/events", client).text
                #expect(page.contains("Delete event Denver, Sat 7 Jun 2014"), "\(page)")
                let form = [("id", first.id), ("confirm", "yes")]
                // Roles and CSRF: a treasurer, a missing or wrong token: 403, nothing deleted.
                #expect(
                    try await tess.post("/events/delete", form: form + [("_csrf", tessToken)], client).status
                        == .forbidden)
                #expect(try await olga.post("/events/delete", form: form, client).status == .forbidden)
                #expect(
                    try await olga.post("/events/delete", form: form + [("_csrf", "x")], client).status == .forbidden)
                let unticked = try await olga.post(
                    "/events/delete", form: [("_csrf", token), ("id", first.id)], client)
                #expect(unticked.status == .unprocessableContent && unticked.text.contains("Not deleted:"))
                #expect(try fixture.store.events().count == 2)
                let unknown = try await olga.post(
                    "/events/delete", form: [("_csrf", token), ("id", "nope"), ("confirm", "yes")], client)
                #expect(unknown.status == .notFound)

                let deleted = try await olga.post("/events/delete", form: form + [("_csrf", token)], client)
                #expect(deleted.status == .seeOther)
                let location = try #require(deleted.headers[.location])
                #expect(location.hasPrefix("/events?deleted="))
                #expect(try fixture.store.events().map(\.id) == [second.id])
                #expect(try fixture.store.tasks().map(\.eventId) == [second.id])
                let after = try await olga.get(location, client).text
                #expect(after.contains("Deleted event Denver, Sat 7 Jun 2014 and its 1 reminder task."))

                let refused = try await olga.post(
                    "/events/delete", form: [("_csrf", token), ("id", second.id), ("confirm", "yes")], client)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains("Not deleted:"))
                #expect(refused.text.contains("cannot be deleted: 1 call outcome is recorded for its reminder tasks"))
                #expect(refused.text.contains("the same place and date") && !refused.text.contains("tourplan"))
                #expect(try fixture.store.events().map(\.id) == [second.id])
            }
        }

        @Test(
            "roles change and accounts are enabled from /users: sessions end, volunteers are checked, never one's own")
        func roleAndEnable() async throws {
            let fixture = try WebFixture()
            try Self.accounts(fixture)
            let tessID = try fixture.store.account(named: "tess").id
            try await fixture.test { client in
                let (olga, _, tess, tessToken) = try await Self.signedIn(fixture, client)
                let token = try await olga.token("/users", client)
                let page = try await olga.get("/users", client).text
                #expect(page.contains("Change role<span class=\"visually-hidden\"> of tess</span>"))
                #expect(page.contains("<label for=\"role-account-\(tessID)\">New role for tess</label>"))
                // Roles and CSRF.
                let toVolunteer = [("name", "tess"), ("role", "volunteer"), ("volunteer", "Rosa Demo")]
                #expect(
                    try await tess.post("/users/role", form: toVolunteer + [("_csrf", tessToken)], client).status
                        == .forbidden)
                #expect(try await olga.post("/users/role", form: toVolunteer, client).status == .forbidden)
                #expect(try await olga.post("/users/enable", form: [("name", "tess")], client).status == .forbidden)
                #expect(try fixture.store.account(named: "tess").role == .treasurer)
                // A volunteer account needs its volunteer; one's own role is not changed here.
                let noVolunteer = try await olga.post(
                    "/users/role", form: [("_csrf", token), ("name", "tess"), ("role", "volunteer")], client)
                #expect(noVolunteer.status == .unprocessableContent)
                #expect(noVolunteer.text.contains("Not changed:") && noVolunteer.text.contains("“Volunteer”"))
                let own = try await olga.post(
                    "/users/role", form: [("_csrf", token), ("name", "olga"), ("role", "treasurer")], client)
                #expect(own.status == .unprocessableContent)
                #expect(try fixture.store.account(named: "olga").role == .organizer)

                let changed = try await olga.post("/users/role", form: toVolunteer + [("_csrf", token)], client)
                #expect(changed.status == .seeOther)
                let location = try #require(changed.headers[.location])
                #expect(location.hasSuffix("#account-\(tessID)"))
                let account = try fixture.store.account(named: "tess")
                #expect(account.role == .volunteer && account.volunteer == "Rosa Demo")
                #expect(
                    try await olga.get(location, client).text.contains("tess is now volunteer (calls as Rosa Demo)"))
                #expect(
                    try await tess.get("/expenses", client).headers[.location] == "/login?next=%2Fexpenses",
                    "tess's session ended")

                let disabled = try await olga.post(
                    "/users/disable", form: [("_csrf", token), ("name", "tess"), ("confirm", "yes")], client)
                #expect(disabled.status == .seeOther)
                #expect(
                    try await olga.get("/users", client).text.contains("<button type=\"submit\">Enable tess</button>"))
                let enabled = try await olga.post("/users/enable", form: [("_csrf", token), ("name", "tess")], client)
                #expect(enabled.status == .seeOther)
                #expect(!(try fixture.store.account(named: "tess").isDisabled))
                let notice = try await olga.get(try #require(enabled.headers[.location]), client).text
                #expect(notice.contains("Enabled tess; it can sign in again."))
            }
        }

        @Test("the tours form refuses a name with a saved plan (422) unless Replace is ticked")
        func replaceTour() async throws {
            let fixture = try WebFixture()
            try Self.accounts(fixture)
            try await fixture.test { client in
                let (olga, _, _, _) = try await Self.signedIn(fixture, client)
                try await ToursPageTests.imported(client, olga)
                let token = try await olga.token("/tours", client)
                let form = [
                    ("_csrf", token), ("name", "east-2014"), ("base", "New York, NY"), ("from", "2014-06-07"),
                    ("to", "2014-06-29"), ("day-sat", "on"), ("day-sun", "on"), ("stops", "Philadelphia"),
                ]
                #expect(
                    try await olga.post("/tours", form: form, client).headers[.location] == "/tours/east-2014?saved=new"
                )
                let first = try #require(try fixture.store.savedTour(named: "east-2014")?.plan)
                let again = try await olga.post(
                    "/tours", form: form.map { $0.0 == "stops" ? ("stops", "Hartford") : $0 }, client)
                #expect(again.status == .unprocessableContent)
                #expect(again.text.contains("tour &quot;east-2014&quot; already has a saved plan"))
                // The saved plan's days as the pages write them, not ISO dates.
                #expect(
                    again.text.contains(" trip from Sat 7 Jun 2014 to ")
                        || again.text.contains(" trips from Sat 7 Jun 2014 to "), "\(again.text)")
                #expect(!again.text.contains("from 2014-06-"))
                #expect(again.text.contains("choose “Replace the saved tour” to replace that plan"))
                #expect(!again.text.contains("--replace"))
                #expect(again.text.contains("value=\"Hartford\"") || again.text.contains(">Hartford</textarea>"))
                #expect(try fixture.store.savedTour(named: "east-2014")?.plan == first)
                let replaced = try await olga.post(
                    "/tours", form: form.map { $0.0 == "stops" ? ("stops", "Hartford") : $0 } + [("replace", "yes")],
                    client)
                #expect(replaced.headers[.location] == "/tours/east-2014?saved=replaced")
                let plan = try #require(try fixture.store.savedTour(named: "east-2014")?.plan)
                #expect(plan.trips.flatMap { $0.stops.map(\.metro) } == ["Hartford"])
            }
        }

        @Test("a saved tour is deleted with its plan; refused while expenses belong to it; organizers only, CSRF")
        func deleteTour() async throws {
            let fixture = try WebFixture()
            try Self.accounts(fixture)
            let plan = try TourPlan.decode(
                Data(
                    try JSONOutput.encode(
                        TourPlan(
                            teams: [], trips: [], totals: PlanTotals(km: 0, driveHours: 0, nightsAway: 0, trainings: 0),
                            naive: NaivePlanTotals(km: 0, driveHours: 0, nightsAway: 0), unvisited: [])
                    ).utf8),
                fileName: "plan.json")
            try fixture.store.saveTourPlan(plan, name: "east", replacing: false)
            let usd = CurrencyCode("USD")
            let expense = ActualExpense(
                tour: "east", date: CalendarDate(year: 2014, month: 6, day: 7), category: "fuel", trip: "",
                amount: Money(minorUnits: 4250, currency: usd), budgetCurrency: usd, rate: nil, note: "",
                receipt: "", sourceFile: "web", line: 0)
            _ = try fixture.store.recordActuals([expense])
            try await fixture.test { client in
                let (olga, _, tess, tessToken) = try await Self.signedIn(fixture, client)
                let token = try await olga.token("/tours", client)
                let page = try await olga.get("/tours", client).text
                #expect(page.contains("<button type=\"submit\">Delete tour east</button>"))
                #expect(page.contains("Yes, delete tour east with its plan (0 trips)"))
                let form = [("name", "east"), ("confirm", "yes")]
                #expect(
                    try await tess.post("/tours/delete", form: form + [("_csrf", tessToken)], client).status
                        == .forbidden)
                #expect(try await olga.post("/tours/delete", form: form, client).status == .forbidden)
                let unknown = try await olga.post(
                    "/tours/delete", form: [("_csrf", token), ("name", "nope"), ("confirm", "yes")], client)
                #expect(unknown.status == .notFound)
                let refused = try await olga.post("/tours/delete", form: form + [("_csrf", token)], client)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.text.contains("Not deleted:"))
                #expect(refused.text.contains("1 recorded expense belongs to it"))
                #expect(refused.text.contains("the treasurer must first move them to another tour or delete them"))
                #expect(try fixture.store.savedTour(named: "east") != nil)

                _ = try fixture.store.deleteActuals(try fixture.store.actuals(tour: "east").compactMap(\.id))
                let deleted = try await olga.post("/tours/delete", form: form + [("_csrf", token)], client)
                #expect(deleted.status == .seeOther)
                let location = try #require(deleted.headers[.location])
                #expect(try fixture.store.savedTours().isEmpty)
                #expect(try await olga.get(location, client).text.contains("Deleted tour east: its plan (0 trips)."))
            }
        }
    }
}
