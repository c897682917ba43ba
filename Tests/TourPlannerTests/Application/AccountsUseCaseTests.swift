import Foundation
import GRDB
import Testing

@testable import TourPlanner

@Suite("Planner: changing roles, disabling and enabling accounts")
struct AccountsUseCaseTests {
    static let now = Date(timeIntervalSince1970: 1_402_000_000)

    /// A store with volunteer "Rosa Demo" and organizer "olga", signed in (session "s-olga").
    static func store() throws -> (TourDatabase, Planner, WebAccount) {
        let store = try TourDatabase(try DatabaseQueue())
        try store.saveVolunteers([Volunteer(name: "Rosa Demo", timeZone: "America/New_York")])
        let olga = try store.addAccount(name: "olga", role: .organizer, volunteer: nil, passwordHash: "x", now: now)
        try store.createSession(id: "s-olga", accountID: olga.id, csrfToken: "t", now: now, idleTimeout: 3600)
        return (store, Planner(store: store, resources: try PlannerResources()), olga)
    }

    static func isLastOrganizer(_ error: any Error, _ change: String) -> Bool {
        guard let error = error as? PlannerError else { return false }
        return error.message
            == "user \"olga\" is the last enabled organizer and cannot be \(change): no one could manage accounts any more"
            && error.hint == "add or enable another organizer first; `tourplan users add NAME --role organizer`"
    }

    @Test("the last enabled organizer is neither demoted nor disabled; with a second one both work")
    func lastOrganizer() throws {
        let (store, planner, olga) = try Self.store()
        #expect { try planner.changeRole(name: "olga", to: .treasurer, volunteer: nil) } throws: {
            Self.isLastOrganizer($0, "made treasurer")
        }
        #expect { try planner.disableAccount(name: "olga") } throws: { Self.isLastOrganizer($0, "disabled") }
        #expect(try store.account(named: "olga").role == .organizer)
        #expect(try store.session(id: "s-olga", now: Self.now) != nil)
        // A disabled second organizer does not count.
        _ = try store.addAccount(name: "bea", role: .organizer, volunteer: nil, passwordHash: "x", now: Self.now)
        _ = try planner.disableAccount(name: "bea")
        #expect { try planner.disableAccount(name: "olga") } throws: { Self.isLastOrganizer($0, "disabled") }
        let enabled = try planner.enableAccount(name: "bea")
        #expect(try enabled.render(.table) == "Enabled bea; it can sign in again.")
        let changed = try planner.changeRole(name: "olga", to: .treasurer, volunteer: nil)
        #expect(try changed.render(.table) == "olga is now treasurer; its sessions have ended.")
        #expect(try store.session(id: "s-olga", now: Self.now) == nil)
        #expect { try planner.disableAccount(name: "bea") } throws: { error in
            (error as? PlannerError)?.message.hasPrefix("user \"bea\" is the last enabled organizer") == true
        }
        #expect(try store.account(named: olga.name).role == .treasurer)
    }

    @Test("a volunteer account needs its volunteer; other roles drop it; an unknown name is refused")
    func volunteers() throws {
        let (store, planner, _) = try Self.store()
        _ = try store.addAccount(name: "tess", role: .treasurer, volunteer: nil, passwordHash: nil, now: Self.now)
        #expect { try planner.changeRole(name: "tess", to: .volunteer, volunteer: nil) } throws: { error in
            (error as? PlannerError)?.message == "a volunteer account needs --volunteer NAME"
        }
        #expect { try planner.changeRole(name: "tess", to: .volunteer, volunteer: "Nobody") } throws: { error in
            (error as? PlannerError)?.message == "--volunteer \"Nobody\" is not a volunteer of the schedule"
        }
        let rosa = try planner.changeRole(name: "tess", to: .volunteer, volunteer: "Rosa Demo")
        #expect(try rosa.render(.table) == "tess is now volunteer (calls as Rosa Demo); its sessions have ended.")
        #expect { try planner.changeRole(name: "tess", to: .organizer, volunteer: "Rosa Demo") } throws: { error in
            (error as? PlannerError)?.message == "--volunteer is only for volunteer accounts (this one is organizer)"
        }
        let organizer = try planner.changeRole(name: "tess", to: .organizer, volunteer: nil)
        #expect(organizer.account.role == .organizer && organizer.account.volunteer == nil)
        _ = try planner.disableAccount(name: "tess")
        #expect(
            try planner.enableAccount(name: "tess").render(.table)
                == "Enabled tess; it has no password: make it a new link with `tourplan users reset`.")
        #expect { try planner.enableAccount(name: "nobody") } throws: { error in
            (error as? PlannerError)?.message == "no user \"nobody\""
        }
    }
}
