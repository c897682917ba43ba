import Foundation
import GRDB
import Testing
import TourPlanner

@Suite("Accounts in the store")
struct AccountStoreTests {
    let now = Date(timeIntervalSince1970: 1_402_000_000)

    func makeStore() throws -> TourDatabase {
        let store = try TourDatabase.makeInMemory()
        try store.saveVolunteers([Volunteer(name: "Rosa Demo", timeZone: "America/New_York")])
        return store
    }

    @Test("names are unique regardless of case")
    func uniqueNames() throws {
        let store = try makeStore()
        _ = try store.addAccount(name: "Ada", role: .organizer, volunteer: nil, passwordHash: nil, now: now)
        #expect(
            throws: PlannerError(
                "user \"ada\" already exists", hint: "pick another name, or `tourplan users reset ada`")
        ) {
            try store.addAccount(name: "ada", role: .treasurer, volunteer: nil, passwordHash: nil, now: now)
        }
        #expect(try store.account(named: "ADA").name == "Ada")
    }

    @Test("a volunteer account must name a volunteer of the schedule; others must not")
    func volunteerLink() throws {
        let store = try makeStore()
        #expect(throws: PlannerError.self) {
            try store.addAccount(name: "r", role: .volunteer, volunteer: nil, passwordHash: nil, now: now)
        }
        #expect(
            throws: PlannerError(
                "--volunteer \"Rosa\" is not a volunteer of the schedule", hint: "use one of: Rosa Demo")
        ) {
            try store.addAccount(name: "r", role: .volunteer, volunteer: "Rosa", passwordHash: nil, now: now)
        }
        #expect(throws: PlannerError.self) {
            try store.addAccount(name: "t", role: .treasurer, volunteer: "Rosa Demo", passwordHash: nil, now: now)
        }
        let rosa = try store.addAccount(
            name: "r", role: .volunteer, volunteer: "Rosa Demo", passwordHash: nil, now: now)
        #expect(rosa.volunteer == "Rosa Demo" && rosa.hasPassword == false)
    }

    @Test("a role the store does not know is an error naming the user, not a guess")
    func unknownRole() throws {
        let store = try makeStore()
        _ = try store.addAccount(name: "ada", role: .organizer, volunteer: nil, passwordHash: nil, now: now)
        try store.writer.write { db in try db.execute(sql: "UPDATE users SET role = 'admin'") }
        #expect(
            throws: StoreError(
                path: "users", problem: "user \"ada\" has role \"admin\"",
                hint: "set a known role with `tourplan users add` (organizer, treasurer or volunteer)")
        ) { try store.accounts() }
    }

    @Test("welcome tokens are stored hashed and work once")
    func welcomeToken() throws {
        let store = try makeStore()
        let ada = try store.addAccount(name: "ada", role: .organizer, volunteer: nil, passwordHash: nil, now: now)
        try store.issueWelcomeToken("secret-token", accountID: ada.id, clearingPassword: false, now: now)
        let stored = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT tokenHash FROM welcomeTokens") }
        #expect(stored == [SecretDigest.hex("secret-token")] && !stored.contains("secret-token"))
        #expect(try store.redeemWelcomeToken("secret-token", passwordHash: "$2b$04$x", now: now)?.hasPassword == true)
        #expect(try store.redeemWelcomeToken("secret-token", passwordHash: "$2b$04$y", now: now) == nil)
    }

    @Test("SecretDigest is SHA-256 (FIPS 180-2 test vector \"abc\")")
    func digest() {
        #expect(SecretDigest.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("sign-in failures count within the window and restart after it")
    func failures() throws {
        let store = try makeStore()
        try store.recordSignInFailure(keys: ["account:ada"], now: now, window: 900)
        try store.recordSignInFailure(keys: ["account:ada", "address:1"], now: now.addingTimeInterval(10), window: 900)
        #expect(
            try store.signInFailures(keys: ["account:ada", "address:1"], now: now, window: 900) == [
                "account:ada": 2, "address:1": 1,
            ])
        #expect(try store.signInFailures(keys: ["account:ada"], now: now.addingTimeInterval(901), window: 900).isEmpty)
        try store.recordSignInFailure(keys: ["account:ada"], now: now.addingTimeInterval(901), window: 900)
        #expect(
            try store.signInFailures(keys: ["account:ada"], now: now.addingTimeInterval(901), window: 900) == [
                "account:ada": 1
            ])
    }
}
