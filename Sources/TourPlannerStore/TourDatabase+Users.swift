public import Foundation
import GRDB

/// A `users` row: the account and its bcrypt hash (never leaves the store but for sign-in).
struct UserRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "users"
    var id: Int64?
    var name: String
    var role: String
    var volunteer: String?
    var passwordHash: String?
    var disabled: Bool
    var createdAt: Date

    enum CodingKeys: String, CodingKey { case id, name, role, volunteer, passwordHash, disabled, createdAt }
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let name = Column(CodingKeys.name)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The account, with the role checked (a row another version wrote may hold an unknown one).
    func account() throws -> WebAccount {
        guard let id, let role = WebAccount.Role(rawValue: role) else {
            throw StoreError(
                path: "users", problem: "user \"\(name)\" has role \"\(role)\"",
                hint: "set a known role with `tourplan users add` (organizer, treasurer or volunteer)")
        }
        return WebAccount(
            id: id, name: name, role: role, volunteer: volunteer, isDisabled: disabled,
            hasPassword: passwordHash != nil, createdAt: createdAt)
    }
}

/// A `welcomeTokens` row: a one-time sign-in link, stored as the SHA-256 of its token.
struct WelcomeTokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "welcomeTokens"
    var tokenHash: String
    var userId: Int64
    var createdAt: Date
    var expiresAt: Date

    enum CodingKeys: String, CodingKey { case tokenHash, userId, createdAt, expiresAt }
    enum Columns {
        static let tokenHash = Column(CodingKeys.tokenHash)
        static let userId = Column(CodingKeys.userId)
        static let expiresAt = Column(CodingKeys.expiresAt)
    }
}

extension TourDatabase {
    /// How long a welcome link lets its person set a password.
    package static let welcomeTokenValidity: TimeInterval = 7 * 24 * 3600

    /// Web accounts, welcome tokens, sessions and sign-in attempt counters (`tourplan serve`).
    static func migrateWebAccounts(_ db: Database) throws {
        try db.create(table: "users") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("name", .text).notNull().unique().collate(.nocase)
            t.column("role", .text).notNull()
            t.column("volunteer", .text)
            t.column("passwordHash", .text)
            t.column("disabled", .boolean).notNull().defaults(to: false)
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(table: "welcomeTokens") { t in
            t.primaryKey("tokenHash", .text)
            t.column("userId", .integer).notNull().references("users", onDelete: .cascade)
            t.column("createdAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
        }
        try db.create(table: "sessions") { t in
            t.primaryKey("idHash", .text)
            t.column("userId", .integer).notNull().references("users", onDelete: .cascade)
            t.column("csrfToken", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("lastSeenAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
        }
        try db.create(index: "sessions_user", on: "sessions", columns: ["userId"])
        try db.create(table: "signInAttempts") { t in
            t.primaryKey("key", .text)
            t.column("failures", .integer).notNull()
            t.column("windowStart", .datetime).notNull()
        }
    }

    /// Creates an account. A volunteer account names a volunteer of the schedule.
    ///
    /// - Parameters:
    ///   - name: the sign-in name; surrounding spaces are trimmed, and it must be unique.
    ///   - role: organizer, treasurer or volunteer.
    ///   - volunteer: the schedule's volunteer the account calls as: required for a volunteer
    ///     account, refused for the others.
    ///   - passwordHash: a bcrypt hash, or nil for an account that signs in first through a welcome link.
    ///   - now: the creation time recorded.
    /// - Returns: the stored account, with its new row id.
    /// - Throws: `PlannerError` when the name is taken or empty, or the volunteer is missing or unknown.
    public func addAccount(
        name: String, role: WebAccount.Role, volunteer: String?, passwordHash: String?, now: Date
    ) throws -> WebAccount {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(where: \.isNewline) else {
            throw PlannerError("user name \"\(name)\" is empty", hint: "give a sign-in name such as rosa")
        }
        return try writer.write { db in
            if try UserRecord.filter(UserRecord.Columns.name == trimmed).fetchOne(db) != nil {
                throw PlannerError(
                    "user \"\(trimmed)\" already exists",
                    hint: "pick another name, or `tourplan users reset \(trimmed)`")
            }
            try Self.checkVolunteer(volunteer, role: role, in: db)
            var record = UserRecord(
                id: nil, name: trimmed, role: role.rawValue, volunteer: volunteer, passwordHash: passwordHash,
                disabled: false, createdAt: now)
            try record.insert(db)
            return try record.account()
        }
    }

    /// Checks an account's volunteer against its role: a volunteer account names a volunteer of
    /// the schedule, the others none.
    ///
    /// - Throws: `PlannerError` naming the flag and what to give instead.
    private static func checkVolunteer(_ volunteer: String?, role: WebAccount.Role, in db: Database) throws {
        switch (role, volunteer) {
        case (.volunteer, nil):
            throw PlannerError(
                "a volunteer account needs --volunteer NAME",
                hint: "name the schedule's volunteer this person calls as (see `tourplan remind schedule`)")
        case (.volunteer, let name?):
            guard
                try String.fetchOne(db, sql: "SELECT name FROM volunteers WHERE name = ?", arguments: [name])
                    != nil
            else {
                let known = try String.fetchAll(db, sql: "SELECT name FROM volunteers ORDER BY name")
                throw PlannerError(
                    "--volunteer \"\(name)\" is not a volunteer of the schedule",
                    hint: known.isEmpty
                        ? "load volunteers first with `tourplan remind schedule --volunteers FILE`"
                        : "use one of: \(known.joined(separator: ", "))")
            }
        case (.organizer, _?), (.treasurer, _?):
            throw PlannerError(
                "--volunteer is only for volunteer accounts (this one is \(role.rawValue))",
                hint: "drop --volunteer, or use --role volunteer")
        case (.organizer, nil), (.treasurer, nil):
            break
        }
    }

    /// Every account, by name.
    ///
    /// - Throws: `StoreError` for a row with an unknown role.
    public func accounts() throws -> [WebAccount] {
        try writer.read { db in
            try UserRecord.order(UserRecord.Columns.name.collating(.nocase)).fetchAll(db).map { try $0.account() }
        }
    }

    /// The account named `name` (any case) and its password hash, for sign-in.
    ///
    /// - Throws: `StoreError` for a row with an unknown role.
    public func credentials(name: String) throws -> (account: WebAccount, passwordHash: String?)? {
        try writer.read { db in
            try UserRecord.filter(UserRecord.Columns.name == name).fetchOne(db).map {
                (try $0.account(), $0.passwordHash)
            }
        }
    }

    /// The account named `name` (any case).
    ///
    /// - Throws: `PlannerError` when there is none.
    public func account(named name: String) throws -> WebAccount {
        guard let found = try credentials(name: name) else {
            throw PlannerError("no user \"\(name)\"", hint: "see `tourplan users list`")
        }
        return found.account
    }

    /// Disables (or enables) an account; disabling ends its sessions and voids its welcome links.
    /// The last enabled organizer is never disabled (someone must be able to manage accounts).
    ///
    /// - Throws: `PlannerError` when disabling the last enabled organizer (nothing changes).
    public func setDisabled(_ disabled: Bool, accountID: Int64) throws {
        try writer.write { db in
            if disabled { try Self.checkNotLastOrganizer(accountID, doing: "disabled", in: db) }
            try db.execute(sql: "UPDATE users SET disabled = ? WHERE id = ?", arguments: [disabled, accountID])
            if disabled {
                try db.execute(sql: "DELETE FROM sessions WHERE userId = ?", arguments: [accountID])
                try WelcomeTokenRecord.filter(WelcomeTokenRecord.Columns.userId == accountID).deleteAll(db)
            }
        }
    }

    /// Changes an account's role (and its volunteer, which a volunteer account needs and the
    /// others may not have) and ends its sessions, so the next page asks it to sign in again
    /// with the new role. The last enabled organizer is never demoted.
    ///
    /// - Returns: the account as it is now.
    /// - Throws: `PlannerError` for an unknown account, demoting the last enabled organizer, or a
    ///   volunteer missing, unknown or given to another role (nothing changes then).
    package func setRole(_ role: WebAccount.Role, volunteer: String?, accountName name: String) throws -> WebAccount {
        try writer.write { db in
            guard var user = try UserRecord.filter(UserRecord.Columns.name == name).fetchOne(db), let id = user.id
            else { throw PlannerError("no user \"\(name)\"", hint: "see `tourplan users list`") }
            try Self.checkVolunteer(volunteer, role: role, in: db)
            if role != .organizer { try Self.checkNotLastOrganizer(id, doing: "made \(role.rawValue)", in: db) }
            user.role = role.rawValue
            user.volunteer = volunteer
            try user.update(db)
            try db.execute(sql: "DELETE FROM sessions WHERE userId = ?", arguments: [id])
            return try user.account()
        }
    }

    /// Refuses to take away the organizer role of the last enabled organizer.
    ///
    /// - Throws: `PlannerError` naming the account and what to do first.
    private static func checkNotLastOrganizer(_ accountID: Int64, doing change: String, in db: Database) throws {
        guard let user = try UserRecord.fetchOne(db, key: accountID),
            user.role == WebAccount.Role.organizer.rawValue, !user.disabled
        else { return }
        let others =
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM users WHERE role = ? AND NOT disabled AND id != ?",
                arguments: [WebAccount.Role.organizer.rawValue, accountID]) ?? 0
        guard others == 0 else { return }
        throw PlannerError(
            "user \"\(user.name)\" is the last enabled organizer and cannot be \(change): "
                + "no one could manage accounts any more",
            hint: "add or enable another organizer first; `tourplan users add NAME --role organizer`")
    }

    /// Clears an account's password, ends its sessions and stores a new welcome token (the old
    /// ones stop working): `tourplan users reset` and `users add` without `--password-stdin`.
    ///
    /// - Parameters:
    ///   - token: the token of the link (random, from the caller); only its SHA-256 is stored.
    ///   - accountID: the account's row id.
    ///   - clearingPassword: also clear the password and end the account's sessions (`users reset`).
    ///   - now: the issue time; the token is valid for `welcomeTokenValidity` from it.
    /// - Throws: the `DatabaseError` of SQLite when the write fails; nothing changes then.
    package func issueWelcomeToken(_ token: String, accountID: Int64, clearingPassword: Bool, now: Date) throws {
        try writer.write { db in
            try WelcomeTokenRecord.filter(WelcomeTokenRecord.Columns.userId == accountID).deleteAll(db)
            if clearingPassword {
                try db.execute(sql: "UPDATE users SET passwordHash = NULL WHERE id = ?", arguments: [accountID])
                try db.execute(sql: "DELETE FROM sessions WHERE userId = ?", arguments: [accountID])
            }
            try WelcomeTokenRecord(
                tokenHash: SecretDigest.hex(token), userId: accountID, createdAt: now,
                expiresAt: now.addingTimeInterval(Self.welcomeTokenValidity)
            ).insert(db)
        }
    }

    /// The enabled account a welcome token is for, while it is valid; nil otherwise.
    public func welcomeAccount(token: String, now: Date) throws -> WebAccount? {
        try writer.read { db in try Self.welcomeUser(token: token, now: now, in: db)?.account() }
    }

    /// Sets the password of the welcome token's account and uses the token up, in one transaction.
    ///
    /// - Returns: the account, or nil when the token is unknown, used or expired (nothing changed).
    public func redeemWelcomeToken(_ token: String, passwordHash: String, now: Date) throws -> WebAccount? {
        try writer.write { db in
            guard var user = try Self.welcomeUser(token: token, now: now, in: db) else { return nil }
            try WelcomeTokenRecord.filter(WelcomeTokenRecord.Columns.tokenHash == SecretDigest.hex(token)).deleteAll(db)
            user.passwordHash = passwordHash
            try user.update(db)
            return try user.account()
        }
    }

    /// Sets an account's password (`users add --password-stdin`).
    package func setPassword(hash: String, accountID: Int64) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE users SET passwordHash = ? WHERE id = ?", arguments: [hash, accountID])
        }
    }

    private static func welcomeUser(token: String, now: Date, in db: Database) throws -> UserRecord? {
        guard
            let row = try WelcomeTokenRecord.filter(WelcomeTokenRecord.Columns.tokenHash == SecretDigest.hex(token))
                .fetchOne(db), row.expiresAt > now,
            let user = try UserRecord.fetchOne(db, key: row.userId), !user.disabled
        else { return nil }
        return user
    }
}
