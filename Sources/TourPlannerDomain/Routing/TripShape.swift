/// How one trip with its stops in a given order is driven: which day each leg is on, at what
/// local times, when each training starts, where the trainers sleep, and how many days it takes.
///
/// Day rules (`DayRules`, README "Day rules"): at most one training a day; every day's clock
/// passes `DayTimeline` (earliest departure, latest arrival, training start window, driving and
/// working limits). The drive to a stop happens on the morning of its training, or the evening
/// before (after the previous training), or on a drive-only first day (inside the run, or the
/// evening before it on an allowed travel day); the drive home happens in the evening after the
/// last training or on a return-only last day. Among the ways that pass the rules, the one with
/// the fewest days wins, then the fewest days of the run, then the shortest longest drive day.
struct TripShape: Hashable, Sendable {
    /// Stop indices in visiting order.
    var stops: [Int]
    /// For each leg (base→s1, s1→s2, …, sk→base): the trip day (0-based) it is driven on.
    var legDays: [Int]
    /// For each leg: local departure and arrival, minutes after midnight.
    var legTimes: [DayTimeline.LegTime]
    /// For each stop: its training day.
    var trainingDays: [Int]
    /// For each stop: the training's local start, minutes after midnight.
    var trainingStarts: [Int]
    var days: Int
    /// True when day 0 is a travel-day evening before the run of allowed days.
    var usesTravelDay: Bool
    var km: Double
    var hours: Double
    /// For each night (between day d and d+1): where the trainers sleep (stop index).
    var nightStops: [Int]
    var nights: Int { days - 1 }
    /// Days taken from the run of allowed days.
    var runDays: Int { usesTravelDay ? days - 1 : days }

    /// The day rules' clock and the runs of allowed days a team has.
    struct Context {
        var timeline: DayTimeline
        var maxRunDays: Int
        var travelDayAllowed: Bool
    }

    /// The best shape for the stops in this order, or nil when no way passes the day rules
    /// within the longest run.
    ///
    /// - Parameters:
    ///   - order: the stops in visiting order.
    ///   - legs: base→s1, s1→s2, …, sk→base.
    ///   - offsets: UTC offsets in minutes of base, s1, …, sk, base.
    ///   - context: the day rules' clock and the runs available.
    /// - Returns: the passing shape with the fewest days, then the fewest days of the run, then the
    ///   shortest longest drive day; nil when none passes.
    /// - Complexity: O(3 · 2^k) for k stops (k ≤ 3).
    static func make(order: [Int], legs: [TravelModel.TravelLeg], offsets: [Int], context: Context) -> TripShape? {
        let k = order.count
        guard k >= 1, legs.count == k + 1, offsets.count == k + 2 else { return nil }
        let drives = legs.indices.map {
            DayTimeline.Drive(minutes: DayTimeline.minutes(legs[$0].hours), delta: offsets[$0 + 1] - offsets[$0])
        }
        var best: TripShape?
        var bestKey = (Int.max, Int.max, Int.max)
        // First leg: 0 on the morning of the first training, 1 on a drive-only first day of the
        // run, 2 on a travel-day evening before the run. Last leg: 0 in the evening after the
        // last training, 1 on a return-only day. Each intermediate leg: the evening before (bit
        // set) or the morning of its training.
        let intermediate = k - 1
        for first in 0...(context.travelDayAllowed ? 2 : 1) {
            for returnLast in 0...1 {
                for mask in 0..<(1 << intermediate) {
                    let lead = first == 0 ? 0 : 1
                    let days = k + lead + returnLast
                    let usesTravelDay = first == 2
                    if days - (usesTravelDay ? 1 : 0) > context.maxRunDays { continue }
                    let trainingDays = (0..<k).map { lead + $0 }
                    var legDays = [lead == 1 ? 0 : trainingDays[0]]
                    for i in 1..<max(1, k) where k > 1 {
                        legDays.append(mask & (1 << (i - 1)) != 0 ? trainingDays[i - 1] : trainingDays[i])
                    }
                    legDays.append(returnLast == 1 ? days - 1 : trainingDays[k - 1])
                    guard
                        let timed = time(
                            drives: drives, legDays: legDays, trainingDays: trainingDays, days: days,
                            usesTravelDay: usesTravelDay, timeline: context.timeline)
                    else { continue }
                    let key = (days, days - (usesTravelDay ? 1 : 0), timed.longest)
                    if key < bestKey {
                        bestKey = key
                        // Night after day d: at the stop of the last leg driven by then, else the last training's stop.
                        var nightStops: [Int] = []
                        for night in 0..<(days - 1) {
                            var location = order[0]
                            for (legIndex, day) in legDays.enumerated() where day <= night && legIndex < k {
                                location = order[legIndex]
                            }
                            nightStops.append(location)
                        }
                        best = TripShape(
                            stops: order, legDays: legDays, legTimes: timed.legs, trainingDays: trainingDays,
                            trainingStarts: timed.starts, days: days, usesTravelDay: usesTravelDay,
                            km: legs.reduce(0) { $0 + $1.km }, hours: legs.reduce(0) { $0 + $1.hours },
                            nightStops: nightStops)
                    }
                }
            }
        }
        return best
    }

    /// The same days re-timed for the dates it is driven on: each leg's clock change is the
    /// zones' offsets on its own date, so a trip after a clock change one zone makes and the
    /// other does not (Phoenix and Las Vegas, Brisbane and Sydney) keeps to the day rules.
    ///
    /// - Parameters:
    ///   - start: the date of day 0.
    ///   - minutes: each leg's driving minutes.
    ///   - zones: the time zones of base, s1, …, sk, base.
    ///   - timeline: the day rules' clock.
    /// - Returns: the shape with its leg times and training starts for those dates; nil when a
    ///   day then breaks a rule.
    func retimed(start: CalendarDate, minutes: [Int], zones: [String], timeline: DayTimeline) -> TripShape? {
        guard minutes.count == legDays.count, zones.count == legDays.count + 1 else { return nil }
        let drives = minutes.indices.map { index in
            let date = start.adding(days: legDays[index])
            return DayTimeline.Drive(
                minutes: minutes[index],
                delta: TourScheduler.offset(zones[index + 1], on: date) - TourScheduler.offset(zones[index], on: date))
        }
        guard
            let timed = Self.time(
                drives: drives, legDays: legDays, trainingDays: trainingDays, days: days, usesTravelDay: usesTravelDay,
                timeline: timeline)
        else { return nil }
        var shape = self
        shape.legTimes = timed.legs
        shape.trainingStarts = timed.starts
        return shape
    }

    /// Times every day of one way of driving the trip; nil when a day breaks a rule.
    private static func time(
        drives: [DayTimeline.Drive], legDays: [Int], trainingDays: [Int], days: Int, usesTravelDay: Bool,
        timeline: DayTimeline
    ) -> (legs: [DayTimeline.LegTime], starts: [Int], longest: Int)? {
        var legTimes = [DayTimeline.LegTime](repeating: .init(departure: 0, arrival: 0), count: drives.count)
        var starts = [Int](repeating: 0, count: trainingDays.count)
        var longest = 0
        for day in 0..<days {
            let dayLegs = legDays.indices.filter { legDays[$0] == day }
            longest = max(longest, dayLegs.reduce(0) { $0 + drives[$1].minutes })
            if let stop = trainingDays.firstIndex(of: day) {
                // Leg `stop` arrives at the stop; leg `stop + 1` leaves it.
                let before = dayLegs.contains(stop) ? drives[stop] : nil
                let after = dayLegs.contains(stop + 1) ? drives[stop + 1] : nil
                guard let clock = timeline.trainingDay(before: before, after: after) else { return nil }
                starts[stop] = clock.start
                if let morning = clock.before { legTimes[stop] = morning }
                if let evening = clock.after { legTimes[stop + 1] = evening }
            } else {
                guard dayLegs.count == 1,
                    let only = timeline.driveOnlyDay(drives[dayLegs[0]], onTravelDay: usesTravelDay && day == 0)
                else { return nil }
                legTimes[dayLegs[0]] = only
            }
        }
        return (legTimes, starts, longest)
    }

    /// The best trip over `stops` in any order: least km, then fewest days, then the
    /// lexicographically first order. `legs[i][j]` is the leg between stops i and j, with `base`
    /// the index of the team's base; `offsets[i]` the UTC offset of place i in minutes.
    ///
    /// - Complexity: O(k! · 3 · 2^k) for k ≤ 3 stops.
    static func best(
        of stops: [Int], legs: [[TravelModel.TravelLeg]], offsets: [Int], base: Int, context: Context
    ) -> TripShape? {
        var best: TripShape?
        for order in permutations(stops.sorted()) {
            var tripLegs = [legs[base][order[0]]]
            for i in 1..<order.count { tripLegs.append(legs[order[i - 1]][order[i]]) }
            tripLegs.append(legs[order[order.count - 1]][base])
            let tripOffsets = [offsets[base]] + order.map { offsets[$0] } + [offsets[base]]
            guard let shape = make(order: order, legs: tripLegs, offsets: tripOffsets, context: context)
            else { continue }
            if let current = best,
                (current.km, current.days) < (shape.km, shape.days)
                    || ((current.km, current.days) == (shape.km, shape.days)
                        && !shape.stops.lexicographicallyPrecedes(current.stops))
            {
                continue
            }
            best = shape
        }
        return best
    }

    static func permutations(_ items: [Int]) -> [[Int]] {
        if items.count <= 1 { return [items] }
        var result: [[Int]] = []
        for (index, item) in items.enumerated() {
            var rest = items
            rest.remove(at: index)
            for tail in permutations(rest) { result.append([item] + tail) }
        }
        return result
    }
}
