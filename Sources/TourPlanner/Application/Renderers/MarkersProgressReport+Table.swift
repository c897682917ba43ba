import Foundation

extension MarkersReport {
    /// Each chapter's status as CSV.
    var csv: String {
        let rows = chapterStatuses.map { status in
            [
                status.name, "\(status.members)", "\(status.women)", "\(status.genderStated)",
                status.womenShare.map { String(format: "%.3f", $0) } ?? "", status.countryCode ?? "",
                status.continent ?? "", "\(status.meetsDefinition)", status.missing.joined(separator: "; "),
            ]
        }
        return CSVWriter.render(
            header: [
                "chapter", "members", "women", "genderStated", "womenShare", "country", "continent", "meetsDefinition",
                "missing",
            ],
            rows: rows)
    }

    /// The markers, then each chapter's status, for people.
    var table: String {
        var markers = TextTable(["marker", "now", "target", "status"])
        for marker in [onlineMembers, chapters, continents] {
            markers.add([
                marker.name, "\(marker.current)", "\(marker.target)",
                marker.isReached ? "reached" : "\(marker.target - marker.current) to go",
            ])
        }
        var lines = [markers.render()]
        if !continentsWithChapters.isEmpty {
            lines.append("continents with chapters: \(continentsWithChapters.joined(separator: ", "))")
        }
        if chapterStatuses.isEmpty {
            lines.append("\nNo chapters yet: no member has a chapter in the store.")
            return lines.joined(separator: "\n")
        }
        var chapters = TextTable(["chapter", "members", "women", "stated", "women %", "continent", "status"])
        for status in chapterStatuses {
            chapters.add([
                status.name, "\(status.members)", "\(status.women)", "\(status.genderStated)",
                status.womenShare.map { String(format: "%.0f%%", $0 * 100) } ?? "-", status.continent ?? "?",
                status.meetsDefinition ? "meets the definition" : status.missing.joined(separator: "; "),
            ])
        }
        lines.append("\n" + chapters.render())
        return lines.joined(separator: "\n")
    }
}

extension ChapterForecast {
    /// The distribution of the number of chapters as CSV.
    var csv: String {
        CSVWriter.render(
            header: ["chapters", "probability"],
            rows: distribution.map { ["\($0.chapters)", String(format: "%.6f", $0.probability)] })
    }

    /// The trainings, the distribution (while it still matters) and the chance of the target.
    var table: String {
        var trainingsTable = TextTable(["date", "metro", "kind", "chance", "counts by deadline"])
        for training in trainings {
            trainingsTable.add([
                training.date.description, training.metro, training.kind.rawValue,
                ReportText.percent(training.probability), training.beforeDeadline ? "yes" : "no (after it)",
            ])
        }
        var table = TextTable(["chapters after the tour", "probability", "at least this many"])
        var atLeast = 1.0
        for outcome in distribution {
            if outcome.probability >= 0.0005 || atLeast >= 0.0005 {
                table.add([
                    "\(outcome.chapters)", ReportText.percent(outcome.probability), ReportText.percent(atLeast),
                ])
            }
            atLeast -= outcome.probability
            if atLeast < 0.0005 { break }
        }
        return [
            trainingsTable.render(),
            "\n" + table.render(),
            "\nexisting chapters: \(existingChapters); expected after the tour: "
                + String(format: "%.2f", expectedChapters),
            "chance of reaching \(target) chapters"
                + (deadline.map { " by \($0)" } ?? " (no deadline set in the settings)") + ": "
                + ReportText.percent(probabilityOfReachingTarget),
        ].joined(separator: "\n")
    }
}

extension MarkerSettings {
    /// The chapter definition in words, from these settings: "at least 5 members, at least 30% women".
    public var chapterRule: String {
        "at least \(chapterMinMembers) members, at least \(Int((chapterMinWomenShare * 100).rounded()))% women"
    }
}
