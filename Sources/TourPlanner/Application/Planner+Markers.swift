import Foundation

/// What `markers` is asked: the settings, and optionally a plan whose trainings to forecast.
public struct MarkersQuery: Sendable, Hashable {
    /// A markers settings file (TOML), else the bundled settings.
    package var settingsFile: String?
    /// A plan (PLAN.json): forecast the number of chapters after its trainings.
    package var forecastPlanFile: String?
    /// The metro radius (as for `rank`) that finds each stop's members.
    package var radiusKm: Double

    /// A query for the markers, or with `forecastPlanFile`, the forecast.
    public init(settingsFile: String? = nil, forecastPlanFile: String? = nil, radiusKm: Double = 25) {
        self.settingsFile = settingsFile
        self.forecastPlanFile = forecastPlanFile
        self.radiusKm = radiusKm
    }
}

extension Planner {
    /// Progress toward the organization's founding markers, or the forecast of a plan's trainings.
    ///
    /// - Parameter query: the settings file, and a plan to forecast.
    /// - Returns: the markers, with the forecast when the query names a plan.
    /// - Throws: `PlannerError` for an unreadable file, `SettingsError` for bad settings, the plan's
    ///   decoding errors, the store's errors.
    public func markers(_ query: MarkersQuery) async throws -> MarkersProgressReport {
        try markersBlocking(query)
    }

    /// `markers(_:)` on the calling thread, for a caller that runs it on a thread pool (the web
    /// app), so its computation holds no cooperative thread.
    ///
    /// - Throws: the same errors as `markers(_:)`.
    public func markersBlocking(_ query: MarkersQuery) throws -> MarkersProgressReport {
        let settings = try markerSettings(file: query.settingsFile)
        let store = try requireStore()
        let countries = resources.countries
        let markers = MarkersReport.make(
            totalMembers: try store.memberSummary().total, chapterMembers: try store.chapterMemberGroups(),
            settings: settings, continent: { countries.continent(for: $0) })
        guard let planFile = query.forecastPlanFile else { return MarkersProgressReport(markers: markers) }
        let plan = try Self.loadPlan(planFile)
        let model = try chapterModel(settings: settings)
        let context = try rankingContext(radiusKm: query.radiusKm)
        let ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: [], base: nil,
            weights: RankingWeights(), minWomenShare: settings.chapterMinWomenShare, chapterModel: model,
            uncontactable: try store.uncontactableUnaffiliated())
        let forecast = ChapterForecast.make(
            existingChapters: markers.chapters.current,
            trainings: ChapterForecast.trainings(of: plan, ranking: ranking), target: settings.chaptersTarget,
            deadline: settings.deadline)
        return MarkersProgressReport(markers: markers, forecast: forecast)
    }

    /// Reads PLAN.json.
    ///
    /// - Throws: `PlannerError` when the file is missing or unreadable; `TourPlan.decode`'s errors.
    static func loadPlan(_ path: String) throws -> TourPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw PlannerError("\(path): \(reason)", hint: "write a plan with `tourplan tour plan … --out \(path)`")
        }
        return try TourPlan.decode(data, fileName: path)
    }
}
