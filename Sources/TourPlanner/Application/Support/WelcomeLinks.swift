public import Foundation

/// One-time sign-in links (`BASE-URL/welcome/TOKEN`, valid for 7 days and once) for accounts
/// without a password: what `tourplan users add|reset` and `tourplan demo` print. The store keeps
/// only the token's digest (`SecretDigest`).
public struct WelcomeLinks: Sendable {
    /// The store the accounts are in.
    package let store: TourDatabase
    /// The start of the links (`--base-url`), without a trailing slash.
    package let baseURL: String

    /// Links for accounts of `store`, starting at `baseURL` (a trailing slash is dropped).
    public init(store: TourDatabase, baseURL: String) {
        self.store = store
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// Creates an account without a password and returns it with its welcome link.
    ///
    /// - Throws: `PlannerError` for a taken or empty name, or an unknown or missing volunteer.
    public func addAccount(
        name: String, role: WebAccount.Role, volunteer: String?, now: Date
    ) throws -> (account: WebAccount, link: String) {
        let account = try store.addAccount(name: name, role: role, volunteer: volunteer, passwordHash: nil, now: now)
        return (account, try issue(for: account, clearingPassword: false, now: now))
    }

    /// A new welcome link for `account`, replacing any earlier one; with `clearingPassword` the
    /// account's password is cleared and its sessions end.
    ///
    /// - Throws: the store's errors.
    public func issue(for account: WebAccount, clearingPassword: Bool, now: Date) throws -> String {
        let token = Self.makeToken()
        try store.issueWelcomeToken(token, accountID: account.id, clearingPassword: clearingPassword, now: now)
        return "\(baseURL)/welcome/\(token)"
    }

    /// 32 bytes from the system's generator, base64url without padding (safe in a path).
    package static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
