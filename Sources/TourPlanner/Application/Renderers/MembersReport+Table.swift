import Foundation

extension MembersReport {
    /// The breakdowns a summary shows, in order.
    static func sections(_ summary: MemberSummary, _ breakdown: MemberBreakdown?) -> [(String, [MemberSummary.Group])] {
        switch breakdown {
        case .country: [("country", summary.byCountry)]
        case .city: [("city", summary.byCity)]
        case .chapter: [("chapter", summary.byChapter)]
        case .metro, nil:
            [("country", summary.byCountry), ("chapter", summary.byChapter), ("city", summary.byCity)]
        }
    }

    /// The first `limit` items (all when `limit` is 0).
    func shown<T>(_ items: [T]) -> [T] { limit > 0 ? Array(items.prefix(limit)) : items }

    var csv: String {
        switch content {
        case .summary(let summary, let breakdown):
            return CSVWriter.render(
                header: ["breakdown", "name", "members", "unaffiliated"],
                rows: Self.sections(summary, breakdown).flatMap { name, groups in
                    groups.map { [name, $0.name, "\($0.members)", "\($0.unaffiliated)"] }
                })
        case .unresolved(let members):
            return CSVWriter.render(
                header: ["id", "city", "region", "country", "reason", "suggestions"],
                rows: members.map {
                    [
                        $0.id.rawValue, $0.city, $0.region ?? "", $0.country ?? "", $0.reason,
                        $0.suggestions.joined(separator: " | "),
                    ]
                })
        case .metros(let metros, _):
            return CSVWriter.render(
                header: ["metro", "country", "cities", "unaffiliated", "organizers", "hosts"],
                rows: metros.map {
                    [
                        $0.metro, $0.country ?? "", $0.cities.joined(separator: "; "), "\($0.unaffiliated)",
                        "\($0.organizers)", "\($0.hosts)",
                    ]
                })
        }
    }

    var table: String {
        switch content {
        case .summary(let summary, let breakdown):
            var lines = [
                "members: \(summary.total)   unaffiliated: \(summary.unaffiliated)   chapters: \(summary.chapters)"
            ]
            if summary.total == 0 {
                lines.append("The store is empty: import a member export with `tourplan import FILE`.")
                return lines.joined(separator: "\n")
            }
            for (name, groups) in Self.sections(summary, breakdown) {
                var table = TextTable([name, "members", "unaffiliated"])
                let rows = shown(groups)
                for group in rows { table.add([group.name, "\(group.members)", "\(group.unaffiliated)"]) }
                lines.append("\n" + table.render())
                if rows.count < groups.count { lines.append("…and \(groups.count - rows.count) more") }
            }
            return lines.joined(separator: "\n")
        case .unresolved(let members):
            if members.isEmpty { return "Every member's place is resolved." }
            var table = TextTable(["id", "city", "region", "country", "why", "suggestions"])
            for member in shown(members) {
                table.add([
                    member.id.rawValue, member.city, member.region ?? "", member.country ?? "", member.reason,
                    member.suggestions.joined(separator: "; "),
                ])
            }
            let guessed = members.count { $0.reason.hasPrefix("guessed ") }
            return table.render() + "\n\n\(members.count - guessed) members unresolved"
                + (guessed > 0 ? ", \(guessed) placed by a guess (check the city it was taken for)" : "")
                + ". Fix the export, or add aliases (Cities/aliases.tsv or --aliases FILE)."
        case .metros(let metros, let unresolvedMembers):
            var table = TextTable(["metro", "cc", "unaffiliated", "cities"])
            for metro in shown(metros) {
                table.add([
                    metro.metro, metro.country ?? "", "\(metro.unaffiliated)", metro.cities.joined(separator: ", "),
                ])
            }
            return table.render() + "\n\n\(unresolvedMembers) members in unresolved places are not in any metro "
                + "(`tourplan members --unresolved`)."
        }
    }
}

extension MemberConsentReport {
    var csv: String {
        CSVWriter.render(
            header: ["member", "flag", "change", "source", "detail", "actor", "reason", "recordedAt"],
            rows: log.map {
                [
                    $0.memberID.rawValue, $0.flag.rawValue, $0.change.rawValue, $0.source.rawValue, $0.detail ?? "",
                    $0.actor ?? "", $0.reason ?? "", ReportText.instant($0.recordedAt),
                ]
            })
    }

    var table: String {
        var lines: [String] = []
        if askedForChange {
            lines.append(
                changed.isEmpty
                    ? "No change: the flags were already so."
                    : changed.count == 1 ? "1 change recorded." : "\(changed.count) changes recorded.")
        }
        let flags = consent.flags.map(\.rawValue).joined(separator: ", ")
        lines.append("member \(member.rawValue): \(flags.isEmpty ? "no consent flags" : flags)")
        lines.append(
            "calls: \(consent.allows(.call) ? "allowed" : "stopped")   texts: \(consent.allows(.text) ? "allowed" : "stopped")"
        )
        if log.isEmpty {
            lines.append("No consent history.")
            return lines.joined(separator: "\n")
        }
        var table = TextTable(["when", "flag", "change", "source", "detail", "by", "reason"])
        for entry in log {
            table.add([
                ReportText.instant(entry.recordedAt), entry.flag.rawValue, entry.change.rawValue,
                entry.source.rawValue, entry.detail ?? "", entry.actor ?? "", entry.reason ?? "",
            ])
        }
        lines.append("\n" + table.render())
        return lines.joined(separator: "\n")
    }
}
