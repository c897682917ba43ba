import TourPlanner

/// The demo's and `tour plan`'s way to the library's ranking renderers.
enum RankRenderer {
    /// The ranking as CSV (the demo's ranking.csv).
    static func csv(_ ranking: MetroRanking) -> String { ranking.csv }

    /// A chance as a percentage for people.
    static func percent(_ value: Double?) -> String { ReportText.percent(value) }
}
