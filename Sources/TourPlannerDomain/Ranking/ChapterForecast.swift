import TourPlannerCore

/// How many chapters the organization may have after a tour (`tourplan markers --forecast`): the
/// chapters that meet the definition today plus each planned training's chance of founding one,
/// combined exactly (Poisson-binomial), and the chance of reaching the chapter marker by its deadline.
public struct ChapterForecast: Hashable, Sendable, Codable {
    /// One planned training and its chance.
    public struct Training: Hashable, Sendable, Codable {
        /// The metro of the training.
        package var metro: String
        /// The date of the training (compared with the deadline).
        package var date: CalendarDate
        /// How the metro is visited (in person, remote or follow-up).
        package var kind: VisitKind
        /// The chance in 0…1 that the training founds a chapter.
        package var probability: Double
        /// False when the training falls after the deadline (it does not count toward the marker).
        package var beforeDeadline: Bool

        /// Creates a training entry (`beforeDeadline` is set by ``ChapterForecast/make(existingChapters:trainings:target:deadline:)``).
        package init(
            metro: String, date: CalendarDate, kind: VisitKind, probability: Double, beforeDeadline: Bool = true
        ) {
            self.metro = metro
            self.date = date
            self.kind = kind
            self.probability = probability
            self.beforeDeadline = beforeDeadline
        }
    }

    /// P(exactly `chapters` chapters after the tour).
    package struct Outcome: Hashable, Sendable, Codable {
        /// The number of chapters (existing ones included).
        package var chapters: Int
        /// Its probability.
        package var probability: Double
    }

    /// Chapters that meet the definition today.
    package var existingChapters: Int
    /// The chapter marker (`[targets] chapters`).
    package var target: Int
    /// The date by which the marker counts (`[targets] deadline`); nil counts every training.
    package var deadline: CalendarDate?
    /// The planned trainings with their chances, in plan order.
    package var trainings: [Training]
    /// The distribution of the number of chapters after every planned training.
    package var distribution: [Outcome]
    /// Existing chapters plus the sum of the trainings' chances.
    package var expectedChapters: Double
    /// P(at least `target` chapters, counting only trainings on or before the deadline).
    package var probabilityOfReachingTarget: Double

    /// Makes the forecast.
    ///
    /// - Parameters:
    ///   - existingChapters: chapters that meet the definition now.
    ///   - trainings: the plan's trainings with their probabilities (`beforeDeadline` is recomputed).
    ///   - target: the chapter marker (20).
    ///   - deadline: the markers' deadline; nil counts every training.
    /// - Returns: the distribution of the number of chapters after every training, its mean, and the
    ///   chance of reaching `target` with the trainings on or before the deadline.
    /// - Complexity: O(n²) for n trainings.
    package static func make(
        existingChapters: Int, trainings: [Training], target: Int, deadline: CalendarDate?
    ) -> ChapterForecast {
        var marked = trainings
        for index in marked.indices {
            marked[index].beforeDeadline = deadline.map { marked[index].date <= $0 } ?? true
        }
        let all = CountDistribution.poissonBinomial(marked.map(\.probability))
        let counted = CountDistribution.poissonBinomial(marked.filter(\.beforeDeadline).map(\.probability))
        let distribution = all.probabilities.enumerated().map {
            Outcome(chapters: existingChapters + all.offset + $0.offset, probability: $0.element)
        }
        return ChapterForecast(
            existingChapters: existingChapters, target: target, deadline: deadline, trainings: marked,
            distribution: distribution, expectedChapters: Double(existingChapters) + all.mean,
            probabilityOfReachingTarget: min(1, counted.probability(atLeast: target - existingChapters)))
    }
}
