public import Foundation
import GRDB
import TourPlannerCore

extension TourDatabase {
    /// A member's consent flags, or nil when there is no such member.
    public func consent(of member: MemberID) throws -> ContactConsent? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT doNotCall, doNotText, doNotContact, deceased FROM members WHERE id = ?",
                arguments: [member.rawValue]
            ).map(Self.consent(from:))
        }
    }

    /// A member's consent history, oldest first.
    public func consentLog(of member: MemberID) throws -> [ConsentLogEntry] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM consentLog WHERE memberId = ? ORDER BY id", arguments: [member.rawValue]
            ).map { row in
                guard let flag = ConsentFlag(rawValue: row["flag"]),
                    let change = ConsentChange(rawValue: row["change"]),
                    let source = ConsentSource(rawValue: row["source"])
                else {
                    throw StoreError(
                        path: "consentLog",
                        problem: "entry \(row["id"] as Int64? ?? 0) has an unknown flag, change or source",
                        hint: "the database was written by a newer TourPlanner; upgrade it")
                }
                return ConsentLogEntry(
                    memberID: MemberID(row["memberId"] as String), flag: flag, change: change, source: source,
                    detail: row["detail"], actor: row["actor"], reason: row["reason"], recordedAt: row["recordedAt"])
            }
        }
    }

    /// Sets and lifts consent flags of one member, logs every actual change, and cancels the
    /// member's pending calls or texts that the new flags no longer allow, in one transaction.
    ///
    /// Only an organizer (`source == .organizer`) may lift a flag: opt-outs are sticky.
    ///
    /// - Returns: the member's flags afterwards and the log entries written (none when nothing changed).
    /// - Throws: `StoreError` when the member does not exist or a non-organizer source lifts a flag.
    public func changeConsent(
        of member: MemberID, set: Set<ConsentFlag>, clear: Set<ConsentFlag>, source: ConsentSource,
        actor: String?, reason: String?, detail: String? = nil, now: Date
    ) throws -> (consent: ContactConsent, logged: [ConsentLogEntry]) {
        if !clear.isEmpty && source != .organizer {
            throw StoreError(
                path: "consent", problem: "only an organizer can lift a consent flag (source: \(source.rawValue))",
                hint: "use `tourplan members consent MEMBER --allow-…`")
        }
        if let both = set.intersection(clear).sorted(by: { $0.rawValue < $1.rawValue }).first {
            throw StoreError(
                path: "consent", problem: "\(both.rawValue) cannot be both set and lifted",
                hint: "give one of the two options")
        }
        return try writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT doNotCall, doNotText, doNotContact, deceased FROM members WHERE id = ?",
                    arguments: [member.rawValue])
            else {
                throw StoreError(
                    path: "members", problem: "no member with id \"\(member.rawValue)\"",
                    hint: "use the member id of the export (members without one have id email:ADDRESS)")
            }
            var consent = Self.consent(from: row)
            var logged: [ConsentLogEntry] = []
            for flag in ConsentFlag.allCases {
                let wanted = set.contains(flag) ? true : clear.contains(flag) ? false : consent[flag]
                guard wanted != consent[flag] else { continue }
                consent[flag] = wanted
                logged.append(
                    ConsentLogEntry(
                        memberID: member, flag: flag, change: wanted ? .set : .cleared, source: source,
                        detail: detail, actor: actor, reason: reason, recordedAt: now))
            }
            guard !logged.isEmpty else { return (consent, []) }
            try db.execute(
                sql: "UPDATE members SET doNotCall = ?, doNotText = ?, doNotContact = ?, deceased = ? WHERE id = ?",
                arguments: [
                    consent.doNotCall, consent.doNotText, consent.doNotContact, consent.deceased, member.rawValue,
                ])
            for entry in logged { try Self.log(entry, db) }
            try Self.cancelTasks(of: member.rawValue, consent: consent, because: source.rawValue, db)
            return (consent, logged)
        }
    }

    static func consent(from row: Row) -> ContactConsent {
        ContactConsent(
            doNotCall: row["doNotCall"], doNotText: row["doNotText"], doNotContact: row["doNotContact"],
            deceased: row["deceased"])
    }

    /// Appends one entry to the consent log.
    static func log(_ entry: ConsentLogEntry, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO consentLog (memberId, flag, change, source, detail, actor, reason, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            entry.memberID.rawValue, entry.flag.rawValue, entry.change.rawValue, entry.source.rawValue, entry.detail,
            entry.actor, entry.reason, entry.recordedAt,
        ])
    }

    /// Cancels a member's pending (or unschedulable) calls when `consent` stops calls, and texts
    /// when it stops texts: a call sheet, a texts list or a Spoke export made afterwards leaves
    /// them out.
    static func cancelTasks(of memberID: String, consent: ContactConsent, because reason: String, _ db: Database)
        throws
    {
        var kinds: [String] = []
        if !consent.allows(.call) { kinds += ReminderKind.allCases.filter(\.isCall).map(\.rawValue) }
        if !consent.allows(.text) { kinds += ReminderKind.allCases.filter { !$0.isCall }.map(\.rawValue) }
        guard !kinds.isEmpty else { return }
        let flags = consent.flags.map(\.rawValue).joined(separator: ", ")
        // Every open task: pending, unschedulable, merged, and texts held for a yes or a venue.
        let open = TaskStatus.allCases.filter(\.isOpen).map(\.rawValue)
        try db.execute(
            sql: """
                UPDATE tasks SET status = ?, note = ?
                WHERE memberId = ? AND status IN (\(open.map { _ in "?" }.joined(separator: ", ")))
                  AND kind IN (\(kinds.map { _ in "?" }.joined(separator: ", ")))
                """,
            arguments: StatementArguments(
                [TaskStatus.cancelled.rawValue, "cancelled: \(flags) (\(reason))", memberID] + open + kinds))
    }
}
