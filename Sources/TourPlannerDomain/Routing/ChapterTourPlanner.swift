import TourPlannerCore

/// What each kind of visit is worth at one candidate: its chance of founding a chapter.
package struct VisitChances: Hashable, Sendable, Codable {
    /// The visit a trip would make: in person, or a follow-up where a training was recorded before.
    package var visit: VisitKind
    /// The chance in 0…1 that the trip's visit founds a chapter.
    package var visitProbability: Double
    /// The chance of a remote training (by video) instead.
    package var remoteProbability: Double

    /// Creates the chances of one candidate.
    package init(visit: VisitKind, visitProbability: Double, remoteProbability: Double) {
        self.visit = visit
        self.visitProbability = visitProbability
        self.remoteProbability = remoteProbability
    }
}

/// Plans for chapters (`tour plan --objective chapters`): chooses the stops and the kind of visit
/// that maximize the expected number of new chapters within the weekends and the budget.
///
/// Each candidate is either visited on a trip (in person, or as a follow-up where a training was
/// recorded before), trained remotely by video on a free date of a team, or left out. Expected
/// chapters are additive, so with R the sum of every candidate's remote chance,
///
///     E[chapters] = R + Σ_{visited} (P_visit − P_remote) − Σ_{left out} P_remote
///
/// and, while free dates and budget allow a remote training for every candidate not visited, the
/// best plan visits the set that maximizes Σ (P_visit − P_remote): exactly the prize-collecting
/// tour planner (`TourScheduler`, `.maximizeValue`, exact up to 15 stops) with those margins as
/// values. Remote trainings then fill the teams' free dates in order of chance (one per date and
/// team), each costing `remoteCost` against what the trips leave of the budget.
public struct ChapterTourPlanner: Sendable {
    /// One remote training of the plan.
    package struct RemoteTraining: Hashable, Sendable, Codable {
        /// The team whose free date the remote training takes.
        package var team: String
        /// The metro trained by video.
        package var metro: String
        /// ISO 3166-1 alpha-2 country code of the metro.
        package var countryCode: String?
        /// IANA time zone of the metro (the itinerary times the training 10:00–12:00 there).
        package var timeZone: String
        /// The team's free allowed date it takes (one remote training per team and date).
        package var date: CalendarDate
        /// The chance in 0…1 that the remote training founds a chapter.
        package var probability: Double
    }

    /// The kind and chance of one visited stop.
    public struct Visit: Hashable, Sendable, Codable {
        /// In person or follow-up.
        package var kind: VisitKind
        /// The chance in 0…1 that the visit founds a chapter.
        package var probability: Double
    }

    /// The plan and the kinds of visit chosen.
    package struct Result: Hashable, Sendable {
        /// The routed plan of the visited stops, with the remote trainings and expected chapters recorded in it.
        package var plan: TourPlan
        /// Per visited stop, keyed by ``ChapterTourPlanner/key(_:_:)`` of its metro and country.
        package var visits: [String: Visit]
        /// The remote trainings, sorted by date, then team and metro.
        package var remote: [RemoteTraining]
        /// Expected new chapters: the sum of the visits' and remote trainings' chances.
        package var expectedChapters: Double
    }

    /// Cost of one remote training, in the budget's units (materials; nearly free).
    package var remoteCost: Double

    /// Creates a planner.
    package init(remoteCost: Double = 0) {
        self.remoteCost = remoteCost
    }

    /// The key of a stop in ``Result/visits``: metro and country code.
    package static func key(_ metro: String, _ country: String?) -> String { metro + "|" + (country ?? "") }

    /// Plans the request for chapters.
    ///
    /// - Parameters:
    ///   - request: the tour request; its objective is replaced by prize collecting.
    ///   - chances: one entry per candidate, in the order of `request.candidates`.
    /// - Returns: the plan (its stops carry `visit` and `chapterProbability`, and it lists the remote
    ///   trainings and the expected chapters), the visits chosen, the remote trainings, and the
    ///   expected number of new chapters.
    /// - Throws: `RoutingError` as `TourScheduler.plan` does.
    /// - Complexity: that of `TourScheduler.plan`, plus O(c log c + d) for c candidates and d dates.
    package func plan(_ request: TourRequest, chances: [VisitChances]) throws -> Result {
        precondition(chances.count == request.candidates.count, "one VisitChances per candidate")
        var valued = request
        valued.objective = .maximizeValue
        var chanceByKey: [String: VisitChances] = [:]
        for (index, candidate) in request.candidates.enumerated() {
            let chance = chances[index]
            valued.candidates[index].value = max(0, chance.visitProbability - chance.remoteProbability)
            chanceByKey[Self.key(candidate.metro, candidate.countryCode)] = chance
        }
        var plan = try TourScheduler().plan(valued)
        var visits: [String: Visit] = [:]
        var used: [String: Set<CalendarDate>] = [:]
        var expected = 0.0
        for trip in plan.trips {
            var day = trip.start
            while day <= trip.end {
                used[trip.team, default: []].insert(day)
                day = day.adding(days: 1)
            }
            for stop in trip.stops {
                let key = Self.key(stop.metro, stop.countryCode)
                guard let chance = chanceByKey[key] else { continue }
                visits[key] = Visit(kind: chance.visit, probability: chance.visitProbability)
                expected += chance.visitProbability
            }
        }
        // What the trips leave of the budget.
        let tripCost = request.costModel.cost(
            km: plan.totals.km, nights: plan.totals.nightsAway, trips: plan.trips.count,
            trainings: plan.totals.trainings)
        var budgetLeft = request.budget.map { $0 - tripCost } ?? .infinity
        var trainingsLeft = request.maxTrainings.map { $0 - plan.totals.trainings } ?? .max
        // Free dates, earliest first, team by team.
        var free: [(date: CalendarDate, team: Int)] = []
        for (teamIndex, team) in request.teams.enumerated() {
            for run in request.runs(for: team) {
                for day in run where !(used[team.name]?.contains(day) ?? false) { free.append((day, teamIndex)) }
            }
        }
        free.sort { ($0.date, $0.team) < ($1.date, $1.team) }
        let remoteCandidates = request.candidates.enumerated()
            .filter { visits[Self.key($0.element.metro, $0.element.countryCode)] == nil }
            .filter { chances[$0.offset].remoteProbability > 0 }
            .sorted {
                (chances[$1.offset].remoteProbability, $0.element.metro) < (
                    chances[$0.offset].remoteProbability, $1.element.metro
                )
            }
        var remote: [RemoteTraining] = []
        var nextFree = 0
        for (index, candidate) in remoteCandidates {
            guard nextFree < free.count, trainingsLeft > 0, budgetLeft >= remoteCost else { break }
            let slot = free[nextFree]
            nextFree += 1
            trainingsLeft -= 1
            budgetLeft -= remoteCost
            remote.append(
                RemoteTraining(
                    team: request.teams[slot.team].name, metro: candidate.metro, countryCode: candidate.countryCode,
                    timeZone: candidate.timeZone, date: slot.date, probability: chances[index].remoteProbability))
            expected += chances[index].remoteProbability
        }
        remote.sort { ($0.date, $0.team, $0.metro) < ($1.date, $1.team, $1.metro) }
        // PLAN.json records each stop's kind and chance; a stop's value stays its own (members).
        let values = Dictionary(
            request.candidates.map { (Self.key($0.metro, $0.countryCode), $0.value) }, uniquingKeysWith: { a, _ in a })
        for trip in plan.trips.indices {
            for stop in plan.trips[trip].stops.indices {
                let key = Self.key(plan.trips[trip].stops[stop].metro, plan.trips[trip].stops[stop].countryCode)
                plan.trips[trip].stops[stop].visit = visits[key]?.kind
                plan.trips[trip].stops[stop].chapterProbability = visits[key]?.probability
                plan.trips[trip].stops[stop].value = values[key] ?? plan.trips[trip].stops[stop].value
            }
        }
        plan.remoteTrainings = remote
        plan.expectedChapters = expected
        let remoteKeys = Set(remote.map { Self.key($0.metro, $0.countryCode) })
        let countries = Dictionary(
            request.candidates.map { ($0.metro, $0.countryCode) }, uniquingKeysWith: { first, _ in first })
        plan.unvisited.removeAll { remoteKeys.contains(Self.key($0.metro, countries[$0.metro] ?? nil)) }
        return Result(plan: plan, visits: visits, remote: remote, expectedChapters: expected)
    }
}

extension ChapterTourPlanner {
    /// Each candidate's chances, from a ranking made with the chapter model (its `pool`s): a follow-up
    /// where a training (not remote) was recorded in that metro, else in person, and remote.
    ///
    /// - Parameters:
    ///   - candidates: the tour's candidates.
    ///   - ranking: the store's ranking with `chapterModel` set.
    ///   - trainings: recorded trainings.
    ///   - parameters: the chapter model's parameters (fitted).
    /// - Returns: one entry per candidate; a candidate missing from the ranking has no chance.
    package static func chances(
        for candidates: [TourCandidate], ranking: MetroRanking, trainings: [TrainingResult],
        parameters: ChapterModelParameters
    ) -> [VisitChances] {
        let trained = Set(trainings.filter { $0.kind != .remote }.map { TextFolding.fold($0.metro) })
        return candidates.map { candidate in
            guard
                let metro = ranking.metros.first(where: {
                    $0.metro == candidate.metro && $0.country == candidate.countryCode
                }), let pool = metro.pool
            else { return VisitChances(visit: .inPerson, visitProbability: 0, remoteProbability: 0) }
            let kind: VisitKind = trained.contains(TextFolding.fold(candidate.metro)) ? .followUp : .inPerson
            return VisitChances(
                visit: kind,
                visitProbability: ChapterModel.chance(pool: pool, parameters: parameters, kind: kind).probability,
                remoteProbability: ChapterModel.chance(pool: pool, parameters: parameters, kind: .remote).probability)
        }
    }
}
