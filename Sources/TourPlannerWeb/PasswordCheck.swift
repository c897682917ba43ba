import HummingbirdBcrypt
import Synchronization
import TourPlanner

/// The password check of a sign-in, which takes as long whether or not the account exists: an
/// unknown, disabled or password-less account is checked against a decoy bcrypt hash of the same
/// cost, so the answer's time cannot be used to find out which usernames exist.
enum PasswordCheck {
    /// One decoy hash per bcrypt cost, made on first use (a random password nobody knows).
    private static let decoys = Mutex<[UInt8: String]>([:])

    /// The hash to check the typed password against, and the account it signs in when it matches
    /// (nil: the decoy, which signs in no one).
    static func target(for found: (account: WebAccount, passwordHash: String?)?, cost: UInt8)
        -> (hash: String, account: WebAccount?)
    {
        if let found, !found.account.isDisabled, let hash = found.passwordHash { return (hash, found.account) }
        return (decoyHash(cost: cost), nil)
    }

    /// The decoy hash for `cost`.
    static func decoyHash(cost: UInt8) -> String {
        if let hash = decoys.withLock({ $0[cost] }) { return hash }
        let hash = Bcrypt.hash(SecretToken.make(), cost: cost)
        decoys.withLock { $0[cost] = $0[cost] ?? hash }
        return decoys.withLock { $0[cost] ?? hash }
    }

    /// The account when `password` is its password and it may sign in; nil otherwise, after the
    /// same bcrypt work either way.
    static func verify(_ password: String, against found: (account: WebAccount, passwordHash: String?)?, cost: UInt8)
        -> WebAccount?
    {
        let target = target(for: found, cost: cost)
        let matches = Bcrypt.verify(password, hash: target.hash)
        return matches ? target.account : nil
    }
}
