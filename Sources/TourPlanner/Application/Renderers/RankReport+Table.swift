import Foundation

extension MetroRanking {
    /// The CSV header of a ranking.
    static let csvHeader = [
        "rank", "metro", "country", "cities", "lat", "lon", "unaffiliated", "organizers", "hosts", "womenShare",
        "nearestChapterKm", "baseKm", "score", "chapterProbability",
    ]

    /// The ranking as CSV (`rank --format csv` and the demo's ranking.csv).
    package var csv: String {
        let rows = metros.map { metro in
            [
                "\(metro.rank)", metro.metro, metro.country ?? "", metro.cities.joined(separator: "; "),
                String(format: "%.5f", metro.latitude), String(format: "%.5f", metro.longitude),
                "\(metro.unaffiliated)", "\(metro.organizers)", "\(metro.hosts)",
                ReportText.number(metro.womenShare, digits: 3), ReportText.number(metro.nearestChapterKm),
                ReportText.number(metro.baseKm), ReportText.number(metro.score, digits: 3),
                ReportText.number(metro.chapter?.probability, digits: 4),
            ]
        }
        return CSVWriter.render(header: Self.csvHeader, rows: rows)
    }

    /// The ranking as a table for people, with what it could not rank.
    func table(storeUnaffiliated: Int) -> String {
        var text: String
        if metros.isEmpty {
            text =
                storeUnaffiliated == 0
                ? "Every member is already in a chapter: no metro has unaffiliated members."
                : "No metro matches (members' places may not be resolved yet, or the filters exclude them)."
        } else {
            var table = TextTable([
                "#", "metro", "cc", "unaffiliated", "chapter", "organizers", "hosts", "women", "nearest chapter",
                "from base", "score", "cities",
            ])
            for metro in metros {
                let women =
                    metro.womenShare.map {
                        String(format: "%.0f%%", $0 * 100)
                            + ((metro.womenNeeded ?? 0) > 0 ? " (+\(metro.womenNeeded ?? 0))" : "")
                    } ?? "-"
                table.add([
                    "\(metro.rank)", metro.metro, metro.country ?? "", "\(metro.unaffiliated)",
                    ReportText.percent(metro.chapter?.probability), "\(metro.organizers)", "\(metro.hosts)", women,
                    metro.nearestChapterKm.map { "\(metro.nearestChapter ?? "") \(Int($0.rounded())) km" } ?? "-",
                    metro.baseKm.map { "\(Int($0.rounded())) km" } ?? "-", ReportText.number(metro.score, digits: 1),
                    metro.cities.joined(separator: ", "),
                ])
            }
            text = table.render()
        }
        return text + "\n\n\(totalUnaffiliated) unaffiliated members in all; "
            + "\(unresolvedMembers) members (\(unresolvedUnaffiliated) unaffiliated) in \(unresolvedPlaces) "
            + "unresolved places are not ranked"
            + (unresolvedMembers > 0 ? " (see `tourplan members --unresolved`)." : ".")
    }
}

extension RankExplanation {
    /// The explanation for people: components with their weights, the chapter model's terms (with
    /// the configured share of women, never a fixed one), and the members counted.
    package var text: String {
        let number = ReportText.number
        let percent = ReportText.percent
        let sharePercent = Int((model.minWomenShare * 100).rounded())
        var lines = [
            "\(metro.metro) (\(metro.country ?? "?")): rank \(metro.rank), score \(number(metro.score, 3))",
            "cities: \(metro.cities.joined(separator: ", "))",
            "components:",
            "  unaffiliated members  \(metro.unaffiliated) × weight \(weights.unaffiliated)",
            "  organizers            \(metro.organizers) × weight \(weights.organizers)",
            "  hosts                 \(metro.hosts) × weight \(weights.hosts)",
            "  women share           \(metro.womenShare.map { String(format: "%.1f%%", $0 * 100) } ?? "unknown")"
                + ((metro.womenNeeded ?? 0) > 0
                    ? ", \(metro.womenNeeded ?? 0) more women needed for the \(sharePercent)% rule" : "")
                + " (weight \(weights.womenGap) per point below \(sharePercent)%)",
            "  nearest chapter       "
                + (metro.nearestChapter.map { "\($0), \(number(metro.nearestChapterKm, 1)) km" } ?? "none")
                + " (weight \(weights.nearestChapter) per 100 km, capped at 500 km)",
            "  distance from base    \(metro.baseKm.map { "\(number($0, 1)) km" } ?? "no --base")"
                + " (weight −\(weights.baseDistance) per 100 km)",
        ]
        if let chance = metro.chapter {
            lines += [
                "chance that a training founds a chapter: \(percent(chance.probability))",
                "  rule                  at least \(model.minMembers) members keep meeting, "
                    + "at least \(sharePercent)% of them women",
                "  response              \(percent(model.responseRate)) of members, "
                    + "\(percent(model.organizerResponseRate)) of organizers come",
                "  retention             \(percent(model.retentionRate)) of attendees, "
                    + "\(percent(model.organizerRetentionRate)) of organizers keep meeting"
                    + (metro.hosts > 0 ? " (× \(1 + model.hostRetentionLift) with a host)" : ""),
                "  women share used      \(percent(chance.womenShareUsed))"
                    + (metro.womenShare == nil ? " (nobody stated a gender: the default)" : ""),
                "  expected              \(String(format: "%.1f", chance.expectedAttendees)) attendees, "
                    + "\(String(format: "%.1f", chance.expectedContinuing)) keep meeting; "
                    + "P(at least \(model.minMembers)) = \(percent(chance.probabilityOfMinimumSize))",
            ]
        }
        lines += [
            "unaffiliated members counted (\(unaffiliatedMembers.count)): \(unaffiliatedMembers.joined(separator: ", "))",
            "organizers: \(organizers.isEmpty ? "none" : organizers.joined(separator: ", "))",
            "hosts: \(hosts.isEmpty ? "none" : hosts.joined(separator: ", "))",
        ]
        return lines.joined(separator: "\n")
    }
}
