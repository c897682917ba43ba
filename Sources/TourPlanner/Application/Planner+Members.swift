public import Foundation

/// How `members` groups its totals.
public enum MemberBreakdown: String, Codable, Sendable, CaseIterable {
    /// By country.
    case country
    /// By raw city string.
    case city
    /// By chapter.
    case chapter
    /// By metro area (the store's resolved places clustered like `rank`'s).
    case metro
}

/// What `members` is asked: one breakdown, the unresolved members, or everything.
public struct MembersQuery: Sendable, Hashable {
    /// One breakdown (nil: the totals and every breakdown but metro).
    package var breakdown: MemberBreakdown?
    /// Rows per breakdown in the table view, and unresolved members listed (0: all).
    package var limit: Int
    /// List the members whose place did not resolve instead of the totals.
    package var unresolved: Bool
    /// The metro radius for `breakdown == .metro`.
    package var radiusKm: Double

    /// A query; the defaults print the totals and every breakdown.
    public init(
        breakdown: MemberBreakdown? = nil, limit: Int = 0, unresolved: Bool = false,
        radiusKm: Double = MetroClustering.defaultRadiusKm
    ) {
        self.breakdown = breakdown
        self.limit = limit
        self.unresolved = unresolved
        self.radiusKm = radiusKm
    }
}

/// A consent change asked of `members consent` (none: just show the flags and history).
public struct MemberConsentQuery: Sendable, Hashable {
    /// The member.
    package var member: MemberID
    /// Flags to set.
    package var set: Set<ConsentFlag>
    /// Flags to lift (organizers only).
    package var clear: Set<ConsentFlag>
    /// Who asked for the change: an organizer, or a STOP reply.
    package var source: ConsentSource
    /// Who makes the change (kept in the consent log).
    package var actor: String?
    /// Why (kept in the consent log).
    package var reason: String?
    /// When the change is made.
    package var now: Date

    /// A query for `member`; without flags it only reads.
    public init(
        member: MemberID, set: Set<ConsentFlag> = [], clear: Set<ConsentFlag> = [],
        source: ConsentSource = .organizer, actor: String? = nil, reason: String? = nil, now: Date
    ) {
        self.member = member
        self.set = set
        self.clear = clear
        self.source = source
        self.actor = actor
        self.reason = reason
        self.now = now
    }

    /// Whether the query changes anything (else it only reads).
    package var asksForChange: Bool { !set.isEmpty || !clear.isEmpty }
}

extension Planner {
    /// Member totals and breakdowns, the members whose place did not resolve, or the metros.
    ///
    /// - Throws: `PlannerError` when there is no store; the resolver's and the store's errors.
    public func members(_ query: MembersQuery) async throws -> MembersReport {
        try membersBlocking(query)
    }

    /// `members(_:)` on the calling thread, for a caller that runs it on a thread pool (the web
    /// app), so its computation holds no cooperative thread.
    ///
    /// - Throws: the same errors as `members(_:)`.
    public func membersBlocking(_ query: MembersQuery) throws -> MembersReport {
        let store = try requireStore()
        if query.unresolved {
            _ = try store.resolvePlaces(using: try resources.resolver())
            let members = try store.unresolvedMembers(
                limit: query.limit > 0 ? query.limit : nil, includingGuesses: true)
            return MembersReport(content: .unresolved(members), limit: query.limit)
        }
        let summary = try store.memberSummary()
        guard query.breakdown == .metro else {
            return MembersReport(content: .summary(summary, breakdown: query.breakdown), limit: query.limit)
        }
        let context = try rankingContext(radiusKm: query.radiusKm)
        let ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: [], base: nil,
            weights: RankingWeights(), minWomenShare: resources.markers.chapterMinWomenShare)
        let metros = ranking.metros.sorted { ($0.unaffiliated, $1.metro) > ($1.unaffiliated, $0.metro) }
        return MembersReport(
            content: .metros(metros, unresolvedMembers: ranking.unresolvedMembers), limit: query.limit)
    }

    /// A member's consent flags and history, after the change the query asks for (if any).
    ///
    /// - Throws: `PlannerError` when no member has the id; `StoreError` when the change is refused.
    public func memberConsent(_ query: MemberConsentQuery) async throws -> MemberConsentReport {
        let store = try requireStore()
        var changed: [ConsentLogEntry] = []
        if query.asksForChange {
            changed = try store.changeConsent(
                of: query.member, set: query.set, clear: query.clear, source: query.source, actor: query.actor,
                reason: query.reason, now: query.now
            ).logged
        }
        guard let consent = try store.consent(of: query.member) else {
            throw PlannerError(
                "no member with id \"\(query.member.rawValue)\"",
                hint: "use the member id of the export (or email:ADDRESS)")
        }
        return MemberConsentReport(
            member: query.member, consent: consent, changed: changed, log: try store.consentLog(of: query.member),
            askedForChange: query.asksForChange)
    }
}
