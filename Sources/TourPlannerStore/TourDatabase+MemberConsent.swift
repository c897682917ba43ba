package import Foundation
import GRDB
import TourPlannerCore

extension TourDatabase {
    /// A member's consent flags, or nil when there is no such member.
    package func consent(of member: MemberID) throws -> ContactConsent? {
        try writer.read { db in
            try ConsentColumnsRecord.filter(ConsentColumnsRecord.Columns.id == member.rawValue).fetchOneStored(db)?
                .consent
        }
    }

    /// A member's consent history, oldest first.
    package func consentLog(of member: MemberID) throws -> [ConsentLogEntry] {
        try writer.read { db in
            try ConsentLogRecord.filter(ConsentLogRecord.Columns.memberId == member.rawValue)
                .order(ConsentLogRecord.Columns.id).fetchAllStored(db).map { try $0.entry() }
        }
    }

    /// Sets and lifts consent flags of one member, logs every actual change, and cancels the
    /// member's pending calls or texts that the new flags no longer allow, in one transaction.
    ///
    /// Only an organizer (`source == .organizer`) may lift a flag: opt-outs are sticky.
    ///
    /// - Returns: the member's flags afterwards and the log entries written (none when nothing changed).
    /// - Throws: `StoreError` when the member does not exist or a non-organizer source lifts a flag.
    package func changeConsent(
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
                let stored = try ConsentColumnsRecord.filter(ConsentColumnsRecord.Columns.id == member.rawValue)
                    .fetchOneStored(db)
            else {
                throw StoreError(
                    path: "members", problem: "no member with id \"\(member.rawValue)\"",
                    hint: "use the member id of the export (members without one have id email:ADDRESS)")
            }
            var consent = stored.consent
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
            try ConsentColumnsRecord.filter(ConsentColumnsRecord.Columns.id == member.rawValue).updateAll(
                db, ConsentFlag.allCases.map { ConsentColumnsRecord.column(for: $0).set(to: consent[$0]) })
            for entry in logged { try Self.log(entry, db) }
            try Self.cancelTasks(of: member.rawValue, consent: consent, because: source.rawValue, db)
            return (consent, logged)
        }
    }

    /// The consent flags of a `members` row that selects them.
    ///
    /// - Throws: `StoreDecodingError` when a flag does not read.
    static func consent(from row: Row) throws -> ContactConsent {
        try ConsentColumnsRecord.decode(row).consent
    }

    /// Appends one entry to the consent log.
    static func log(_ entry: ConsentLogEntry, _ db: Database) throws {
        try ConsentLogRecord(entry).execute(db.cachedStatement(sql: ConsentLogRecord.insertSQL()))
    }

    /// Cancels a member's pending (or unschedulable) calls when `consent` stops calls, and texts
    /// when it stops texts: a call sheet, a texts list or a Spoke export made afterwards leaves
    /// them out.
    static func cancelTasks(of memberID: String, consent: ContactConsent, because reason: String, _ db: Database)
        throws
    {
        var kinds: [ReminderKind] = []
        if !consent.allows(.call) { kinds += ReminderKind.allCases.filter(\.isCall) }
        if !consent.allows(.text) { kinds += ReminderKind.allCases.filter { !$0.isCall } }
        guard !kinds.isEmpty else { return }
        let flags = consent.flags.map(\.rawValue).joined(separator: ", ")
        // Every open task: pending, unschedulable, merged, and texts held for a yes or a venue.
        let open = TaskStatus.allCases.filter(\.isOpen).map(\.rawValue)
        try TaskRecord.filter(
            TaskRecord.Columns.memberId == memberID && open.contains(TaskRecord.Columns.status)
                && kinds.map(\.rawValue).contains(TaskRecord.Columns.kind)
        ).updateAll(
            db, TaskRecord.Columns.status.set(to: TaskStatus.cancelled.rawValue),
            TaskRecord.Columns.note.set(to: "cancelled: \(flags) (\(reason))"))
    }
}

extension ConsentColumnsRecord {
    /// The member's flags.
    var consent: ContactConsent {
        ContactConsent(doNotCall: doNotCall, doNotText: doNotText, doNotContact: doNotContact, deceased: deceased)
    }

    /// The column that stores `flag`.
    static func column(for flag: ConsentFlag) -> Column {
        switch flag {
        case .doNotCall: Columns.doNotCall
        case .doNotText: Columns.doNotText
        case .doNotContact: Columns.doNotContact
        case .deceased: Columns.deceased
        }
    }
}

extension ConsentLogRecord {
    init(_ entry: ConsentLogEntry) {
        id = nil
        memberId = entry.memberID.rawValue
        flag = entry.flag.rawValue
        change = entry.change.rawValue
        source = entry.source.rawValue
        detail = entry.detail
        actor = entry.actor
        reason = entry.reason
        recordedAt = entry.recordedAt
    }

    /// The domain value; flag, change and source are checked against their enums.
    ///
    /// - Throws: `StoreDecodingError` naming the entry and the column.
    func entry() throws -> ConsentLogEntry {
        let row = id.map(String.init) ?? "?"
        return ConsentLogEntry(
            memberID: MemberID(memberId),
            flag: try Self.checked(
                flag, as: ConsentFlag.self, column: CodingKeys.flag.stringValue, rowID: row, what: "a consent flag"),
            change: try Self.checked(
                change, as: ConsentChange.self, column: CodingKeys.change.stringValue, rowID: row,
                what: "a consent change"),
            source: try Self.checked(
                source, as: ConsentSource.self, column: CodingKeys.source.stringValue, rowID: row,
                what: "a consent source"),
            detail: detail, actor: actor, reason: reason, recordedAt: recordedAt)
    }
}
