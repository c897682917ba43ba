/// The answer of `rank`: the ranking, one metro's explanation, or an empty store.
public struct RankReport: RenderableReport, Hashable {
    /// The store has no members: nothing is ranked.
    public var isStoreEmpty: Bool
    /// Unaffiliated members in the whole store.
    public var storeUnaffiliated: Int
    /// The places resolved from the query (the base), echoed on standard error by the CLI.
    public var resolved: [ResolvedPlace]
    /// The filtered, limited ranking (nil for an empty store or an explanation).
    public var ranking: MetroRanking?
    /// The explained metro, when the query named one that is ranked.
    package var explanation: RankExplanation?
    /// The query named a metro to explain that is not ranked.
    public var failure: ReportFailure?

    /// A report; use cases fill in the parts they computed.
    package init(
        isStoreEmpty: Bool, storeUnaffiliated: Int, resolved: [ResolvedPlace] = [], ranking: MetroRanking? = nil,
        explanation: RankExplanation? = nil, failure: ReportFailure? = nil
    ) {
        self.isStoreEmpty = isStoreEmpty
        self.storeUnaffiliated = storeUnaffiliated
        self.resolved = resolved
        self.ranking = ranking
        self.explanation = explanation
        self.failure = failure
    }

    /// Table (the default), CSV and JSON.
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// The empty-store message or the explanation (in every format), else the ranking in `format`.
    ///
    /// - Throws: `PlannerError` for a format the report does not offer; encoding errors.
    public func render(_ format: OutputFormat) throws -> String {
        if isStoreEmpty { return "The store is empty: import a member export first (`tourplan import FILE`)." }
        if failure != nil { return "" }
        if let explanation { return explanation.text }
        let ranking = ranking ?? MetroRanking.empty
        switch format {
        case .json: return try JSONOutput.encode(WithResolvedPlaces(value: ranking, resolved: resolved))
        case .csv: return ranking.csv
        case .table: return ranking.table(storeUnaffiliated: storeUnaffiliated)
        case .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}

/// Why one metro ranks where it does: its components, the chapter model and the members counted.
package struct RankExplanation: Codable, Sendable, Hashable {
    /// The metro as ranked.
    package var metro: RankedMetro
    /// The weights of the score.
    package var weights: RankingWeights
    /// The chapter model's parameters (settings' rates, fitted to recorded trainings).
    package var model: ChapterModelParameters
    /// Ids of the unaffiliated members counted.
    package var unaffiliatedMembers: [String]
    /// Ids of the unaffiliated members interested in organizing.
    package var organizers: [String]
    /// Ids of the members willing to host.
    package var hosts: [String]

    /// An explanation of `metro`.
    package init(
        metro: RankedMetro, weights: RankingWeights, model: ChapterModelParameters, unaffiliatedMembers: [String],
        organizers: [String], hosts: [String]
    ) {
        self.metro = metro
        self.weights = weights
        self.model = model
        self.unaffiliatedMembers = unaffiliatedMembers
        self.organizers = organizers
        self.hosts = hosts
    }
}

extension MetroRanking {
    /// A ranking of nothing.
    static var empty: MetroRanking {
        MetroRanking.make(metros: [], stats: [], chapters: [], base: nil, weights: RankingWeights())
    }
}
