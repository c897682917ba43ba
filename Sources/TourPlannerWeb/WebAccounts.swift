public import Foundation
import HummingbirdBcrypt
public import TourPlanner

/// Account management for `tourplan users` (and the organizer's `/users` page): bcrypt hashing
/// and one-time welcome links over the store.
public struct WebAccounts: Sendable {
    /// The store the accounts are in.
    public let store: TourDatabase
    /// The start of welcome links (`--base-url`).
    public let baseURL: String
    /// bcrypt cost of new hashes.
    public let bcryptCost: UInt8

    /// Accounts of `store`, with links starting at `baseURL`.
    public init(store: TourDatabase, baseURL: String, bcryptCost: UInt8 = 12) {
        self.store = store
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.bcryptCost = bcryptCost
    }

    /// What `add` and `reset` made: the account and, when no password was given, its link.
    public struct Issued: Sendable {
        /// The account.
        public var account: WebAccount
        /// `BASE-URL/welcome/TOKEN`, valid for 7 days and once (nil when a password was set).
        public var welcomeLink: String?
    }

    /// Creates an account with `password`, or with a welcome link when `password` is nil.
    ///
    /// - Throws: `PlannerError` for a taken name, an unknown volunteer or a too short password.
    public func add(
        name: String, role: WebAccount.Role, volunteer: String?, password: String?, now: Date
    ) throws -> Issued {
        guard let password else {
            let added = try links.addAccount(name: name, role: role, volunteer: volunteer, now: now)
            return Issued(account: added.account, welcomeLink: added.link)
        }
        let account = try store.addAccount(
            name: name, role: role, volunteer: volunteer, passwordHash: try hashed(password), now: now)
        return Issued(account: account, welcomeLink: nil)
    }

    /// Clears the account's password, ends its sessions and makes a new welcome link.
    ///
    /// - Throws: `PlannerError` when there is no such account.
    public func reset(name: String, now: Date) throws -> Issued {
        let account = try store.account(named: name)
        let link = try links.issue(for: account, clearingPassword: true, now: now)
        return Issued(account: try store.account(named: name), welcomeLink: link)
    }

    /// The password piped to `tourplan users add --password-stdin`: the first line of `input`
    /// (standard input), without its line end.
    ///
    /// - Throws: `PlannerError` when there is no line to read.
    public static func passwordFromStandardInput(
        _ input: () -> String? = { readLine(strippingNewline: true) }
    ) throws -> String {
        guard let line = input() else {
            throw PlannerError("no password on standard input", hint: "echo 'long password' | tourplan users add …")
        }
        return line
    }

    /// The bcrypt hash of an acceptable password.
    ///
    /// - Throws: `PlannerError` when the password is too short.
    public func hashed(_ password: String) throws -> String {
        if let problem = PasswordRule.problem(password, confirmation: nil) {
            throw PlannerError(problem, hint: "pipe a longer password to --password-stdin")
        }
        return Bcrypt.hash(password, cost: bcryptCost)
    }

    private var links: WelcomeLinks { WelcomeLinks(store: store, baseURL: baseURL) }
}
