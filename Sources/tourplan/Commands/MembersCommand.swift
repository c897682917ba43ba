import ArgumentParser
import Foundation
import TourPlanner

struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Member totals and data-quality views.",
        discussion: "Without --by, prints the totals and every breakdown (country, chapter, raw city).",
        subcommands: [MembersConsentCommand.self])

    enum Breakdown: String, CaseIterable, ExpressibleByArgument { case country, city, chapter, metro }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Show one breakdown.") var by: Breakdown?
    @Option(help: "Number of rows per breakdown in the table view (0 = all).") var limit = 0
    @Option(help: "Output format.") var format: OutputFormat = .table
    @Flag(help: "List members whose place did not resolve, with the reason and suggestions.") var unresolved = false
    @Option(help: "Metro radius in km for --by metro.") var radiusKm = MetroClustering.defaultRadiusKm
    @OptionGroup var places: PlaceOptions

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more (got \(limit))") }
    }

    func run() async throws {
        let store = try database.open()
        if unresolved {
            try printUnresolved(store)
            return
        }
        let summary = try store.memberSummary()
        if by == .metro {
            try printMetros(store, summary: summary)
            return
        }
        let sections: [(String, [MemberSummary.Group])]
        switch by {
        case .country: sections = [("country", summary.byCountry)]
        case .city: sections = [("city", summary.byCity)]
        case .chapter: sections = [("chapter", summary.byChapter)]
        case .metro, nil:
            sections = [("country", summary.byCountry), ("chapter", summary.byChapter), ("city", summary.byCity)]
        }
        switch format {
        case .json:
            print(try JSONOutput.encode(summary))
        case .csv:
            print(
                CSVWriter.render(
                    header: ["breakdown", "name", "members", "unaffiliated"],
                    rows: sections.flatMap { name, groups in
                        groups.map { [name, $0.name, "\($0.members)", "\($0.unaffiliated)"] }
                    }
                ), terminator: "")
        case .table:
            print("members: \(summary.total)   unaffiliated: \(summary.unaffiliated)   chapters: \(summary.chapters)")
            if summary.total == 0 {
                print("The store is empty: import a member export with `tourplan import FILE`.")
                return
            }
            for (name, groups) in sections {
                var table = TextTable([name, "members", "unaffiliated"])
                let shown = limit > 0 ? Array(groups.prefix(limit)) : groups
                for group in shown { table.add([group.name, "\(group.members)", "\(group.unaffiliated)"]) }
                print("\n" + table.render())
                if shown.count < groups.count { print("…and \(groups.count - shown.count) more") }
            }
        }
    }

    func printUnresolved(_ store: TourDatabase) throws {
        _ = try store.resolvePlaces(using: try places.makeResolver())
        let members = try store.unresolvedMembers(limit: limit > 0 ? limit : nil)
        switch format {
        case .json:
            print(try JSONOutput.encode(members))
        case .csv:
            print(
                CSVWriter.render(
                    header: ["id", "city", "region", "country", "reason", "suggestions"],
                    rows: members.map {
                        [
                            $0.id.rawValue, $0.city, $0.region ?? "", $0.country ?? "", $0.reason,
                            $0.suggestions.joined(separator: " | "),
                        ]
                    }),
                terminator: "")
        case .table:
            if members.isEmpty {
                print("Every member's place is resolved.")
                return
            }
            var table = TextTable(["id", "city", "region", "country", "why", "suggestions"])
            let shown = limit > 0 ? Array(members.prefix(limit)) : members
            for member in shown {
                table.add([
                    member.id.rawValue, member.city, member.region ?? "", member.country ?? "", member.reason,
                    member.suggestions.joined(separator: "; "),
                ])
            }
            print(table.render())
            print(
                "\n\(members.count) members unresolved. Fix the export, or add aliases (Cities/aliases.tsv or --aliases FILE)."
            )
        }
    }

    func printMetros(_ store: TourDatabase, summary: MemberSummary) throws {
        let context = try RankingContext.make(store: store, radiusKm: radiusKm, places: places)
        let ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: [], base: nil,
            weights: RankingWeights())
        let metros = ranking.metros.sorted { ($0.unaffiliated, $1.metro) > ($1.unaffiliated, $0.metro) }
        switch format {
        case .json:
            print(try JSONOutput.encode(metros))
        case .csv:
            print(
                CSVWriter.render(
                    header: ["metro", "country", "cities", "unaffiliated", "organizers", "hosts"],
                    rows: metros.map {
                        [
                            $0.metro, $0.country ?? "", $0.cities.joined(separator: "; "), "\($0.unaffiliated)",
                            "\($0.organizers)", "\($0.hosts)",
                        ]
                    }),
                terminator: "")
        case .table:
            var table = TextTable(["metro", "cc", "unaffiliated", "cities"])
            let shown = limit > 0 ? Array(metros.prefix(limit)) : metros
            for metro in shown {
                table.add([
                    metro.metro, metro.country ?? "", "\(metro.unaffiliated)", metro.cities.joined(separator: ", "),
                ])
            }
            print(table.render())
            print(
                "\n\(ranking.unresolvedMembers) members in unresolved places are not in any metro (`tourplan members --unresolved`)."
            )
        }
    }
}
