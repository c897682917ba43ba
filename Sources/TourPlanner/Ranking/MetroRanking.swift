import TourPlannerCore

/// Member counts of one raw place key (the `placeStats` table).
public struct PlaceMemberStats: Hashable, Sendable {
    public var placeKey: String
    public var members: Int
    public var unaffiliated: Int
    public var organizers: Int
    public var hosts: Int
    public var unaffiliatedWomen: Int
    public var unaffiliatedGenderStated: Int
    public init(
        placeKey: String, members: Int, unaffiliated: Int, organizers: Int, hosts: Int, unaffiliatedWomen: Int,
        unaffiliatedGenderStated: Int
    ) {
        self.placeKey = placeKey
        self.members = members
        self.unaffiliated = unaffiliated
        self.organizers = organizers
        self.hosts = hosts
        self.unaffiliatedWomen = unaffiliatedWomen
        self.unaffiliatedGenderStated = unaffiliatedGenderStated
    }
}

/// One ranked metro with every score component (the rows of `tourplan rank`).
public struct RankedMetro: Hashable, Sendable, Codable {
    public var rank: Int
    public var metro: String
    public var country: String?
    public var cities: [String]
    public var latitude: Double
    public var longitude: Double
    public var timeZone: String?
    public var unaffiliated: Int
    public var organizers: Int
    public var hosts: Int
    /// Women among unaffiliated members who stated a gender; nil when nobody did.
    public var womenShare: Double?
    /// Women the unaffiliated pool lacks for the 30% rule (0 when it already meets it).
    public var womenNeeded: Int?
    public var nearestChapter: String?
    public var nearestChapterKm: Double?
    public var baseKm: Double?
    public var score: Double
    /// The chance that a training here founds a chapter, with its terms (README "Chapter model").
    public var chapter: ChapterChance?
    /// The chapter model's pool (contactable unaffiliated members) when the chance was computed.
    public var pool: ChapterPool?
}

/// How `rank` orders metros.
public enum RankOrder: String, Hashable, Sendable, Codable, CaseIterable {
    /// By the weighted score (default: unaffiliated members).
    case score
    /// By the chance that a training founds a chapter, then by score.
    case chapters
}

/// The ranking and what it could not place.
public struct MetroRanking: Hashable, Sendable, Codable {
    public var metros: [RankedMetro]
    public var weights: RankingWeights
    /// Members whose place did not resolve: counted, never silently dropped.
    public var unresolvedMembers: Int
    public var unresolvedUnaffiliated: Int
    public var unresolvedPlaces: Int
    public var totalUnaffiliated: Int

    /// Ranks metros by the weighted score (default: unaffiliated members), ties broken by
    /// organizers, hosts, then name.
    ///
    /// - Parameters:
    ///   - metros: the metro areas (from `MetroClustering`).
    ///   - stats: member counts per raw place key; keys in no metro count as unresolved.
    ///   - chapters: existing chapters' locations (name, point).
    ///   - base: the tour's base, for `baseKm`.
    ///   - minWomenShare: the chapter rule's share of women (0.30).
    ///   - chapterModel: when given, each metro's chance of founding a chapter (``ChapterModel``).
    ///   - order: by score (default) or by that chance.
    ///   - uncontactable: unaffiliated members per place key who must not be contacted (do-not-contact,
    ///     deceased): they stay in the counts but leave the chapter model's pool.
    /// - Complexity: O(m·c + s) for m metros, c chapters and s place keys, plus the chapter model's
    ///   O(w²) per metro.
    public static func make(
        metros: [MetroGroup], stats: [PlaceMemberStats], chapters: [(name: String, point: GeoPoint)],
        base: GeoPoint?, weights: RankingWeights, minWomenShare: Double = 0.30,
        chapterModel: ChapterModelParameters? = nil, order: RankOrder = .score, uncontactable: [String: Int] = [:]
    ) -> MetroRanking {
        var metroOfKey: [String: Int] = [:]
        for (index, metro) in metros.enumerated() {
            for key in metro.placeKeys { metroOfKey[key] = index }
        }
        var sums = Array(
            repeating: PlaceMemberStats(
                placeKey: "", members: 0, unaffiliated: 0, organizers: 0, hosts: 0, unaffiliatedWomen: 0,
                unaffiliatedGenderStated: 0), count: metros.count)
        var excluded = Array(repeating: 0, count: metros.count)
        for (key, count) in uncontactable {
            if let index = metroOfKey[key] { excluded[index] += count }
        }
        var unresolvedMembers = 0
        var unresolvedUnaffiliated = 0
        var unresolvedPlaces = 0
        var totalUnaffiliated = 0
        for stat in stats {
            totalUnaffiliated += stat.unaffiliated
            guard let index = metroOfKey[stat.placeKey] else {
                unresolvedMembers += stat.members
                unresolvedUnaffiliated += stat.unaffiliated
                unresolvedPlaces += 1
                continue
            }
            sums[index].members += stat.members
            sums[index].unaffiliated += stat.unaffiliated
            sums[index].organizers += stat.organizers
            sums[index].hosts += stat.hosts
            sums[index].unaffiliatedWomen += stat.unaffiliatedWomen
            sums[index].unaffiliatedGenderStated += stat.unaffiliatedGenderStated
        }
        var ranked: [RankedMetro] = []
        for (index, metro) in metros.enumerated() where sums[index].members > 0 {
            let sum = sums[index]
            let share =
                sum.unaffiliatedGenderStated > 0
                ? Double(sum.unaffiliatedWomen) / Double(sum.unaffiliatedGenderStated) : nil
            var needed: Int?
            if sum.unaffiliatedGenderStated > 0 {
                var extra = 0
                while minWomenShare < 1,
                    Double(sum.unaffiliatedWomen + extra) < minWomenShare * Double(sum.unaffiliatedGenderStated + extra)
                        - 1e-9
                { extra += 1 }
                needed = extra
            }
            let pool = ChapterPool(
                members: max(0, sum.unaffiliated - excluded[index]), organizers: sum.organizers, hosts: sum.hosts,
                genderStated: sum.unaffiliatedGenderStated, women: sum.unaffiliatedWomen)
            let nearest = chapters.map { ($0.name, metro.center.distanceKm(to: $0.point)) }.min {
                ($0.1, $0.0) < ($1.1, $1.0)
            }
            let baseKm = base.map { metro.center.distanceKm(to: $0) }
            let gapPoints = max(0, minWomenShare - (share ?? minWomenShare)) * 100
            var score =
                weights.unaffiliated * Double(sum.unaffiliated) + weights.organizers * Double(sum.organizers)
                + weights.hosts * Double(sum.hosts) - weights.womenGap * gapPoints
            if let nearest {
                score += weights.nearestChapter * min(nearest.1, 500) / 100
            } else {
                score += weights.nearestChapter * 5
            }
            if let baseKm { score -= weights.baseDistance * baseKm / 100 }
            ranked.append(
                RankedMetro(
                    rank: 0, metro: metro.name, country: metro.countryCode, cities: metro.cities,
                    latitude: metro.center.latitude, longitude: metro.center.longitude, timeZone: metro.timeZone,
                    unaffiliated: sum.unaffiliated, organizers: sum.organizers, hosts: sum.hosts, womenShare: share,
                    womenNeeded: needed, nearestChapter: nearest?.0,
                    nearestChapterKm: nearest.map { ($0.1 * 10).rounded() / 10 },
                    baseKm: baseKm.map { ($0 * 10).rounded() / 10 }, score: (score * 1000).rounded() / 1000,
                    chapter: chapterModel.map { ChapterModel.chance(pool: pool, parameters: $0) },
                    pool: chapterModel == nil ? nil : pool))
        }
        ranked.sort {
            let left = order == .chapters ? $0.chapter?.probability ?? 0 : 0
            let right = order == .chapters ? $1.chapter?.probability ?? 0 : 0
            return (right, $1.score, $1.organizers, $1.hosts, $0.metro, $0.country ?? "") < (
                left, $0.score, $0.organizers, $0.hosts, $1.metro, $1.country ?? ""
            )
        }
        for index in ranked.indices { ranked[index].rank = index + 1 }
        return MetroRanking(
            metros: ranked, weights: weights, unresolvedMembers: unresolvedMembers,
            unresolvedUnaffiliated: unresolvedUnaffiliated,
            unresolvedPlaces: unresolvedPlaces, totalUnaffiliated: totalUnaffiliated)
    }
}
