import Foundation

/// The clock of one trip day under `DayRules`, in whole minutes of local time.
///
/// A training day has at most one drive before its training (to the stop) and one after (from
/// it); a drive-only day has one drive. `delta` is the destination's UTC offset minus the
/// origin's, in minutes, so a leg that leaves at local `d` arrives at local `d + minutes + delta`.
struct DayTimeline: Sendable {
    /// A leg's local departure (origin's clock) and arrival (destination's clock), minutes after midnight.
    struct LegTime: Hashable, Sendable {
        var departure: Int
        var arrival: Int
    }

    /// A leg to time: its driving minutes and the offset change across it.
    struct Drive: Hashable, Sendable {
        var minutes: Int
        var delta: Int
    }

    let earliestDeparture: Int
    let latestArrival: Int
    let windowStart: Int
    let windowEnd: Int
    let trainingMinutes: Int
    let maxDriveMinutes: Int
    let maxWorkingMinutes: Int
    let travelDayDeparture: Int

    init(rules: DayRules) {
        earliestDeparture = rules.earliestDeparture.minutes
        latestArrival = rules.latestArrival.minutes
        windowStart = rules.trainingStartEarliest.minutes
        windowEnd = rules.trainingStartLatest.minutes
        trainingMinutes = Self.minutes(rules.trainingHours)
        maxDriveMinutes = Int((rules.maxDriveHours * 60 + 1e-6).rounded(.down))
        maxWorkingMinutes = Int((rules.maxWorkingHours * 60 + 1e-6).rounded(.down))
        travelDayDeparture = max(rules.earliestDeparture.minutes, rules.travelDayDeparture.minutes)
    }

    /// Hours as whole minutes, rounded up (a leg of 2.01 h takes 121 minutes).
    static func minutes(_ hours: Double) -> Int { Int((hours * 60 - 1e-6).rounded(.up)) }

    /// A training day: the earliest training start on the window's grid that lets the morning
    /// drive leave no earlier than the earliest departure and the evening drive arrive by the
    /// latest arrival, within the day's driving and working limits; nil when none fits.
    func trainingDay(before: Drive?, after: Drive?) -> (start: Int, before: LegTime?, after: LegTime?)? {
        let driving = (before?.minutes ?? 0) + (after?.minutes ?? 0)
        guard driving <= maxDriveMinutes, driving + trainingMinutes <= maxWorkingMinutes else { return nil }
        var start = windowStart
        if let before {
            let needed = earliestDeparture + before.minutes + before.delta + DayRules.handoverMinutes
            if needed > start {
                let step = DayRules.startStepMinutes
                start = windowStart + (needed - windowStart + step - 1) / step * step
            }
        }
        guard start <= windowEnd, start + trainingMinutes <= 24 * 60 else { return nil }
        var morning: LegTime?
        if let before {
            let arrival = start - DayRules.handoverMinutes
            morning = LegTime(departure: arrival - before.minutes - before.delta, arrival: arrival)
        }
        var evening: LegTime?
        if let after {
            let departure = start + trainingMinutes + DayRules.handoverMinutes
            let arrival = departure + after.minutes + after.delta
            guard arrival <= latestArrival else { return nil }
            evening = LegTime(departure: departure, arrival: arrival)
        }
        return (start, morning, evening)
    }

    /// A drive-only day: leaves at the earliest departure (or, on a travel day, at the travel-day
    /// departure) and must arrive by the latest arrival within the limits; nil when it cannot.
    func driveOnlyDay(_ drive: Drive, onTravelDay: Bool) -> LegTime? {
        guard drive.minutes <= maxDriveMinutes, drive.minutes <= maxWorkingMinutes else { return nil }
        let departure = onTravelDay ? travelDayDeparture : earliestDeparture
        let arrival = departure + drive.minutes + drive.delta
        guard arrival <= latestArrival, arrival >= 0 else { return nil }
        return LegTime(departure: departure, arrival: arrival)
    }
}
