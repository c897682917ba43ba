import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Tour planning for chapters")
struct ChapterTourPlannerTests {
    static let candidates =
        TourSchedulerTests.eastCoast + [
            TourSchedulerTests.stop("Pittsburgh", 40.4406, -79.9959, 8),
            TourSchedulerTests.stop("Providence", 41.8240, -71.4128, 6),
        ]
    static let chances = [
        VisitChances(visit: .inPerson, visitProbability: 0.30, remoteProbability: 0.10),  // Baltimore
        VisitChances(visit: .followUp, visitProbability: 0.55, remoteProbability: 0.20),  // Boston
        VisitChances(visit: .inPerson, visitProbability: 0.12, remoteProbability: 0.09),  // Philadelphia
        VisitChances(visit: .inPerson, visitProbability: 0.25, remoteProbability: 0.02),  // Washington
        VisitChances(visit: .inPerson, visitProbability: 0.40, remoteProbability: 0.05),  // Pittsburgh
        VisitChances(visit: .inPerson, visitProbability: 0.08, remoteProbability: 0.07),  // Providence
    ]

    static func request(budget: Double?) throws -> TourRequest {
        var request = TourRequest(
            teams: [TourTeam(name: "New York", base: TourSchedulerTests.newYork)], candidates: candidates,
            from: try #require(CalendarDate(iso: "2014-06-07")), to: try #require(CalendarDate(iso: "2014-07-06")),
            budget: budget)
        request.costModel = TripCostModel(perKm: 0.5, perNight: 80, perTrip: 60, perTraining: 25)
        return request
    }

    /// Every choice of in-person stops S (each checked with the visit-all planner for feasibility and
    /// cost), every other candidate trained remotely on a free date: the best expected number of chapters.
    static func bruteForce(_ request: TourRequest) -> Double {
        var best = 0.0
        let n = request.candidates.count
        for mask in 0..<(1 << n) {
            var subset = request
            subset.objective = .visitAll
            subset.budget = nil
            subset.candidates = (0..<n).filter { mask & (1 << $0) != 0 }.map { request.candidates[$0] }
            var value = 0.0
            var freeDates = request.runs(for: request.teams[0]).reduce(0) { $0 + $1.count }
            if mask != 0 {
                guard let plan = try? TourScheduler().plan(subset) else { continue }
                let cost = request.costModel.cost(
                    km: plan.totals.km, nights: plan.totals.nightsAway, trips: plan.trips.count,
                    trainings: plan.totals.trainings)
                if let budget = request.budget, cost > budget + 1e-9 { continue }
                freeDates -= plan.trips.reduce(0) { $0 + $1.end.daysSinceEpoch - $1.start.daysSinceEpoch + 1 }
                value += (0..<n).filter { mask & (1 << $0) != 0 }.reduce(0) { $0 + chances[$1].visitProbability }
            }
            let remote = (0..<n).filter { mask & (1 << $0) == 0 }.map { chances[$0].remoteProbability }
                .sorted(by: >).prefix(max(0, freeDates))
            value += remote.reduce(0, +)
            best = max(best, value)
        }
        return best
    }

    @Test(
        "the chapters objective equals brute force over every choice of stops and visit kinds",
        arguments: [
            nil, 900.0, 500.0, 200.0,
        ])
    func bruteForceEquals(budget: Double?) throws {
        let request = try Self.request(budget: budget)
        let result = try ChapterTourPlanner().plan(request, chances: Self.chances)
        let expected = Self.bruteForce(request)
        #expect(abs(result.expectedChapters - expected) < 1e-9, "budget \(String(describing: budget))")
        // Every candidate is either visited or trained remotely (dates are ample here).
        #expect(result.visits.count + result.remote.count == Self.candidates.count)
        // Remote trainings fall on allowed dates no trip uses.
        let tripDates = Set(
            result.plan.trips.flatMap { trip in
                (0...(trip.end.daysSinceEpoch - trip.start.daysSinceEpoch)).map { trip.start.adding(days: $0) }
            })
        for training in result.remote {
            #expect(!tripDates.contains(training.date))
            #expect([6, 7].contains(training.date.isoWeekday))
        }
        #expect(Set(result.remote.map(\.date)).count == result.remote.count)
    }

    @Test("a tighter budget never raises the expected chapters, and these budgets bind")
    func budgetsBind() throws {
        let values = try [nil, 900.0, 500.0, 200.0].map {
            try ChapterTourPlanner().plan(try Self.request(budget: $0), chances: Self.chances).expectedChapters
        }
        #expect(values == values.sorted(by: >))
        #expect(Set(values.map { ($0 * 1e6).rounded() }).count >= 3)
    }

    @Test("Boston is planned as a follow-up when a training was recorded there")
    func followUpKind() throws {
        let result = try ChapterTourPlanner().plan(try Self.request(budget: nil), chances: Self.chances)
        #expect(result.visits[ChapterTourPlanner.key("Boston", "US")]?.kind == .followUp)
    }

    @Test("a remote training's cost counts against what the trips leave of the budget")
    func remoteCost() throws {
        let request = try Self.request(budget: 200)
        let free = try ChapterTourPlanner(remoteCost: 0).plan(request, chances: Self.chances)
        let costly = try ChapterTourPlanner(remoteCost: 1_000).plan(request, chances: Self.chances)
        #expect(costly.remote.isEmpty)
        #expect(free.remote.count > costly.remote.count)
    }
}
