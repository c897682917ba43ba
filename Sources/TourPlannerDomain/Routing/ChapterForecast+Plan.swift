extension ChapterForecast {
    /// A plan's trainings with their chances: the chance and kind a chapters plan recorded, else
    /// the in-person chance from `ranking` (made with the chapter model); a chapters plan's remote
    /// trainings too.
    package static func trainings(of plan: TourPlan, ranking: MetroRanking) -> [Training] {
        var trainings: [Training] = []
        for stop in plan.trips.flatMap(\.stops) {
            let ranked = ranking.metros.first {
                $0.metro == stop.metro && ($0.country == stop.countryCode || stop.countryCode == nil)
            }
            trainings.append(
                Training(
                    metro: stop.metro, date: stop.date, kind: stop.visit ?? .inPerson,
                    probability: stop.chapterProbability ?? ranked?.chapter?.probability ?? 0))
        }
        for remote in plan.remoteTrainings ?? [] {
            trainings.append(
                Training(metro: remote.metro, date: remote.date, kind: .remote, probability: remote.probability))
        }
        return trainings.sorted { ($0.date, $0.metro) < ($1.date, $1.metro) }
    }
}
