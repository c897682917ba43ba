import Foundation
import TourPlannerCore

extension TourScheduler {
    /// The best trip visiting `candidate` alone for `team`, under its day rules and runs; nil when none fits.
    static func soloTrip(_ candidate: TourCandidate, team: TourTeam, request: TourRequest) -> TripShape? {
        let runs = request.runs(for: team)
        guard !runs.isEmpty else { return nil }
        let legs = TourScheduler().legMatrix(team: team, candidates: [candidate], travel: request.travel)
        return TripShape.best(
            of: [0], legs: legs, offsets: offsets(team: team, candidates: [candidate], on: request.from), base: 1,
            context: tripContext(team: team, runs: runs, request: request))
    }

    /// Whether some team can visit `candidate` on a trip of its own.
    static func isReachable(_ candidate: TourCandidate, request: TourRequest) -> Bool {
        request.teams.contains { soloTrip(candidate, team: $0, request: request) != nil }
    }

    /// Why no team can visit `candidate` on a trip of its own: the facts, the day rules that
    /// fail and the single changes that would each make it fit.
    static func unreachable(_ candidate: TourCandidate, request: TourRequest) -> RoutingError {
        let (team, why) = reasonUnreachable(candidate, request: request)
        if let sea = noRoad(candidate, team: team, request: request) {
            return RoutingError("\(candidate.metro): \(sea)", hint: TravelModel.noRoadHint)
        }
        let fixes = relaxations(candidate, team: team, request: request)
        return RoutingError(
            "\(candidate.metro): no trip fits the day rules\(request.teams.count > 1 ? " from any base" : ""): \(why)",
            hint: fixes.isEmpty
                ? "no single change of the day rules fits it; add a team based nearer, or use --objective value to leave it out"
                : "relax one rule: " + fixes.joined(separator: ", or ")
                    + (request.objective == .visitAll ? "; or use --objective value to leave it out" : ""))
    }

    /// Why no team can visit `candidate`, as a plan's unvisited or skipped stop gives it: no road
    /// from the nearest base across the sea, or "no trip fits the day rules: …".
    static func whyUnreachable(_ candidate: TourCandidate, request: TourRequest) -> String {
        let (team, why) = reasonUnreachable(candidate, request: request)
        if let sea = noRoad(candidate, team: team, request: request) { return sea + "; " + TravelModel.noRoadHint }
        return "no trip fits the day rules: " + why
    }

    /// "no road from BASE (about N km of open sea)" when the model has no road from `team`'s base
    /// to `candidate` (separate landmasses, ``TravelModel/TravelLeg/isDrivable``), else nil.
    static func noRoad(_ candidate: TourCandidate, team: TourTeam, request: TourRequest) -> String? {
        let basePoint = GeoPoint(latitude: team.base.latitude, longitude: team.base.longitude)
        let leg = request.travel.leg(from: team.base.name, basePoint, to: candidate.metro, candidate.point)
        return leg.isDrivable ? nil : TravelModel.noRoad(from: team.base.name, openWaterKm: leg.openWaterKm)
    }

    /// The nearest team and the rules its solo trip to `candidate` breaks, as a sentence.
    static func reasonUnreachable(_ candidate: TourCandidate, request: TourRequest) -> (TourTeam, String) {
        let team =
            request.teams.min { lhs, rhs in
                let l = GeoPoint(latitude: lhs.base.latitude, longitude: lhs.base.longitude).distanceKm(
                    to: candidate.point)
                let r = GeoPoint(latitude: rhs.base.latitude, longitude: rhs.base.longitude).distanceKm(
                    to: candidate.point)
                return (l, lhs.name) < (r, rhs.name)
            } ?? request.teams[0]
        let rules = request.rules(for: team)
        let basePoint = GeoPoint(latitude: team.base.latitude, longitude: team.base.longitude)
        let leg = request.travel.plannedLeg(from: team.base.name, basePoint, to: candidate.metro, candidate.point)
        let hours = DayTimeline.minutes(leg.hours)
        let timeline = DayTimeline(rules: rules)
        let facts = "it is \(Int(leg.km.rounded())) km (\(clock(hours)) h) from \(team.base.name)"
        if hours > timeline.maxDriveMinutes {
            // Reason enough; the other rules would only repeat it.
            return (
                team, facts + "; the drive is over the max driving of \(DayRules.hours(rules.maxDriveHours)) h a day"
            )
        }
        // Each clock is local: the stop's minus the base's UTC offset shifts an arrival there.
        let zones = offsets(team: team, candidates: [candidate], on: request.from)
        let shift = zones[0] - zones[1]
        var broken: [String] = []
        if timeline.earliestDeparture + hours + shift > timeline.latestArrival {
            broken.append(
                "leaving at \(rules.earliestDeparture) it arrives after the latest arrival \(rules.latestArrival)")
        }
        if hours + timeline.trainingMinutes > timeline.maxWorkingMinutes {
            broken.append(
                "the drive and the \(DayRules.hours(rules.trainingHours)) h training make \(clock(hours + timeline.trainingMinutes)) h, over the \(DayRules.hours(rules.maxWorkingHours)) h working day, so each drive needs a day of its own"
            )
        }
        let eveningArrival =
            timeline.windowStart + timeline.trainingMinutes + DayRules.handoverMinutes + hours - shift
        if hours <= timeline.maxDriveMinutes, eveningArrival > timeline.latestArrival {
            broken.append(
                "driving back after a training that starts at \(rules.trainingStartEarliest) arrives \(timeOfDay(eveningArrival))\(shift == 0 ? "" : " \(team.base.name) time"), after the latest arrival \(rules.latestArrival)"
            )
        }
        let longest = request.runs(for: team).map(\.count).max() ?? 0
        if broken.isEmpty || hours + timeline.trainingMinutes > timeline.maxWorkingMinutes {
            broken.append(
                "the longest run of allowed days (\(DayRules.weekdayList(request.weekdays))) is \(longest) day\(longest == 1 ? "" : "s")"
            )
        }
        return (team, facts + "; " + broken.joined(separator: "; "))
    }

    /// Single changes of the request (as command-line flags) that make a solo trip to `candidate` fit.
    static func relaxations(_ candidate: TourCandidate, team: TourTeam, request: TourRequest) -> [String] {
        let rules = request.rules(for: team)
        // Probe this team alone, its rules lifted to the request so the flags' change reaches them.
        var probe = request
        probe.dayRules = rules
        probe.teams = [TourTeam(name: team.name, base: team.base, availableDates: team.availableDates)]
        func fits(_ change: (inout TourRequest) -> Void) -> Bool {
            var relaxed = probe
            change(&relaxed)
            return soloTrip(candidate, team: relaxed.teams[0], request: relaxed) != nil
        }
        var found: [String] = []
        for minutes in stride(from: rules.latestArrival.minutes + 30, through: 23 * 60 + 30, by: 30) {
            let time = LocalTime(hour: minutes / 60, minute: minutes % 60)
            if fits({ $0.dayRules.latestArrival = time }) {
                found.append("--latest-arrival \(time)")
                break
            }
        }
        for minutes in stride(from: rules.earliestDeparture.minutes - 30, through: 5 * 60, by: -30) {
            let time = LocalTime(hour: minutes / 60, minute: minutes % 60)
            if fits({ $0.dayRules.earliestDeparture = time }) {
                found.append("--earliest-departure \(time)")
                break
            }
        }
        for hours in stride(from: rules.maxDriveHours.rounded(.down) + 1, through: 16, by: 1)
        where fits({ $0.dayRules.maxDriveHours = hours }) {
            found.append("--max-drive-hours \(DayRules.hours(hours))")
            break
        }
        for hours in stride(from: rules.maxWorkingHours.rounded(.down) + 1, through: 16, by: 1)
        where fits({ $0.dayRules.maxWorkingHours = hours }) {
            found.append("--max-working-hours \(DayRules.hours(hours))")
            break
        }
        let dayBefore = (request.weekdays.sorted().first.map { ($0 + 5) % 7 + 1 }) ?? 5
        if !rules.travelDays.contains(dayBefore),
            fits({ $0.dayRules.travelDays.insert(dayBefore) })
        {
            found.append("--travel-days \(DayRules.weekdayList(rules.travelDays.union([dayBefore])))")
        }
        if !request.weekdays.contains(dayBefore), fits({ $0.weekdays.insert(dayBefore) }) {
            found.append("--weekdays \(DayRules.weekdayList(request.weekdays.union([dayBefore])))")
        }
        return found
    }

    /// "7:45" from minutes (a duration, or a time of day below 24:00).
    static func clock(_ minutes: Int) -> String {
        "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
    }

    /// "at 22:17", or "past midnight" for a time of day past 24:00.
    static func timeOfDay(_ minutes: Int) -> String {
        minutes >= 24 * 60 ? "past midnight" : "at " + (minutes < 600 ? "0" : "") + clock(minutes)
    }
}

extension TourScheduler {
    /// `--top N`: the first `count` of `ranked` (best first) that some team can reach on a trip of
    /// its own under the day rules, and the higher-ranked ones passed over, with the reason.
    ///
    /// - Parameters:
    ///   - ranked: candidates in rank order, best first.
    ///   - count: how many to take.
    ///   - request: the teams, dates and day rules (its candidates are ignored).
    /// - Returns: the chosen candidates in rank order, and each higher-ranked candidate passed over
    ///   with its rank (1 = best) and the reason no trip of its own fits.
    /// - Complexity: O(m · T) solo-trip shapes for m ranked candidates and T teams.
    package static func topReachable(_ ranked: [TourCandidate], count: Int, request: TourRequest) -> (
        chosen: [TourCandidate], skipped: [SkippedStop]
    ) {
        var chosen: [TourCandidate] = []
        var skipped: [SkippedStop] = []
        for (index, candidate) in ranked.enumerated() where chosen.count < count {
            if isReachable(candidate, request: request) {
                chosen.append(candidate)
            } else {
                skipped.append(
                    SkippedStop(
                        metro: candidate.metro, rank: index + 1,
                        reason: whyUnreachable(candidate, request: request)))
            }
        }
        return (chosen, skipped)
    }
}
