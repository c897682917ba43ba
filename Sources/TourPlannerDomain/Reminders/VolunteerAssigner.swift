import Foundation
import TourPlannerCore

/// Who makes a member's calls.
///
/// A member keeps the volunteer they already have (across the rhythm and across re-runs) while
/// that volunteer's calling hours fit the member's calls; otherwise the member goes to the
/// volunteer with the fewest members so far whose hours fit every call and who has room under
/// their daily maximum on those days, preferring those sharing a language with the member, ties
/// by name. When every fitting volunteer is full, the least loaded fitting one takes the member
/// and the days are reported as over capacity.
struct VolunteerAssigner {
    let volunteers: [Volunteer]
    private var volunteerOf: [MemberID: String] = [:]
    private let indexOf: [String: Int]
    private var load: [Int]
    private var dayLoad: [[Int: Int]]
    private(set) var overloaded = Set<String>()
    private let languageSets: [Set<String>]
    /// Each volunteer's position in name order: ties are broken by name without comparing strings.
    private let nameRank: [Int]
    /// Volunteers sharing a language, per distinct language list (computed once each).
    private var poolOf: [[String]: [Int]] = [:]

    /// The outcome of assigning one member.
    enum Assignment: Equatable {
        /// There are no volunteers at all: the member keeps the name they had, or none.
        case unassigned(String)
        case volunteer(Int)
        /// No volunteer's calling hours fit the member's calls.
        case noFit
    }

    init(volunteers: [Volunteer], existing: [String: ReminderTask]) {
        self.volunteers = volunteers
        for task in existing.values where !task.volunteer.isEmpty { volunteerOf[task.memberId] = task.volunteer }
        indexOf = Dictionary(
            volunteers.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        load = [Int](repeating: 0, count: volunteers.count)
        dayLoad = [[Int: Int]](repeating: [:], count: volunteers.count)
        languageSets = volunteers.map { Set($0.languages.map(ReminderRules.languageCode)) }
        var rank = [Int](repeating: 0, count: volunteers.count)
        for (position, index) in volunteers.indices.sorted(by: { volunteers[$0].name < volunteers[$1].name })
            .enumerated()
        {
            rank[index] = position
        }
        nameRank = rank
        for (_, name) in volunteerOf { if let index = indexOf[name] { load[index] += 1 } }
    }

    /// Assigns `invitee`, whose calls fall on `callDays` (UTC day numbers); `fits(v)` says
    /// whether volunteer `v`'s hours fit every call.
    mutating func assign(_ invitee: Invitee, callDays: [Int], fits: (Int) -> Bool) -> Assignment {
        guard !volunteers.isEmpty else { return .unassigned(volunteerOf[invitee.memberID] ?? "") }
        if let name = volunteerOf[invitee.memberID], let index = indexOf[name], fits(index) {
            book(index, callDays)
            return .volunteer(index)
        }
        let pool: [Int]
        if let cached = poolOf[invitee.languages] {
            pool = cached
        } else {
            let languages = Set(invitee.languages.map(ReminderRules.languageCode))
            let sharing = volunteers.indices.filter { !languageSets[$0].isDisjoint(with: languages) }
            pool = sharing.isEmpty ? Array(volunteers.indices) : sharing
            poolOf[invitee.languages] = pool
        }
        // One pass, no allocation: the least loaded (then by name) in four tiers: sharing a
        // language with room, anyone with room, sharing a language, anyone; fitting hours always.
        var best: (Int?, Int?, Int?, Int?) = (nil, nil, nil, nil)
        func better(_ index: Int, than current: Int?) -> Bool {
            guard let current else { return true }
            return (load[index], nameRank[index]) < (load[current], nameRank[current])
        }
        var poolIterator = pool.makeIterator()
        var nextInPool = poolIterator.next()
        for index in volunteers.indices {
            let sharing = nextInPool == index
            if sharing { nextInPool = poolIterator.next() }
            guard fits(index) else { continue }
            let first = sharing && better(index, than: best.0)
            let second = better(index, than: best.1)
            if first || second, hasRoom(index, callDays) {
                if first { best.0 = index }
                if second { best.1 = index }
            }
            if sharing && better(index, than: best.2) { best.2 = index }
            if better(index, than: best.3) { best.3 = index }
        }
        guard let chosen = best.0 ?? best.1 ?? best.2 ?? best.3 else { return .noFit }
        if let name = volunteerOf[invitee.memberID], let previous = indexOf[name] { load[previous] -= 1 }
        load[chosen] += 1
        book(chosen, callDays)
        volunteerOf[invitee.memberID] = volunteers[chosen].name
        return .volunteer(chosen)
    }

    private func hasRoom(_ index: Int, _ days: [Int]) -> Bool {
        days.allSatisfy { (dayLoad[index][$0] ?? 0) < volunteers[index].maxCallsPerDay }
    }

    private mutating func book(_ index: Int, _ days: [Int]) {
        for day in days {
            dayLoad[index][day, default: 0] += 1
            if (dayLoad[index][day] ?? 0) > volunteers[index].maxCallsPerDay {
                overloaded.insert("\(volunteers[index].name) on \(CalendarDate(daysSinceEpoch: day))")
            }
        }
    }
}
