import Foundation
import TourPlannerCore

extension Itinerary {
    /// " (local times: UTC+01:00 → UTC+02:00)" for a leg whose departure and arrival are on
    /// clocks with different offsets (ISO 8601 times with their offsets), so that 07:00–12:15 for
    /// a 4.2 h drive reads right; "" when both are on the same clock.
    package static func clockChange(from departure: String, to arrival: String) -> String {
        func offset(_ iso: String) -> String? {
            guard iso.count >= 25 else { return nil }
            let suffix = String(iso.suffix(6))
            return suffix.first == "+" || suffix.first == "-" ? suffix : nil
        }
        guard let start = offset(departure), let end = offset(arrival), start != end else { return "" }
        func utc(_ offset: String) -> String { "UTC" + offset.replacingOccurrences(of: "-", with: "−") }
        return " (local times: \(utc(start)) → \(utc(end)))"
    }

    /// A Markdown itinerary: per trip and day, every drive, training and night, then the totals.
    package func markdown() -> String {
        var out = ["# \(title)", ""]
        for trip in trips {
            out.append("## Trip \(trip.number): \(trip.start) → \(trip.end) (\(trip.team), from \(trip.base))")
            out.append("")
            out.append(
                "\(distance(trip.km)), \(String(format: "%.1f", trip.hours)) h driving, \(trip.nightsAway) night\(trip.nightsAway == 1 ? "" : "s") away."
            )
            for day in trip.days {
                out.append("")
                out.append("### \(day.date) (\(day.date.weekdayName))")
                out.append("")
                for item in day.items {
                    let time = "\(Self.clock(item.start))–\(Self.clock(item.end))"
                    switch item.kind {
                    case .drive:
                        out.append(
                            "- \(time) **Drive** \(item.from ?? "") → \(item.to ?? ""): \(distance(item.km ?? 0)), \(String(format: "%.1f", item.hours ?? 0)) h"
                                + Self.clockChange(from: item.start, to: item.end)
                        )
                    case .training:
                        var line = "- \(time) **\(item.title)**"
                        if let venue = item.venue { line += " at \(venue)" }
                        if let organizer = item.organizer { line += ", local organizer \(organizer)" }
                        out.append(line)
                    case .night:
                        out.append(
                            "- Night: \(item.metro ?? "")\(item.hosted == true ? ", hosted by a member" : ", hotel")")
                    }
                }
            }
            out.append("")
        }
        out.append("## Totals")
        out.append("")
        out.append("| | Plan | One round trip per stop |")
        out.append("|---|---:|---:|")
        out.append("| Trainings | \(totals.trainings) | \(totals.trainings) |")
        out.append("| Distance | \(distance(totals.km)) | \(distance(naive.km)) |")
        out.append(
            "| Driving | \(String(format: "%.1f", totals.driveHours)) h | \(String(format: "%.1f", naive.driveHours)) h |"
        )
        out.append("| Nights away | \(totals.nightsAway) | \(naive.nightsAway) |")
        if let budgetTotal { out.append("| Budget total | \(budgetTotal.formatted) | |") }
        if !unvisited.isEmpty {
            out.append("")
            out.append("Not visited:")
            for stop in unvisited { out.append("- \(stop.metro): \(stop.reason)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
