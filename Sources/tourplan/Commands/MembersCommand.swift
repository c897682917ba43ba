import ArgumentParser
import Foundation
import TourPlanner

struct MembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Member totals and data-quality views.",
        discussion: "Without --by, prints the totals and every breakdown (country, chapter, raw city).")

    enum Breakdown: String, CaseIterable, ExpressibleByArgument { case country, city, chapter, metro }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Show one breakdown.") var by: Breakdown?
    @Option(help: "Number of rows per breakdown in the table view (0 = all).") var limit = 0
    @Option(help: "Output format.") var format: OutputFormat = .table

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more (got \(limit))") }
    }

    func run() async throws {
        let store = try database.open()
        let summary = try store.memberSummary()
        let sections: [(String, [MemberSummary.Group])]
        switch by {
        case .country: sections = [("country", summary.byCountry)]
        case .city: sections = [("city", summary.byCity)]
        case .chapter: sections = [("chapter", summary.byChapter)]
        case .metro: throw CLIError("--by metro needs the Cities stage", hint: "not available in this build")
        case nil: sections = [("country", summary.byCountry), ("chapter", summary.byChapter), ("city", summary.byCity)]
        }
        switch format {
        case .json:
            print(try JSONOutput.encode(summary))
        case .csv:
            print(
                CSVText.render(
                    header: ["breakdown", "name", "members", "unaffiliated"],
                    rows: sections.flatMap { name, groups in groups.map { [name, $0.name, "\($0.members)", "\($0.unaffiliated)"] } }
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
}
