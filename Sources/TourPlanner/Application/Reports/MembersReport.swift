/// The answer of `members`: totals and breakdowns, unresolved members, or metros.
public struct MembersReport: RenderableReport, Hashable {
    /// What the report shows.
    public enum Content: Codable, Sendable, Hashable {
        /// The totals with one breakdown (nil: country, chapter and city).
        case summary(MemberSummary, breakdown: MemberBreakdown?)
        /// Members whose place did not resolve, with the reason and suggestions.
        case unresolved([UnresolvedMember])
        /// Metros by unaffiliated members (then name), and the members in no metro.
        case metros([RankedMetro], unresolvedMembers: Int)
    }

    /// What the report shows.
    public var content: Content
    /// Rows per breakdown in the table view (0: all).
    package var limit: Int

    /// A report of `content`.
    package init(content: Content, limit: Int = 0) {
        self.content = content
        self.limit = limit
    }

    /// Table (the default), CSV and JSON.
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// The report in `format`; JSON is the summary, the unresolved members or the metros themselves.
    ///
    /// - Throws: `PlannerError` for a format the report does not offer; encoding errors.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json:
            switch content {
            case .summary(let summary, _): return try JSONOutput.encode(summary)
            case .unresolved(let members): return try JSONOutput.encode(members)
            case .metros(let metros, _): return try JSONOutput.encode(metros)
            }
        case .csv: return csv
        case .table: return table
        case .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}

/// The answer of `members consent`: the member's flags and history, and what this run changed.
public struct MemberConsentReport: RenderableReport, Hashable {
    /// The member.
    package var member: MemberID
    /// The flags after the change.
    package var consent: ContactConsent
    /// The log entries this run wrote (none when nothing changed).
    package var changed: [ConsentLogEntry]
    /// The member's whole consent history.
    package var log: [ConsentLogEntry]
    /// Whether the query asked for a change (the table then says whether one was made).
    package var askedForChange: Bool

    /// A report of one member's consent.
    package init(
        member: MemberID, consent: ContactConsent, changed: [ConsentLogEntry], log: [ConsentLogEntry],
        askedForChange: Bool
    ) {
        self.member = member
        self.consent = consent
        self.changed = changed
        self.log = log
        self.askedForChange = askedForChange
    }

    /// Table (the default), CSV (the history) and JSON (member, consent, changed, log).
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// The report in `format`.
    ///
    /// - Throws: `PlannerError` for a format the report does not offer; encoding errors.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(JSONForm(member: member, consent: consent, changed: changed, log: log))
        case .csv: return csv
        case .table: return table
        case .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }

    /// The JSON layout of `members consent --format json`.
    struct JSONForm: Encodable {
        var member: MemberID
        var consent: ContactConsent
        var changed: [ConsentLogEntry]
        var log: [ConsentLogEntry]
    }
}
