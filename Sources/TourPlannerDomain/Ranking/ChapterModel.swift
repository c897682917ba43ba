import Foundation

/// The people a training in one metro can draw on: its unaffiliated members who may be contacted
/// (members marked do-not-contact or deceased are never in the pool).
package struct ChapterPool: Hashable, Sendable, Codable {
    /// Unaffiliated, contactable members (organizers included).
    package var members: Int
    /// Of them, members who said they would organize.
    package var organizers: Int
    /// Members anywhere in the metro who offered to host (a place to meet).
    package var hosts: Int
    /// Unaffiliated members who stated a gender, and the women among them.
    package var genderStated: Int
    /// Women among ``genderStated``.
    package var women: Int

    /// Creates a pool; counts below zero are read as zero and organizers are capped at members.
    package init(members: Int, organizers: Int = 0, hosts: Int = 0, genderStated: Int = 0, women: Int = 0) {
        self.members = max(0, members)
        self.organizers = min(max(0, organizers), self.members)
        self.hosts = max(0, hosts)
        self.genderStated = max(0, genderStated)
        self.women = min(max(0, women), self.genderStated)
    }
}

/// The chapter rule and the behaviour rates of the chapter model (README "Chapter model").
///
/// Every rate is a probability from 0 to 1; the defaults are the organization's experience:
/// about 5–10% of online members answer an invitation, organizers far more often.
package struct ChapterModelParameters: Hashable, Sendable, Codable {
    /// Share of invited members (not organizers) who come to the training.
    package var responseRate: Double = 0.075
    /// Share of invited organizers who come.
    package var organizerResponseRate: Double = 0.35
    /// Share of attendees (not organizers) who keep meeting monthly.
    package var retentionRate: Double = 0.5
    /// Share of attending organizers who keep meeting.
    package var organizerRetentionRate: Double = 0.8
    /// Relative rise of both retention rates when at least one member offers to host (capped at 1).
    package var hostRetentionLift: Double = 0.2
    /// Women's share assumed for a metro where nobody stated a gender.
    package var defaultWomenShare: Double = 0.5
    /// A remote training (by video) multiplies the response rates by this (`remote_response_factor`,
    /// default 0.5).
    package var remoteResponseFactor: Double = 0.5
    /// A remote training multiplies the retention rates by this (`remote_retention_factor`, default 0.6).
    package var remoteRetentionFactor: Double = 0.6
    /// A follow-up visit to a metro trained before multiplies the retention rates by this
    /// (capped at 1).
    package var followUpRetentionFactor: Double = 1.5
    /// The chapter rule: at least this many members, with at least this share of women.
    package var minMembers: Int = 5
    /// Minimum share of women among members who stated a gender (`[chapter] min_women_share`, default 0.30).
    package var minWomenShare: Double = 0.30

    /// The defaults above.
    package init() {}
}

/// How a metro is visited (in person, by video, or a second visit after an earlier training).
public enum VisitKind: String, Hashable, Sendable, Codable, CaseIterable {
    case inPerson = "in-person"
    case remote
    case followUp = "follow-up"
}

/// The chance that one training founds a chapter, with the terms that make it (`rank --explain`).
public struct ChapterChance: Hashable, Sendable, Codable {
    /// P(the training founds a chapter): enough members keep meeting, with enough women among them.
    public var probability: Double
    /// Expected attendees: the pool's members and organizers times their response rates.
    package var expectedAttendees: Double
    /// Expected members who keep meeting monthly.
    package var expectedContinuing: Double
    /// P(at least the minimum number keep meeting), whatever their gender.
    package var probabilityOfMinimumSize: Double
    /// The women's share the model used (stated, or the default when nobody stated a gender).
    package var womenShareUsed: Double
    /// Probability that an invited member (not an organizer) comes and keeps meeting: r·k, after the
    /// host lift and the visit kind's factors, capped at 1.
    package var memberContinuationProbability: Double
    /// Probability that an invited organizer comes and keeps meeting: r_o·k_o, adjusted the same way.
    package var organizerContinuationProbability: Double
}

/// The chapter model: the probability that a training in a metro founds a chapter.
///
/// Every member of the pool is invited. A member (organizer) comes with probability r (r_o) and,
/// having come, keeps meeting with probability k (k_o); with a host in the metro both k are
/// multiplied by 1 + lift (capped at 1). So a member keeps meeting with p = r·k, independently
/// of the others. Women are split off by the metro's stated share s (rounded: w = round(n·s) in
/// each class). With X the women and Y the others who keep meeting,
///
///     X = Bin(w_o, p_o) + Bin(w_r, p_r),  Y = Bin(n_o − w_o, p_o) + Bin(n_r − w_r, p_r)
///     P(chapter) = Σ_x P(X = x) · P(max(0, m − x) ≤ Y ≤ ⌊x·(1 − σ)/σ⌋)
///
/// for the rule "at least m members and a share σ of women". Binomials are summed in log space and
/// truncated where a term falls under 1e-13, so the answer is exact to about 1e-9 and the same
/// on every run.
package enum ChapterModel {
    /// The chance that a training of the given kind founds a chapter in a metro with this pool.
    ///
    /// - Complexity: O(w²) where w is the width of the kept binomial support (about 15·√(n·p)).
    package static func chance(
        pool: ChapterPool, parameters: ChapterModelParameters, kind: VisitKind = .inPerson
    ) -> ChapterChance {
        let share =
            pool.genderStated > 0
            ? Double(pool.women) / Double(pool.genderStated) : parameters.defaultWomenShare
        var responseFactor = 1.0
        var retentionFactor = pool.hosts > 0 ? 1 + parameters.hostRetentionLift : 1
        switch kind {
        case .inPerson: break
        case .remote:
            responseFactor = parameters.remoteResponseFactor
            retentionFactor *= parameters.remoteRetentionFactor
        case .followUp: retentionFactor *= parameters.followUpRetentionFactor
        }
        func clamp(_ value: Double) -> Double { min(max(value, 0), 1) }
        let memberAttends = clamp(parameters.responseRate * responseFactor)
        let organizerAttends = clamp(parameters.organizerResponseRate * responseFactor)
        let memberKeeps = memberAttends * clamp(parameters.retentionRate * retentionFactor)
        let organizerKeeps = organizerAttends * clamp(parameters.organizerRetentionRate * retentionFactor)

        let organizers = pool.organizers
        let regular = pool.members - organizers
        let womenOrganizers = min(organizers, Int((Double(organizers) * share).rounded()))
        let womenRegular = min(regular, Int((Double(regular) * share).rounded()))
        let women = CountDistribution.binomial(trials: womenOrganizers, probability: organizerKeeps)
            .adding(.binomial(trials: womenRegular, probability: memberKeeps))
        let others = CountDistribution.binomial(trials: organizers - womenOrganizers, probability: organizerKeeps)
            .adding(.binomial(trials: regular - womenRegular, probability: memberKeeps))
        let total = women.adding(others)
        let probability = chapterProbability(
            women: women, others: others, minMembers: parameters.minMembers, minWomenShare: parameters.minWomenShare)
        return ChapterChance(
            probability: probability,
            expectedAttendees: Double(regular) * memberAttends + Double(organizers) * organizerAttends,
            expectedContinuing: Double(regular) * memberKeeps + Double(organizers) * organizerKeeps,
            probabilityOfMinimumSize: min(1, total.probability(atLeast: parameters.minMembers)),
            womenShareUsed: share, memberContinuationProbability: memberKeeps,
            organizerContinuationProbability: organizerKeeps)
    }

    /// P(X + Y ≥ m and X ≥ σ·(X + Y)) for independent counts X (women) and Y (others).
    ///
    /// - Complexity: O(width of X + width of Y).
    static func chapterProbability(
        women: CountDistribution, others: CountDistribution, minMembers: Int, minWomenShare: Double
    ) -> Double {
        let cumulative = others.cumulative
        func othersAtMost(_ value: Int) -> Double {
            let index = value - others.offset
            if index < 0 { return 0 }
            return cumulative[min(index, cumulative.count - 1)]
        }
        var sum = 0.0
        for (index, term) in women.probabilities.enumerated() where term > 0 {
            let x = women.offset + index
            let low = max(0, minMembers - x)
            let high: Int
            if minWomenShare <= 0 {
                high = Int.max / 2
            } else if minWomenShare >= 1 {
                high = 0
            } else {
                // x ≥ σ(x + y)  ⇔  y ≤ x(1 − σ)/σ; the epsilon keeps 3 ≥ 0.3·10 on the right side.
                high = Int((Double(x) * (1 - minWomenShare) / minWomenShare + 1e-9).rounded(.down))
            }
            guard high >= low else { continue }
            sum += term * (othersAtMost(high) - othersAtMost(low - 1))
        }
        return min(max(sum, 0), 1)
    }
}
