import Foundation

/// What `rank` is asked: the metro radius, filters, weights, order and an optional metro to explain.
public struct RankQuery: Sendable, Hashable {
    /// Cities closer than this merge into one metro.
    package var radiusKm: Double
    /// The tour's base as typed (adds each metro's distance from it).
    package var base: String?
    /// Show at most this many metros.
    package var limit: Int?
    /// Only metros in this country (ISO code, any case).
    package var country: String?
    /// Only metros with at least this many unaffiliated members.
    package var minUnaffiliated: Int
    /// A ranking weights file (TOML, `[weights]` table).
    package var weightsFile: String?
    /// Single weights, applied in order after the file (names from `RankingWeights.keys`).
    package var weightOverrides: [WeightOverride]
    /// A metro to explain instead of the table.
    package var explain: String?
    /// By score or by the chance of founding a chapter.
    package var order: RankOrder
    /// A markers settings file (TOML), else the bundled settings.
    package var settingsFile: String?

    /// One `--weight NAME=VALUE`.
    public struct WeightOverride: Sendable, Hashable {
        /// The weight's name, one of `RankingWeights.keys`.
        package var name: String
        /// Its value.
        package var value: Double

        /// An override of one weight.
        package init(name: String, value: Double) {
            self.name = name
            self.value = value
        }

        /// Parses `NAME=NUMBER`, or nil when the text is not that or NAME is no ranking weight.
        init?(parsing text: String) {
            let parts = text.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Double(parts[1]), RankingWeights.keys.contains(String(parts[0]))
            else { return nil }
            self.init(name: String(parts[0]), value: value)
        }
    }

    /// A query with `rank`'s defaults (25 km, no filters, default weights, by score).
    public init(
        radiusKm: Double = 25, base: String? = nil, limit: Int? = nil, country: String? = nil,
        minUnaffiliated: Int = 0, weightsFile: String? = nil, weightOverrides: [WeightOverride] = [],
        explain: String? = nil, order: RankOrder = .score, settingsFile: String? = nil
    ) {
        self.radiusKm = radiusKm
        self.base = base
        self.limit = limit
        self.country = country
        self.minUnaffiliated = minUnaffiliated
        self.weightsFile = weightsFile
        self.weightOverrides = weightOverrides
        self.explain = explain
        self.order = order
        self.settingsFile = settingsFile
    }
}

extension Planner {
    /// Ranks the store's metros by where a chapter-building training is most likely to produce a
    /// chapter, or explains one metro.
    ///
    /// - Parameter query: the radius, base, filters, weights and order.
    /// - Returns: the ranking (or the explanation, or an empty-store report).
    /// - Throws: `PlannerError` for an unreadable file, `SettingsError` for a bad weights or settings
    ///   file, `PlaceLookupError` for a refused base, the store's errors.
    /// - Complexity: that of `MetroRanking.make` after clustering the store's places.
    public func rank(_ query: RankQuery) async throws -> RankReport {
        try rankBlocking(query)
    }

    /// `rank(_:)` on the calling thread, for a caller that runs it on a thread pool (the web
    /// app), so its computation holds no cooperative thread.
    ///
    /// - Throws: the same errors as `rank(_:)`.
    public func rankBlocking(_ query: RankQuery) throws -> RankReport {
        let store = try requireStore()
        let totals = try store.memberTotals()
        guard totals.members > 0 else { return RankReport(isStoreEmpty: true, storeUnaffiliated: 0) }
        let context = try rankingContext(radiusKm: query.radiusKm)
        var basePoint: GeoPoint?
        var resolved: [ResolvedPlace] = []
        if let base = query.base {
            let place = try context.resolveBase(base)
            basePoint = place.point
            resolved = [place]
        }
        let settings = try markerSettings(file: query.settingsFile)
        let model = try chapterModel(settings: settings)
        var ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: try store.chapterLocations(),
            base: basePoint, weights: try rankingWeights(file: query.weightsFile, overrides: query.weightOverrides),
            minWomenShare: settings.chapterMinWomenShare, chapterModel: model, order: query.order,
            uncontactable: try store.uncontactableUnaffiliated())
        if let country = query.country {
            ranking.metros = ranking.metros.filter {
                ($0.country ?? "").caseInsensitiveCompare(country) == .orderedSame
            }
        }
        ranking.metros = ranking.metros.filter { $0.unaffiliated >= query.minUnaffiliated }
        var report = RankReport(isStoreEmpty: false, storeUnaffiliated: totals.unaffiliated, resolved: resolved)
        if let name = query.explain {
            switch try explanation(of: name, ranking: ranking, context: context, model: model) {
            case .success(let explanation): report.explanation = explanation
            case .failure(let failure): report.failure = failure
            }
            return report
        }
        if let limit = query.limit { ranking.metros = Array(ranking.metros.prefix(limit)) }
        report.ranking = ranking
        return report
    }

    /// The weights file (if any) with the overrides applied in order.
    func rankingWeights(file: String?, overrides: [RankQuery.WeightOverride]) throws -> RankingWeights {
        var result = RankingWeights()
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw PlannerError("\(file): cannot be read", hint: "check the --weights path")
            }
            result = try RankingWeights.parse(text, fileName: file)
        }
        for override in overrides where !result.set(override.name, to: override.value) {
            throw PlannerError(
                "--weight \"\(override.name)=\(override.value)\" names no ranking weight",
                hint: "use one of \(RankingWeights.keys.joined(separator: ", "))")
        }
        return result
    }

    /// One metro's score components and members, or a report of the missing name.
    private func explanation(
        of name: String, ranking: MetroRanking, context: RankingContext, model: ChapterModelParameters
    ) throws -> Result<RankExplanation, ReportFailure> {
        guard let metro = ranking.metros.first(where: { $0.metro.caseInsensitiveCompare(name) == .orderedSame }),
            let group = context.metros.first(where: { $0.name == metro.metro && $0.countryCode == metro.country })
        else {
            let names = ranking.metros.prefix(10).map(\.metro).joined(separator: ", ")
            return .failure(
                ReportFailure(
                    message: "no ranked metro is called \"\(name)\"",
                    hint: "use a name from `tourplan rank`, e.g. \(names)"))
        }
        let members = try requireStore().members(inPlaceKeys: group.placeKeys)
        let unaffiliated = members.filter(\.isUnaffiliated)
        return .success(
            RankExplanation(
                metro: metro, weights: ranking.weights, model: model,
                unaffiliatedMembers: unaffiliated.map(\.id.rawValue),
                organizers: unaffiliated.filter { $0.organizerInterest == true }.map(\.id.rawValue),
                hosts: members.filter { $0.willingToHost == true }.map(\.id.rawValue)))
    }
}
