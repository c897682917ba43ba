package import Foundation

/// A person who signs in to the web app (`tourplan serve`), made by `tourplan users add`.
///
/// The password hash never leaves the store through this type: sign-in reads it with
/// `TourDatabase.credentials(name:)`.
public struct WebAccount: Sendable, Hashable, Codable {
    /// What an account may see and do.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Sees and does everything.
        case organizer
        /// Sees budgets and manages expenses.
        case treasurer
        /// Sees and logs only their own calls and texts.
        case volunteer
    }

    /// The store's row id.
    public var id: Int64
    /// The sign-in name (unique, compared without regard to case).
    public var name: String
    /// What the account may do.
    public var role: Role
    /// The schedule's volunteer this account calls as (volunteer accounts only).
    public var volunteer: String?
    /// A disabled account cannot sign in and has no sessions.
    public var isDisabled: Bool
    /// Whether a password was set (else only a welcome link lets the person in).
    public var hasPassword: Bool
    /// When the account was made.
    package var createdAt: Date

    /// An account value (the store makes them; tests build their own).
    package init(
        id: Int64, name: String, role: Role, volunteer: String?, isDisabled: Bool, hasPassword: Bool, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.volunteer = volunteer
        self.isDisabled = isDisabled
        self.hasPassword = hasPassword
        self.createdAt = createdAt
    }
}
