import Foundation

/// A change to record with `trainings log` or `trainings update`.
public struct TrainingQuery: Sendable, Hashable {
    /// The training to change (nil: record a new one).
    public var id: Int64?
    /// The metro, as `rank` names it.
    package var metro: String?
    /// The training's day.
    package var date: CalendarDate?
    /// Members invited (for a new training, default: those the schedule invited to that event).
    package var invited: Int?
    /// Members who came.
    package var attended: Int?
    /// Women among them.
    package var women: Int?
    /// Whether it founded a chapter.
    package var chapterFounded: ChapterOutcome?
    /// How it was held.
    package var kind: VisitKind?
    /// A note.
    package var note: String?

    /// A query; nil fields keep the stored value (update) or take the default (log).
    public init(
        id: Int64? = nil, metro: String? = nil, date: CalendarDate? = nil, invited: Int? = nil,
        attended: Int? = nil, women: Int? = nil, chapterFounded: ChapterOutcome? = nil, kind: VisitKind? = nil,
        note: String? = nil
    ) {
        self.id = id
        self.metro = metro
        self.date = date
        self.invited = invited
        self.attended = attended
        self.women = women
        self.chapterFounded = chapterFounded
        self.kind = kind
        self.note = note
    }
}

extension Planner {
    /// Records one training's results.
    ///
    /// - Throws: `PlannerError` when a required field is missing, the invited count is unknown, or
    ///   the counts contradict each other; the store's errors.
    public func logTraining(_ query: TrainingQuery) async throws -> TrainingsReport {
        guard let metro = query.metro, let date = query.date, let attended = query.attended,
            let women = query.women
        else {
            throw PlannerError("a training needs its metro, date, attendees and women", hint: "give all four")
        }
        let store = try requireStore()
        var invited = query.invited
        if invited == nil { invited = try store.invitedCount(metro: metro, date: date) }
        guard let invited else {
            throw PlannerError(
                "no event in \(metro) on \(date) is scheduled, so the invited members are unknown",
                hint: "pass --invited N (the members invited to that training)")
        }
        let result = TrainingResult(
            metro: metro, date: date, kind: query.kind ?? .inPerson, invited: invited, attended: attended,
            women: women, chapterFounded: query.chapterFounded ?? .pending, note: query.note ?? "")
        try Self.check(result)
        return TrainingsReport(results: [try store.recordTraining(result)])
    }

    /// Changes a recorded training: the query's non-nil fields replace the stored ones.
    ///
    /// - Throws: `PlannerError` when no training has the id or the counts contradict each other.
    public func updateTraining(_ query: TrainingQuery) async throws -> TrainingsReport {
        let store = try requireStore()
        guard let id = query.id, var result = try store.training(id: id) else {
            throw PlannerError(
                "no training has id \(query.id.map(String.init) ?? "(none)")",
                hint: "see the ids with `tourplan trainings list`")
        }
        if let metro = query.metro { result.metro = metro }
        if let date = query.date { result.date = date }
        if let invited = query.invited { result.invited = invited }
        if let attended = query.attended { result.attended = attended }
        if let women = query.women { result.women = women }
        if let chapterFounded = query.chapterFounded { result.chapterFounded = chapterFounded }
        if let kind = query.kind { result.kind = kind }
        if let note = query.note { result.note = note }
        try Self.check(result)
        try store.updateTraining(result)
        return TrainingsReport(results: [result])
    }

    /// Every recorded training.
    ///
    /// - Throws: the store's errors.
    public func trainings() async throws -> TrainingsReport {
        TrainingsReport(results: try requireStore().trainings())
    }

    /// Deletes a recorded training.
    ///
    /// - Throws: `PlannerError` when no training has the id.
    public func deleteTraining(id: Int64) async throws -> TrainingDeletionReport {
        guard try requireStore().deleteTraining(id: id) else {
            throw PlannerError("no training has id \(id)", hint: "see the ids with `tourplan trainings list`")
        }
        return TrainingDeletionReport(id: id)
    }

    /// The response and retention rates estimated from the recorded trainings, with the settings'
    /// rates as priors.
    ///
    /// - Parameter settingsFile: a markers settings file, else the bundled settings.
    /// - Returns: the fitted rates over the recorded trainings.
    /// - Throws: `PlannerError` for an unreadable file or no store, `SettingsError` for a bad file.
    public func fitChapterModel(settingsFile: String?) async throws -> ChapterFitReport {
        let parameters = try markerSettings(file: settingsFile).chapterModel
        return ChapterFitReport(fit: ChapterFit.fit(try requireStore().trainings(), parameters: parameters))
    }

    /// The markers settings: `file` when given, else the bundled ones.
    ///
    /// - Throws: `PlannerError` for an unreadable file, `SettingsError` for a bad one.
    package func markerSettings(file: String?) throws -> MarkerSettings {
        guard let file else { return resources.markers }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw PlannerError("\(file): cannot be read", hint: "check the --settings path")
        }
        return try MarkerSettings.parse(text, fileName: file)
    }

    /// The chapter model's parameters: the settings' rates, replaced by those fitted from the
    /// store's recorded trainings.
    ///
    /// - Throws: the store's errors.
    package func chapterModel(settings: MarkerSettings) throws -> ChapterModelParameters {
        settings.chapterModel.fitted(to: try requireStore().trainings())
    }

    private static func check(_ result: TrainingResult) throws {
        if let problem = result.countProblem {
            throw PlannerError(
                "training in \(result.metro): \(problem)", hint: "correct the counts and run the command again")
        }
    }
}
