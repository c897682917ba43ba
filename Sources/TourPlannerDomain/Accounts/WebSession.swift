public import Foundation

/// A signed-in browser: the account, the CSRF token of its forms and its idle expiry.
///
/// The session id itself is only in the browser's cookie; the store keeps its SHA-256.
public struct WebSession: Sendable, Hashable {
    /// Who is signed in.
    public var account: WebAccount
    /// The synchronizer token every form of this session carries (`_csrf`).
    public var csrfToken: String
    /// When the person signed in.
    package var createdAt: Date
    /// The last request the store recorded (touched at most every few minutes).
    public var lastSeenAt: Date
    /// The session ends when no request comes before this time.
    package var expiresAt: Date

    /// A session value (the store makes them).
    package init(account: WebAccount, csrfToken: String, createdAt: Date, lastSeenAt: Date, expiresAt: Date) {
        self.account = account
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}
