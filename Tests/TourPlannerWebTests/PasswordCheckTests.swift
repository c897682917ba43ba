import Foundation
import HummingbirdBcrypt
import Testing
import TourPlanner

@testable import TourPlannerWeb

/// Signing in as a name that does not exist must cost the same bcrypt work as a wrong password,
/// or the answer's time tells an attacker which usernames exist.
@Suite("Password check without a timing oracle")
struct PasswordCheckTests {
    static func account(disabled: Bool = false) -> WebAccount {
        WebAccount(
            id: 1, name: "rosa", role: .volunteer, volunteer: "Rosa Demo", isDisabled: disabled, hasPassword: true,
            createdAt: Date(timeIntervalSince1970: 0))
    }

    @Test("an unknown, disabled or password-less account is checked against a decoy hash of the same cost")
    func decoy() throws {
        let cost: UInt8 = 4
        let real = Bcrypt.hash("correct horse 1", cost: cost)
        let known = PasswordCheck.target(for: (Self.account(), real), cost: cost)
        #expect(known.hash == real && known.account?.name == "rosa")
        for found in [nil, (Self.account(disabled: true), real), (Self.account(), nil)] as [(WebAccount, String?)?] {
            let target = PasswordCheck.target(for: found, cost: cost)
            #expect(target.account == nil)
            #expect(target.hash != real && target.hash.hasPrefix("$2b$04$"), "\(target.hash)")
        }
        // One decoy per cost, made once.
        #expect(PasswordCheck.decoyHash(cost: cost) == PasswordCheck.decoyHash(cost: cost))
        #expect(PasswordCheck.decoyHash(cost: 5).hasPrefix("$2b$05$"))
    }

    @Test("only the account's own password signs it in; a disabled account never signs in")
    func verify() {
        let real = Bcrypt.hash("correct horse 1", cost: 4)
        #expect(PasswordCheck.verify("correct horse 1", against: (Self.account(), real), cost: 4)?.name == "rosa")
        #expect(PasswordCheck.verify("wrong", against: (Self.account(), real), cost: 4) == nil)
        #expect(PasswordCheck.verify("correct horse 1", against: (Self.account(disabled: true), real), cost: 4) == nil)
        #expect(PasswordCheck.verify("correct horse 1", against: nil, cost: 4) == nil)
    }
}
