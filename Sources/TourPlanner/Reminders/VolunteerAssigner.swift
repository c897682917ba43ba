import Foundation

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
        func leastLoaded(_ candidates: [Int]) -> Int? {
            candidates.min { (load[$0], volunteers[$0].name) < (load[$1], volunteers[$1].name) }
        }
        let fitting = volunteers.indices.filter(fits)
        let fittingPool = pool.filter(fits)
        guard
            let chosen = leastLoaded(fittingPool.filter { hasRoom($0, callDays) })
                ?? leastLoaded(fitting.filter { hasRoom($0, callDays) }) ?? leastLoaded(fittingPool)
                ?? leastLoaded(fitting)
        else { return .noFit }
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
