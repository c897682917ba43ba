import Foundation

/// Each candidate's chances for `tour plan --objective chapters`, from the store (bundled markers
/// settings with the rates fitted from recorded trainings).
enum TourChapters {
    static func chances(
        for candidates: [TourCandidate], store: TourDatabase, context: RankingContext, settings: MarkerSettings
    ) throws -> [VisitChances] {
        let trainings = try store.trainings()
        let model = settings.chapterModel.fitted(to: trainings)
        let ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: [], base: nil,
            weights: RankingWeights(), minWomenShare: settings.chapterMinWomenShare, chapterModel: model,
            uncontactable: try store.uncontactableUnaffiliated())
        return ChapterTourPlanner.chances(
            for: candidates, ranking: ranking, trainings: trainings, parameters: model)
    }
}
