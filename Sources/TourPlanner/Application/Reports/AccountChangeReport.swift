/// What `tourplan users add|disable|enable|role|reset` did to a web account, with the one-time sign-in link
/// when one was issued.
public struct AccountChangeReport: RenderableReport, Hashable {
    /// What was done.
    public enum Action: String, Codable, Sendable, Hashable {
        /// The account was created.
        case added
        /// The account was disabled and its sessions ended.
        case disabled
        /// The account's password was cleared and its sessions ended.
        case reset
        /// The account was enabled again.
        case enabled
        /// The account's role (and volunteer) changed and its sessions ended.
        case roleChanged
    }

    /// What was done.
    package var action: Action
    /// The account, as it is now.
    package var account: WebAccount
    /// `BASE-URL/welcome/TOKEN`, valid for 7 days and once (nil when none was issued).
    package var welcomeLink: String?

    /// A report of `action` on `account`.
    public init(_ action: Action, _ account: WebAccount, welcomeLink: String? = nil) {
        self.action = action
        self.account = account
        self.welcomeLink = welcomeLink
    }

    /// Plain text.
    public static let formats: [OutputFormat] = [.table]

    /// One line saying what was done, then the sign-in link's line when there is one.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`.
    public func render(_ format: OutputFormat) throws -> String {
        guard format == .table else { throw unsupported(format) }
        let done =
            switch action {
            case .added: "Added \(account.role.rawValue) \(account.name)"
            case .disabled: "Disabled \(account.name); its sessions have ended."
            case .reset: "Reset \(account.name)"
            case .enabled:
                "Enabled \(account.name); "
                    + (account.hasPassword
                        ? "it can sign in again."
                        : "it has no password: make it a new link with `tourplan users reset`.")
            case .roleChanged:
                "\(account.name) is now \(account.role.rawValue)"
                    + (account.volunteer.map { " (calls as \($0))" } ?? "") + "; its sessions have ended."
            }
        return done + (welcomeLink.map { "\nOne-time sign-in link (valid 7 days): \($0)" } ?? "")
    }
}
