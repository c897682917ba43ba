import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TourPlanner

@testable import TourPlannerWeb

extension OrganizerPageTests {
    @Suite("Organizer pages: /users and /volunteers")
    struct UsersPageTests {
        @Test("add an account: the one-time link is shown once, after a 303; the new account can use it")
        func add() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/users", client)
                let added = try await olga.post(
                    "/users",
                    form: [("_csrf", token), ("name", "vera"), ("role", "volunteer"), ("volunteer", "Rosa Demo")],
                    client)
                #expect(added.status == .seeOther)
                let location = try #require(added.headers[.location])
                let first = try await olga.get(location, client).text
                #expect(first.contains("Added volunteer vera"))
                #expect(first.contains("/welcome/"))
                #expect(!(try await olga.get(location, client).text.contains("/welcome/")))
                let vera = try fixture.store.account(named: "vera")
                #expect(vera.role == .volunteer && vera.volunteer == "Rosa Demo" && !vera.hasPassword)
                let json = try await olga.get("/users", client, headers: [.accept: "application/json"])
                #expect(json.text.contains("\"link pending\"") && !json.text.contains("welcome"))
            }
        }

        @Test("a refused account keeps the form: taken name, volunteer without a volunteer")
        func refusedAdd() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/users", client)
                let noVolunteer = try await olga.post(
                    "/users", form: [("_csrf", token), ("name", "vera"), ("role", "volunteer"), ("volunteer", "")],
                    client)
                #expect(noVolunteer.status == .unprocessableContent)
                #expect(noVolunteer.text.contains("value=\"vera\""))
                let taken = try await olga.post(
                    "/users", form: [("_csrf", token), ("name", "olga"), ("role", "treasurer")], client)
                #expect(taken.status == .unprocessableContent)
                #expect(taken.text.contains("<option value=\"treasurer\" selected>"))
                #expect(try fixture.store.accounts().count == 1)
            }
        }

        @Test("disable needs the ticked confirmation and never disables one's own account; reset makes a new link")
        func disableAndReset() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try fixture.addAccount("tess", role: .treasurer)
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let token = try await olga.token("/users", client)
                let own = try await olga.post(
                    "/users/disable", form: [("_csrf", token), ("name", "olga"), ("confirm", "yes")], client)
                #expect(own.status == .unprocessableContent && own.text.contains("your own account"))
                let unconfirmed = try await olga.post(
                    "/users/disable", form: [("_csrf", token), ("name", "tess")], client)
                #expect(unconfirmed.status == .unprocessableContent)
                #expect(!(try fixture.store.account(named: "tess").isDisabled))
                let reset = try await olga.post("/users/reset", form: [("_csrf", token), ("name", "tess")], client)
                #expect(reset.status == .seeOther)
                #expect(try await olga.get(try #require(reset.headers[.location]), client).text.contains("Reset tess"))
                #expect(!(try fixture.store.account(named: "tess").hasPassword))
                let disabled = try await olga.post(
                    "/users/disable", form: [("_csrf", token), ("name", "tess"), ("confirm", "yes")], client)
                #expect(disabled.status == .seeOther)
                let notice = try await olga.get(try #require(disabled.headers[.location]), client)
                #expect(notice.text.contains("Disabled tess; its sessions have ended."))
                #expect(try fixture.store.account(named: "tess").isDisabled)
                let missing = try await olga.post(
                    "/users/disable", form: [("_csrf", token), ("name", "nobody"), ("confirm", "yes")], client)
                #expect(missing.status == .unprocessableContent)
            }
        }

        @Test("volunteers: time zones, task counts and links to each one's calls")
        func volunteers() async throws {
            let fixture = try WebFixture()
            try fixture.addAccount("olga", role: .organizer)
            try fixture.addAccount("rosa", role: .volunteer, volunteer: "Rosa Demo")
            try await fixture.test { client in
                let olga = Browser()
                try await olga.signIn("olga", client)
                let page = try await olga.get("/volunteers", client).text
                #expect(page.contains("Rosa Demo") && page.contains("America/New_York"))
                #expect(page.contains("href=\"/calls?volunteer=Rosa%20Demo\""))
                #expect(page.contains("America/Chicago"))
                let json = try await olga.get("/volunteers", client, headers: [.accept: "application/json"])
                #expect(json.text.contains("\"accounts\""))
                #expect(page.contains("href=\"/volunteers\" aria-current=\"page\""))
            }
        }
    }
}
