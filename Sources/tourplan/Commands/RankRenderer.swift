import Foundation
import TourPlanner

/// Prints rankings as a table, CSV or JSON, and explains one metro.
enum RankRenderer {
    static let csvHeader = [
        "rank", "metro", "country", "cities", "lat", "lon", "unaffiliated", "organizers", "hosts", "womenShare",
        "nearestChapterKm", "baseKm", "score", "chapterProbability",
    ]

    /// The ranking as CSV (`rank --format csv` and the demo's ranking.csv).
    static func csv(_ ranking: MetroRanking) -> String {
        let rows = ranking.metros.map { metro in
            [
                "\(metro.rank)", metro.metro, metro.country ?? "", metro.cities.joined(separator: "; "),
                String(format: "%.5f", metro.latitude), String(format: "%.5f", metro.longitude),
                "\(metro.unaffiliated)",
                "\(metro.organizers)", "\(metro.hosts)", number(metro.womenShare, digits: 3),
                number(metro.nearestChapterKm),
                number(metro.baseKm), number(metro.score, digits: 3),
                number(metro.chapter?.probability, digits: 4),
            ]
        }
        return CSVWriter.render(header: csvHeader, rows: rows)
    }

    static func number(_ value: Double?, digits: Int = 1) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? ""
    }

    static func render(
        _ ranking: MetroRanking, format: OutputFormat, unaffiliated: Int, resolved: [ResolvedPlace] = []
    ) {
        switch format {
        case .json:
            print((try? JSONOutput.encode(WithResolvedPlaces(value: ranking, resolved: resolved))) ?? "{}")
        case .csv:
            print(csv(ranking), terminator: "")
        case .table:
            if ranking.metros.isEmpty {
                print(
                    unaffiliated == 0
                        ? "Every member is already in a chapter: no metro has unaffiliated members."
                        : "No metro matches (members' places may not be resolved yet, or the filters exclude them).")
            } else {
                var table = TextTable([
                    "#", "metro", "cc", "unaffiliated", "chapter", "organizers", "hosts", "women", "nearest chapter",
                    "from base", "score", "cities",
                ])
                for metro in ranking.metros {
                    let women =
                        metro.womenShare.map {
                            String(format: "%.0f%%", $0 * 100)
                                + ((metro.womenNeeded ?? 0) > 0 ? " (+\(metro.womenNeeded ?? 0))" : "")
                        } ?? "-"
                    table.add([
                        "\(metro.rank)", metro.metro, metro.country ?? "", "\(metro.unaffiliated)",
                        percent(metro.chapter?.probability), "\(metro.organizers)",
                        "\(metro.hosts)", women,
                        metro.nearestChapterKm.map { "\(metro.nearestChapter ?? "") \(Int($0.rounded())) km" } ?? "-",
                        metro.baseKm.map { "\(Int($0.rounded())) km" } ?? "-", number(metro.score, digits: 1),
                        metro.cities.joined(separator: ", "),
                    ])
                }
                print(table.render())
            }
            print(
                "\n\(ranking.totalUnaffiliated) unaffiliated members in all; "
                    + "\(ranking.unresolvedMembers) members (\(ranking.unresolvedUnaffiliated) unaffiliated) in \(ranking.unresolvedPlaces) unresolved places are not ranked"
                    + (ranking.unresolvedMembers > 0 ? " (see `tourplan members --unresolved`)." : "."))
        }
    }

    /// A chance as a percentage for people: "<0.1%" and ">99.9%" rather than a misleading 0% or 100%.
    static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value > 0 && value < 0.001 { return "<0.1%" }
        if value > 0.999 { return ">99.9%" }  // a chance is never shown as a certainty
        return String(format: "%.1f%%", value * 100)
    }

    static func explain(
        _ name: String, ranking: MetroRanking, context: RankingContext, store: TourDatabase,
        model: ChapterModelParameters
    ) throws {
        guard let metro = ranking.metros.first(where: { $0.metro.caseInsensitiveCompare(name) == .orderedSame }),
            let group = context.metros.first(where: { $0.name == metro.metro && $0.countryCode == metro.country })
        else {
            let names = ranking.metros.prefix(10).map(\.metro).joined(separator: ", ")
            throw CLIError(
                "no ranked metro is called \"\(name)\"", hint: "use a name from `tourplan rank`, e.g. \(names)")
        }
        let weights = ranking.weights
        let sharePercent = Int((model.minWomenShare * 100).rounded())
        print("\(metro.metro) (\(metro.country ?? "?")): rank \(metro.rank), score \(number(metro.score, digits: 3))")
        print("cities: \(metro.cities.joined(separator: ", "))")
        print("components:")
        print("  unaffiliated members  \(metro.unaffiliated) × weight \(weights.unaffiliated)")
        print("  organizers            \(metro.organizers) × weight \(weights.organizers)")
        print("  hosts                 \(metro.hosts) × weight \(weights.hosts)")
        print(
            "  women share           \(metro.womenShare.map { String(format: "%.1f%%", $0 * 100) } ?? "unknown")"
                + ((metro.womenNeeded ?? 0) > 0
                    ? ", \(metro.womenNeeded ?? 0) more women needed for the \(sharePercent)% rule" : "")
                + " (weight \(weights.womenGap) per point below \(sharePercent)%)")
        print(
            "  nearest chapter       \(metro.nearestChapter.map { "\($0), \(number(metro.nearestChapterKm)) km" } ?? "none") (weight \(weights.nearestChapter) per 100 km, capped at 500 km)"
        )
        print(
            "  distance from base    \(metro.baseKm.map { "\(number($0)) km" } ?? "no --base") (weight −\(weights.baseDistance) per 100 km)"
        )
        if let chance = metro.chapter {
            print("chance that a training founds a chapter: \(percent(chance.probability))")
            print(
                "  rule                  at least \(model.minMembers) members keep meeting, at least \(sharePercent)% of them women"
            )
            print(
                "  response              \(percent(model.responseRate)) of members, \(percent(model.organizerResponseRate)) of organizers come"
            )
            print(
                "  retention             \(percent(model.retentionRate)) of attendees, \(percent(model.organizerRetentionRate)) of organizers keep meeting"
                    + (metro.hosts > 0 ? " (× \(1 + model.hostRetentionLift) with a host)" : ""))
            print(
                "  women share used      \(percent(chance.womenShareUsed))"
                    + (metro.womenShare == nil ? " (nobody stated a gender: the default)" : ""))
            print(
                "  expected              \(String(format: "%.1f", chance.expectedAttendees)) attendees, \(String(format: "%.1f", chance.expectedContinuing)) keep meeting; P(at least \(model.minMembers)) = \(percent(chance.probabilityOfMinimumSize))"
            )
        }
        let members = try store.members(inPlaceKeys: group.placeKeys)
        let unaffiliated = members.filter(\.isUnaffiliated)
        print(
            "unaffiliated members counted (\(unaffiliated.count)): \(unaffiliated.map(\.id.rawValue).joined(separator: ", "))"
        )
        let organizers = unaffiliated.filter { $0.organizerInterest == true }
        print("organizers: \(organizers.isEmpty ? "none" : organizers.map(\.id.rawValue).joined(separator: ", "))")
        let hosts = members.filter { $0.willingToHost == true }
        print("hosts: \(hosts.isEmpty ? "none" : hosts.map(\.id.rawValue).joined(separator: ", "))")
    }
}
