import Foundation
import TourPlanner

/// Each candidate's chances for `tour plan --objective chapters`: from the chapter model (bundled
/// markers settings, with the rates fitted from recorded trainings) on the store's members.
enum TourChapters {
    static func chances(for candidates: [TourCandidate], store: TourDatabase, context: RankingContext) throws
        -> [VisitChances]
    {
        let settings = try MarkerSettings.loadBundled()
        let model = try ChapterSettingsLoader.parameters(settings: settings, store: store)
        let ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: [], base: nil,
            weights: RankingWeights(), minWomenShare: settings.chapterMinWomenShare, chapterModel: model,
            uncontactable: try store.uncontactableUnaffiliated())
        let trained = Set(try store.trainings().filter { $0.kind != .remote }.map { TextFolding.fold($0.metro) })
        return candidates.map { candidate in
            guard
                let metro = ranking.metros.first(where: {
                    $0.metro == candidate.metro && $0.country == candidate.countryCode
                }), let pool = metro.pool
            else { return VisitChances(visit: .inPerson, visitProbability: 0, remoteProbability: 0) }
            let kind: VisitKind = trained.contains(TextFolding.fold(candidate.metro)) ? .followUp : .inPerson
            return VisitChances(
                visit: kind,
                visitProbability: ChapterModel.chance(pool: pool, parameters: model, kind: kind).probability,
                remoteProbability: ChapterModel.chance(pool: pool, parameters: model, kind: .remote).probability)
        }
    }
}
