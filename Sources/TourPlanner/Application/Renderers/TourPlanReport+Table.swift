import Foundation

/// A plan's trips and the comparison with the naive plan, as text and CSV.
extension TourPlanReport {
    /// `--format csv`: one record per training, in trip order (the plan itself is in `--out`).
    static func stopsCSV(_ plan: TourPlan) -> String {
        var csv = CSVWriter(header: ["trip", "team", "date", "metro", "cities", "country", "value"])
        for (index, trip) in plan.trips.enumerated() {
            for stop in trip.stops {
                csv.append([
                    "\(index + 1)", trip.team, stop.date.description, stop.metro, stop.cities.joined(separator: "; "),
                    stop.countryCode ?? "", "\(stop.value)",
                ])
            }
        }
        return csv.render()
    }

    /// "07:15" from "2014-06-07T07:15:00-04:00".
    static func clock(_ iso: String?) -> String {
        guard let iso, let t = iso.firstIndex(of: "T") else { return "--:--" }
        return String(iso[iso.index(after: t)...].prefix(5))
    }

    static func drive(_ leg: PlanLeg) -> String {
        "  \(leg.date)  \(clock(leg.departure))–\(clock(leg.arrival)) drive \(leg.from) → \(leg.to)  \(String(format: "%.0f", leg.km)) km, \(String(format: "%.1f", leg.hours)) h"
            + Itinerary.clockChange(from: leg.departure ?? "", to: leg.arrival ?? "")
    }

    static func summary(_ plan: TourPlan) -> String {
        var lines: [String] = []
        if plan.trips.isEmpty { lines.append("No trips: no stop to visit.") }
        for (index, trip) in plan.trips.enumerated() {
            lines.append(
                "Trip \(index + 1) (\(trip.team)): \(trip.start) → \(trip.end), \(trip.nightsAway) night\(trip.nightsAway == 1 ? "" : "s") away"
            )
            // Day by day: the drive to the day's training, the training, later drives, the night.
            var day = trip.start
            while day <= trip.end {
                let training = trip.stops.first { $0.date == day }
                let legs = trip.legs.filter { $0.date == day }
                let before = legs.filter { $0.to == training?.metro }
                for leg in before { lines.append(drive(leg)) }
                if let stop = training {
                    lines.append(
                        "  \(stop.date)  \(clock(stop.trainingStart))–\(clock(stop.trainingEnd)) \(stop.visit == .followUp ? "follow-up training" : "training") in \(stop.metro)\(stop.cities.count > 1 ? " (\(stop.cities.joined(separator: ", ")))" : "") — \(Int(stop.value)) unaffiliated members"
                            + (stop.chapterProbability.map { ", chance of a chapter \(Self.percent($0))" } ?? "")
                    )
                }
                for leg in legs where !before.contains(leg) { lines.append(drive(leg)) }
                for night in trip.nights where night.date == day {
                    lines.append(
                        "  \(night.date)  night in \(night.metro)\(night.hosted ? " (a member offered to host)" : "")")
                }
                day = day.adding(days: 1)
            }
        }
        let t = plan.totals
        let n = plan.naive
        lines.append("")
        lines.append(
            "Totals: \(t.trainings) trainings, \(String(format: "%.0f", t.km)) km, \(String(format: "%.1f", t.driveHours)) h driving, \(t.nightsAway) nights away"
        )
        lines.append(
            "Naive plan (one round trip per stop): \(String(format: "%.0f", n.km)) km, \(String(format: "%.1f", n.driveHours)) h, \(n.nightsAway) nights"
        )
        lines.append(Self.savings(plan))
        for training in plan.remoteTrainings ?? [] {
            lines.append(
                "Remote training (video): \(training.date) \(training.metro) by \(training.team), chance of a chapter \(Self.percent(training.probability))"
            )
        }
        if let expected = plan.expectedChapters {
            lines.append("Expected new chapters: \(String(format: "%.2f", expected))")
        }
        for stop in plan.unvisited { lines.append("Not visited: \(stop.metro) — \(stop.reason)") }
        for stop in plan.skipped { lines.append("Skipped for --top: #\(stop.rank) \(stop.metro) — \(stop.reason)") }
        return lines.joined(separator: "\n")
    }

    /// "Saved: 594 km, 5.9 h driving, 1 night"; what the plan costs more than the naive plan
    /// (fewer km for one more night) is said as such, never as a negative saving: "Saved: 37 km,
    /// 0.5 h driving; 1 more night away than the naive plan".
    static func savings(_ plan: TourPlan) -> String {
        let (t, n) = (plan.totals, plan.naive)
        let nights = n.nightsAway - t.nightsAway
        let parts: [(isMore: Bool, saved: String, more: String)] = [
            (
                fixed(n.km - t.km, digits: 0).hasPrefix("-"), fixed(n.km - t.km, digits: 0) + " km",
                fixed(t.km - n.km, digits: 0) + " more km"
            ),
            (
                fixed(n.driveHours - t.driveHours, digits: 1).hasPrefix("-"),
                fixed(n.driveHours - t.driveHours, digits: 1) + " h driving",
                fixed(t.driveHours - n.driveHours, digits: 1) + " more h driving"
            ),
            (
                nights < 0, "\(nights) night\(nights == 1 ? "" : "s")",
                "\(-nights) more night\(nights == -1 ? "" : "s") away"
            ),
        ]
        let saved = parts.filter { !$0.isMore }.map(\.saved)
        let more = parts.filter(\.isMore).map(\.more)
        return "Saved: " + (saved.isEmpty ? "nothing" : saved.joined(separator: ", "))
            + (more.isEmpty ? "" : "; " + more.joined(separator: ", ") + " than the naive plan")
    }

    /// `value` with `digits` decimals; a difference that rounds to zero reads "0", never "-0" or
    /// "-0.0" (a plan that saves nothing over the naive one).
    static func fixed(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", value)
        guard text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) else { return text }
        return String(text.dropFirst())
    }

    /// "12.5%"; never a certainty (">99.9%"), never nothing ("<0.1%").
    static func percent(_ value: Double) -> String {
        if value > 0 && value < 0.001 { return "<0.1%" }
        if value > 0.999 { return ">99.9%" }
        return String(format: "%.1f%%", value * 100)
    }
}
