import Foundation
import TourPlannerCore

extension TourScheduler {
    static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }
    static func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// The instant of a local date and minutes after midnight in a zone (zones are checked before planning).
    static func instant(_ date: CalendarDate, minutes: Int, zone: String) -> Date {
        LocalClock.instant(date: date, time: LocalTime(hour: minutes / 60, minute: minutes % 60), zone: zone)
            ?? Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + minutes * 60))
    }

    /// Dates the chosen trips (most valuable trips first, into the earliest run long enough)
    /// and builds the plan with totals and the naive comparison.
    func assemble(
        request: TourRequest, candidates: [TourCandidate], assignments: [(team: Int, shapes: [TripShape])],
        unvisited: [UnvisitedStop]
    ) -> TourPlan {
        var trips: [Trip] = []
        var naive = NaivePlanTotals(km: 0, driveHours: 0, nightsAway: 0)
        var leftOut = unvisited
        for (teamIndex, shapes) in assignments {
            let team = request.teams[teamIndex]
            let basePoint = GeoPoint(latitude: team.base.latitude, longitude: team.base.longitude)
            var runs = request.runs(for: team)
            let ordered = shapes.sorted { lhs, rhs in
                let lv = lhs.stops.reduce(0.0) { $0 + candidates[$1].value }
                let rv = rhs.stops.reduce(0.0) { $0 + candidates[$1].value }
                return (lhs.days, lv, candidates[rhs.stops[0]].metro) > (rhs.days, rv, candidates[lhs.stops[0]].metro)
            }
            var dated: [(start: CalendarDate, shape: TripShape)] = []
            let timeline = DayTimeline(rules: request.rules(for: team))
            for shape in ordered {
                let zones =
                    [team.base.timeZone] + shape.stops.map { candidates[$0].timeZone } + [team.base.timeZone]
                let points = [basePoint] + shape.stops.map { candidates[$0].point } + [basePoint]
                let names = [team.base.name] + shape.stops.map { candidates[$0].metro } + [team.base.name]
                let minutes = (0..<(points.count - 1)).map {
                    DayTimeline.minutes(
                        request.travel.plannedLeg(from: names[$0], points[$0], to: names[$0 + 1], points[$0 + 1]).hours)
                }
                // The first run long enough whose dates' clocks still fit the day rules.
                var fits = false
                var found: (index: Int, start: CalendarDate, shape: TripShape)?
                for (index, run) in runs.enumerated()
                where run.count >= shape.runDays
                    && (!shape.usesTravelDay || request.hasTravelDay(before: run, team: team))
                {
                    fits = true
                    let start = run[0].adding(days: shape.usesTravelDay ? -1 : 0)
                    if let timed = shape.retimed(start: start, minutes: minutes, zones: zones, timeline: timeline) {
                        found = (index, start, timed)
                        break
                    }
                }
                guard let found else {
                    for stop in shape.stops {
                        leftOut.append(
                            UnvisitedStop(
                                metro: candidates[stop].metro,
                                reason: fits
                                    ? "its trip breaks the day rules on every date left, after a clock change between the time zones of \(Set(zones).sorted().joined(separator: " and "))"
                                    : shape.usesTravelDay
                                        ? "no run of \(shape.runDays) allowed days after a travel day left for its trip"
                                        : "no run of \(shape.days) allowed days left for its trip"))
                    }
                    continue
                }
                dated.append((found.start, found.shape))
                runs.remove(at: found.index)
            }
            dated.sort { $0.start < $1.start }
            let trainingMinutes = DayTimeline.minutes(request.rules(for: team).trainingHours)
            for (start, shape) in dated {
                let names = shape.stops.map { candidates[$0].metro }
                let places = [team.base.name] + names + [team.base.name]
                let points = [basePoint] + shape.stops.map { candidates[$0].point } + [basePoint]
                let zones = [team.base.timeZone] + shape.stops.map { candidates[$0].timeZone } + [team.base.timeZone]
                var legs: [PlanLeg] = []
                for index in 0..<(places.count - 1) {
                    let leg = request.travel.plannedLeg(
                        from: places[index], points[index], to: places[index + 1], points[index + 1])
                    let date = start.adding(days: shape.legDays[index])
                    let departure = Self.instant(date, minutes: shape.legTimes[index].departure, zone: zones[index])
                    let arrival = departure.addingTimeInterval(Double(DayTimeline.minutes(leg.hours) * 60))
                    legs.append(
                        PlanLeg(
                            from: places[index], to: places[index + 1], date: date, km: Self.round1(leg.km),
                            hours: Self.round2(leg.hours), departure: LocalClock.iso(departure, zone: zones[index]),
                            arrival: LocalClock.iso(arrival, zone: zones[index + 1])))
                }
                let stops = shape.stops.enumerated().map { position, stop in
                    let candidate = candidates[stop]
                    let date = start.adding(days: shape.trainingDays[position])
                    let begin = Self.instant(date, minutes: shape.trainingStarts[position], zone: candidate.timeZone)
                    return PlanStop(
                        metro: candidate.metro, cities: candidate.cities, date: date,
                        latitude: candidate.point.latitude, longitude: candidate.point.longitude,
                        timeZone: candidate.timeZone,
                        countryCode: candidate.countryCode, value: candidate.value,
                        trainingHours: request.rules(for: team).trainingHours,
                        trainingStart: LocalClock.iso(begin, zone: candidate.timeZone),
                        trainingEnd: LocalClock.iso(
                            begin.addingTimeInterval(Double(trainingMinutes * 60)), zone: candidate.timeZone))
                }
                let nights = shape.nightStops.enumerated().map { night, stop in
                    PlanNight(
                        date: start.adding(days: night), metro: candidates[stop].metro, hosted: candidates[stop].hasHost
                    )
                }
                trips.append(
                    Trip(
                        team: team.name, start: start, end: start.adding(days: shape.days - 1), stops: stops,
                        legs: legs, nights: nights))
                for stop in shape.stops {
                    let leg = request.travel.plannedLeg(
                        from: team.base.name, basePoint, to: candidates[stop].metro, candidates[stop].point)
                    naive.km += 2 * leg.km
                    naive.driveHours += 2 * leg.hours
                    // One trip per stop under the same day rules (a night when none fits, as a floor).
                    naive.nightsAway += Self.soloTrip(candidates[stop], team: team, request: request)?.nights ?? 1
                }
            }
        }
        trips.sort { ($0.start, $0.team) < ($1.start, $1.team) }
        let totals = PlanTotals(
            km: Self.round1(trips.flatMap(\.legs).reduce(0) { $0 + $1.km }),
            driveHours: Self.round2(trips.flatMap(\.legs).reduce(0) { $0 + $1.hours }),
            nightsAway: trips.reduce(0) { $0 + $1.nightsAway }, trainings: trips.reduce(0) { $0 + $1.stops.count })
        naive.km = Self.round1(naive.km)
        naive.driveHours = Self.round2(naive.driveHours)
        return TourPlan(
            request: PlanRequestSummary(
                from: request.from, to: request.to, weekdays: request.weekdays.sorted(),
                maxDriveHoursPerDay: request.maxDriveHoursPerDay, seed: request.seed, dayRules: request.dayRules),
            teams: request.teams.map {
                PlanTeam(
                    name: $0.name, base: $0.base, trainers: $0.trainers, vehicle: $0.vehicle,
                    dayRules: request.rules(for: $0))
            },
            trips: trips, totals: totals, naive: naive, unvisited: leftOut.sorted { $0.metro < $1.metro })
    }
}
