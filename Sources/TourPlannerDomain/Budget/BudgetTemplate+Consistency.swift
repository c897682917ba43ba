import Foundation

extension BudgetTemplate {
    /// Whether a plan, when given, supplies the value of `key` (so a scenario cannot change it):
    /// every `[counts]` key, and `lodging.hosted_nights` (the plan says which nights are hosted).
    package static func isSetByPlan(_ key: String) -> Bool {
        key.hasPrefix("counts.") || key == "lodging.hosted_nights"
    }

    /// `[counts]` values that contradict each other, each warning naming the keys. Days away
    /// are `counts.trainings + counts.travel_days` (the rental days); a trip of *d* days has at
    /// most *d* − 1 nights away, so nights can be at most days − trips.
    package var countWarnings: [String] {
        var warnings: [String] = []
        let days = counts.trainings + counts.travelDays
        let dayText =
            "\(days) day\(days == 1 ? "" : "s") (counts.trainings = \(counts.trainings) + counts.travel_days = \(counts.travelDays))"
        if counts.trips == 0 && days > 0 {
            warnings.append(
                "counts.trips is 0 with \(dayText): no rental days, tolls or parking are costed; set counts.trips")
        } else if counts.trips > days {
            warnings.append(
                "counts.trips = \(counts.trips) but only \(dayText): every trip takes at least a day; fix counts.trips or add counts.travel_days"
            )
        } else if counts.trips > 0 && counts.nights > days - counts.trips {
            warnings.append(
                "counts.nights = \(counts.nights) over counts.trips = \(counts.trips) needs at least \(counts.nights + counts.trips) days away, but there are \(dayText), costed as \(days) rental days (a trip of d days has at most d − 1 nights); add counts.travel_days or fix counts.nights"
            )
        }
        if hostedNights > counts.nights {
            warnings.append(
                "lodging.hosted_nights = \(hostedNights) is more than counts.nights = \(counts.nights): only \(counts.nights) are counted as hosted"
            )
        }
        if counts.trips > 0 && counts.distanceKm == 0 {
            warnings.append(
                "counts.distance_km (or distance_miles) is 0 over counts.trips = \(counts.trips): no fuel or mileage is costed"
            )
        }
        return warnings
    }
}
