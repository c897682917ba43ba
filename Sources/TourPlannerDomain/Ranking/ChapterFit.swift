import Foundation

/// The response and retention rates estimated from recorded trainings (`tourplan trainings fit`).
///
/// Each rate is the posterior mode under a Beta prior centred on the configured default, so a
/// handful of trainings moves it only a little:
///
/// - **Response** r: prior Beta(α, β) with mean r₀ (the setting) and weight 40 invitations
///   (α = 40·r₀, β = 40·(1 − r₀)). With A attendees out of I invitations over the trainings that
///   recorded both, the posterior is Beta(α + A, β + I − A) and its mode
///   (α + A − 1) / (α + β + I − 2). Its uncertainty is the posterior's standard deviation.
/// - **Retention** k: prior Beta with mean k₀ and weight 10. A training whose chapter is known to be
///   founded or not contributes P(founded | its N attendees, W women, k) or its complement, where
///   P(founded) is the chapter rule applied to Bin(W, k) women and Bin(N − W, k) others who keep
///   meeting. The mode is found on a grid of 0.001 and refined; the uncertainty is the Laplace
///   approximation's standard deviation (from the log posterior's curvature at the mode).
/// - Remote trainings are left out (they follow their own factors); pending chapters are left out
///   of the retention estimate.
public struct ChapterFit: Hashable, Sendable, Codable {
    /// A fitted rate: the estimate, its standard deviation, and how many trainings informed it.
    public struct Estimate: Hashable, Sendable, Codable {
        /// The posterior mode, a rate in 0…1.
        package var value: Double
        /// Its uncertainty: the posterior standard deviation (response) or the Laplace approximation's (retention).
        package var standardDeviation: Double
        /// The prior mean: the rate from the settings.
        package var prior: Double
        /// Trainings whose counts informed this rate.
        package var trainingsUsed: Int
    }

    /// The fitted response rate r (members who come when invited).
    package var response: Estimate
    /// The fitted retention rate k (attendees who keep meeting monthly).
    package var retention: Estimate
    /// Trainings recorded, and those left out (remote, or with no usable counts).
    package var trainingsRecorded: Int

    /// Prior weights, in invitations (response) and in trainings' worth of evidence (retention).
    package static let responsePriorWeight = 40.0
    /// Weight of the retention prior, in trainings' worth of evidence (Beta(10·k₀, 10·(1 − k₀))).
    package static let retentionPriorWeight = 10.0

    /// Fits both rates from the results.
    ///
    /// - Complexity: O(g·t·a²) for a grid of g points, t trainings and a attendees at most.
    package static func fit(_ results: [TrainingResult], parameters: ChapterModelParameters) -> ChapterFit {
        let inPerson = results.filter { $0.kind != .remote && $0.countProblem == nil }
        // Response: conjugate Beta–binomial.
        let responseUsed = inPerson.filter { $0.invited > 0 }
        let attended = Double(responseUsed.reduce(0) { $0 + $1.attended })
        let invited = Double(responseUsed.reduce(0) { $0 + $1.invited })
        let alpha = max(responsePriorWeight * parameters.responseRate, 1.0001) + attended
        let beta = max(responsePriorWeight * (1 - parameters.responseRate), 1.0001) + invited - attended
        let responseMode = (alpha - 1) / (alpha + beta - 2)
        let responseSD = (alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1))).squareRoot()

        // Retention: Beta prior × the chapter rule's likelihood of each decided training.
        let decided = inPerson.filter { $0.chapterFounded != .pending }
        let priorAlpha = max(retentionPriorWeight * parameters.retentionRate, 1.0001)
        let priorBeta = max(retentionPriorWeight * (1 - parameters.retentionRate), 1.0001)
        func logPosterior(_ k: Double) -> Double {
            var sum = (priorAlpha - 1) * log(k) + (priorBeta - 1) * log1p(-k)
            for training in decided {
                let founded = ChapterModel.chapterProbability(
                    women: .binomial(trials: training.women, probability: k),
                    others: .binomial(trials: training.attended - training.women, probability: k),
                    minMembers: parameters.minMembers, minWomenShare: parameters.minWomenShare)
                let likelihood = training.chapterFounded == .yes ? founded : 1 - founded
                sum += log(max(likelihood, 1e-300))
            }
            return sum
        }
        var best = 0.5
        var bestValue = -Double.infinity
        for step in 1..<1000 {
            let k = Double(step) / 1000
            let value = logPosterior(k)
            if value > bestValue {
                bestValue = value
                best = k
            }
        }
        // Golden-section refinement within one grid step either side.
        var low = max(0.0005, best - 0.001)
        var high = min(0.9995, best + 0.001)
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<40 {
            let a = high - ratio * (high - low)
            let b = low + ratio * (high - low)
            if logPosterior(a) >= logPosterior(b) { high = b } else { low = a }
        }
        let retentionMode = (low + high) / 2
        let h = 1e-4
        let curvature =
            (logPosterior(min(retentionMode + h, 0.9999)) - 2 * logPosterior(retentionMode)
                + logPosterior(max(retentionMode - h, 0.0001))) / (h * h)
        let retentionSD = curvature < 0 ? (-1 / curvature).squareRoot() : 0.5
        return ChapterFit(
            response: Estimate(
                value: responseMode, standardDeviation: responseSD, prior: parameters.responseRate,
                trainingsUsed: responseUsed.count),
            retention: Estimate(
                value: retentionMode, standardDeviation: retentionSD, prior: parameters.retentionRate,
                trainingsUsed: decided.count),
            trainingsRecorded: results.count)
    }

    /// The parameters with the fitted rates in place of the defaults (only where trainings informed them).
    package func applied(to parameters: ChapterModelParameters) -> ChapterModelParameters {
        var fitted = parameters
        if response.trainingsUsed > 0 { fitted.responseRate = response.value }
        if retention.trainingsUsed > 0 { fitted.retentionRate = retention.value }
        return fitted
    }
}

extension ChapterModelParameters {
    /// These parameters with the rates fitted from `results` in place of the defaults (unchanged
    /// when no training is recorded): what ranking and planning use.
    package func fitted(to results: [TrainingResult]) -> ChapterModelParameters {
        results.isEmpty ? self : ChapterFit.fit(results, parameters: self).applied(to: self)
    }
}
