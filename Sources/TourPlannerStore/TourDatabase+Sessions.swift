public import Foundation
import GRDB

/// A `sessions` row: the SHA-256 of the cookie's session id, never the id itself.
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sessions"
    var idHash: String
    var userId: Int64
    var csrfToken: String
    var createdAt: Date
    var lastSeenAt: Date
    var expiresAt: Date

    enum CodingKeys: String, CodingKey { case idHash, userId, csrfToken, createdAt, lastSeenAt, expiresAt }
    enum Columns {
        static let idHash = Column(CodingKeys.idHash)
        static let userId = Column(CodingKeys.userId)
        static let expiresAt = Column(CodingKeys.expiresAt)
    }
}

/// A `signInAttempts` row: failed sign-ins of one key (an account or an address) in a window.
struct SignInAttemptRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "signInAttempts"
    var key: String
    var failures: Int
    var windowStart: Date

    enum CodingKeys: String, CodingKey { case key, failures, windowStart }
    enum Columns {
        static let key = Column(CodingKeys.key)
    }
}

extension TourDatabase {
    /// Stores a new session (sign-in). Expired sessions of every account are deleted on the way.
    ///
    /// - Parameters:
    ///   - id: the random session id of the cookie; only its SHA-256 is stored.
    ///   - accountID: the signed-in account's row id.
    ///   - csrfToken: the session's CSRF token, stored as given (forms echo it back).
    ///   - now: the sign-in time; sessions whose expiry is at or before it are deleted.
    ///   - idleTimeout: seconds without use after which the session expires (`touchSession` moves it).
    /// - Throws: the `DatabaseError` of SQLite when the write fails (e.g. the store is read-only or busy).
    public func createSession(
        id: String, accountID: Int64, csrfToken: String, now: Date, idleTimeout: TimeInterval
    ) throws {
        try writer.write { db in
            try SessionRecord.filter(SessionRecord.Columns.expiresAt <= now).deleteAll(db)
            try SessionRecord(
                idHash: SecretDigest.hex(id), userId: accountID, csrfToken: csrfToken, createdAt: now,
                lastSeenAt: now, expiresAt: now.addingTimeInterval(idleTimeout)
            ).insert(db)
        }
    }

    /// The live session of a cookie's id: nil when unknown, expired or its account is disabled.
    /// Reads only; `touchSession` moves the expiry.
    ///
    /// - Throws: `StoreError` for an account row with an unknown role.
    public func session(id: String, now: Date) throws -> WebSession? {
        try writer.read { db in
            guard let session = try SessionRecord.fetchOne(db, key: SecretDigest.hex(id)), session.expiresAt > now,
                let user = try UserRecord.fetchOne(db, key: session.userId), !user.disabled
            else { return nil }
            return WebSession(
                account: try user.account(), csrfToken: session.csrfToken, createdAt: session.createdAt,
                lastSeenAt: session.lastSeenAt, expiresAt: session.expiresAt)
        }
    }

    /// Records that a session was used at `now`: its idle expiry moves to `now + idleTimeout`.
    public func touchSession(id: String, now: Date, idleTimeout: TimeInterval) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE sessions SET lastSeenAt = ?, expiresAt = ? WHERE idHash = ?",
                arguments: [now, now.addingTimeInterval(idleTimeout), SecretDigest.hex(id)])
        }
    }

    /// Ends a session (sign-out): the cookie's id stops working at once.
    public func deleteSession(id: String) throws {
        try writer.write { db in
            _ = try SessionRecord.deleteOne(db, key: SecretDigest.hex(id))
        }
    }

    /// Failed sign-ins per key within the window that started `window` seconds before `now`.
    public func signInFailures(keys: [String], now: Date, window: TimeInterval) throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            for key in keys {
                guard let row = try SignInAttemptRecord.fetchOne(db, key: key),
                    row.windowStart > now.addingTimeInterval(-window)
                else { continue }
                counts[key] = row.failures
            }
            return counts
        }
    }

    /// Counts one failed sign-in against each key (a new window starts when the old one is over).
    public func recordSignInFailure(keys: [String], now: Date, window: TimeInterval) throws {
        try writer.write { db in
            for key in keys {
                if var row = try SignInAttemptRecord.fetchOne(db, key: key),
                    row.windowStart > now.addingTimeInterval(-window)
                {
                    row.failures += 1
                    try row.update(db)
                } else {
                    try SignInAttemptRecord(key: key, failures: 1, windowStart: now).save(db)
                }
            }
        }
    }

    /// Forgets the failed sign-ins of `key` (after a successful sign-in to that account).
    public func clearSignInFailures(key: String) throws {
        try writer.write { db in
            _ = try SignInAttemptRecord.deleteOne(db, key: key)
        }
    }
}

extension TourDatabase {
    /// Reads from the store once (the server's `/healthz`).
    ///
    /// - Throws: the store's error when it cannot be read.
    public func checkIsOpen() throws {
        try writer.read { db in _ = try Int.fetchOne(db, sql: "SELECT 1") }
    }
}
