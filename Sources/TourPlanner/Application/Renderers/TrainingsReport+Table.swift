import Foundation

extension TrainingsReport {
    /// The trainings as CSV.
    var csv: String {
        let rows = results.map {
            [
                "\($0.id)", $0.metro, $0.date.description, $0.kind.rawValue, "\($0.invited)", "\($0.attended)",
                "\($0.women)", $0.chapterFounded.rawValue, $0.note,
            ]
        }
        return CSVWriter.render(
            header: ["id", "metro", "date", "kind", "invited", "attended", "women", "chapterFounded", "note"],
            rows: rows)
    }

    /// The trainings as a table.
    var table: String {
        var table = TextTable(["id", "metro", "date", "kind", "invited", "attended", "women", "chapter", "note"])
        for result in results {
            table.add([
                "\(result.id)", result.metro, result.date.description, result.kind.rawValue, "\(result.invited)",
                "\(result.attended)", "\(result.women)", result.chapterFounded.rawValue, result.note,
            ])
        }
        return table.render()
    }
}

extension ChapterFitReport {
    /// The fitted rates for people.
    var table: String {
        let count = fit.trainingsRecorded
        var lines = ["\(count) training\(count == 1 ? "" : "s") recorded"]
        let percent = { (value: Double) in String(format: "%.1f%%", value * 100) }
        for (name, estimate) in [("response rate", fit.response), ("retention rate", fit.retention)] {
            let used = estimate.trainingsUsed
            lines.append(
                "\(name): \(percent(estimate.value)) ± \(percent(estimate.standardDeviation)) from \(used) "
                    + "training\(used == 1 ? "" : "s") (prior \(percent(estimate.prior)))")
        }
        if fit.response.trainingsUsed == 0 && fit.retention.trainingsUsed == 0 {
            lines.append("No usable trainings: ranking and planning keep the settings' rates.")
        }
        return lines.joined(separator: "\n")
    }
}
