import TourPlannerCore

/// Member counts of one raw place key (the `placeStats` table).
package struct PlaceMemberStats: Hashable, Sendable {
    /// The raw place key (``PlaceKey/rawValue``: city, region and country joined by U+001F).
    package var placeKey: String
    /// All members with this place, affiliated or not.
    package var members: Int
    /// Members with this place who belong to no chapter.
    package var unaffiliated: Int
    /// Unaffiliated members who said they would organize.
    package var organizers: Int
    /// Members (affiliated or not) who offered to host.
    package var hosts: Int
    /// Unaffiliated members who stated the gender woman.
    package var unaffiliatedWomen: Int
    /// Unaffiliated members who stated any gender.
    package var unaffiliatedGenderStated: Int
    /// Creates the counts of one place key.
    package init(
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
    /// Position in the ranking, 1 = best.
    public var rank: Int
    /// Metro name (its most populous city).
    public var metro: String
    /// ISO 3166-1 alpha-2 country code of the metro.
    public var country: String?
    /// Names of the metro's member cities, sorted.
    public var cities: [String]
    /// Latitude of the metro's center (its anchor city) in decimal degrees.
    package var latitude: Double
    /// Longitude of the metro's center (its anchor city) in decimal degrees.
    package var longitude: Double
    /// IANA time zone of the metro's anchor city.
    package var timeZone: String?
    /// Members in the metro who belong to no chapter: the primary factor of the score.
    public var unaffiliated: Int
    /// Unaffiliated members in the metro who said they would organize.
    public var organizers: Int
    /// Members in the metro, affiliated or not, who offered to host.
    public var hosts: Int
    /// Women among unaffiliated members who stated a gender; nil when nobody did.
    public var womenShare: Double?
    /// Women the unaffiliated pool lacks for the 30% rule (0 when it already meets it).
    public var womenNeeded: Int?
    /// Name of the nearest existing chapter, if any chapter has a location.
    public var nearestChapter: String?
    /// Great-circle km from the metro's center to the nearest chapter, rounded to 0.1.
    public var nearestChapterKm: Double?
    /// Great-circle km from the tour's base to the metro's center, rounded to 0.1 (nil without a base).
    public var baseKm: Double?
    /// The weighted score (README "Ranking model"), rounded to 0.001.
    public var score: Double
    /// The chance that a training here founds a chapter, with its terms (README "Chapter model").
    public var chapter: ChapterChance?
    /// The chapter model's pool (contactable unaffiliated members) when the chance was computed.
    package var pool: ChapterPool?
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
    /// Metros with at least one member, best first.
    public var metros: [RankedMetro]
    /// The weights the score was computed with.
    package var weights: RankingWeights
    /// Members whose place did not resolve: counted, never silently dropped.
    public var unresolvedMembers: Int
    /// Unaffiliated members among ``unresolvedMembers``.
    public var unresolvedUnaffiliated: Int
    /// Number of distinct raw place keys that fell in no metro.
    public var unresolvedPlaces: Int
    /// Unaffiliated members in all stats, resolved or not.
    public var totalUnaffiliated: Int

    /// Ranks metros by the weighted score (default: unaffiliated members), ties broken by
    /// organizers, hosts, then name.
    ///
    /// - Parameters:
    ///   - metros: the metro areas (from `MetroClustering`).
    ///   - stats: member counts per raw place key; keys in no metro count as unresolved.
    ///   - chapters: existing chapters' locations (name, point).
    ///   - base: the tour's base, for `baseKm`.
    ///   - weights: the weights of the score's terms.
    ///   - minWomenShare: the chapter rule's share of women (0.30).
    ///   - chapterModel: when given, each metro's chance of founding a chapter (``ChapterModel``).
    ///   - order: by score (default) or by that chance.
    ///   - uncontactable: unaffiliated members per place key who must not be contacted (do-not-contact,
    ///     deceased): they stay in the counts but leave the chapter model's pool.
    /// - Returns: the ranking, one row per metro in `order`.
    /// - Complexity: O(m·c + s) for m metros, c chapters and s place keys, plus the chapter model's
    ///   O(w²) per metro.
    package static func make(
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
