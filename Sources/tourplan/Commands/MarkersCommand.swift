import ArgumentParser
import Foundation
import TourPlanner

struct MarkersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markers",
        abstract: "Progress toward the organization's founding markers.",
        discussion: """
            Online members, chapters that meet the definition (at least 5 members, at least 30% women
            among those with a stated gender), and continents with such chapters, with what each
            near-miss chapter still needs. Targets and the definition come from a settings file
            (the bundled markers.toml unless --settings FILE is given).
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Markers settings file (TOML; see README).") var settings: String?
    @Option(help: "Output format.") var format: OutputFormat = .table

    func run() async throws {
        let markerSettings: MarkerSettings
        if let settings {
            guard let text = try? String(contentsOfFile: settings, encoding: .utf8) else {
                throw CLIError("\(settings): cannot be read", hint: "check the --settings path")
            }
            markerSettings = try MarkerSettings.parse(text, fileName: settings)
        } else {
            markerSettings = try MarkerSettings.loadBundled()
        }
        let store = try database.open()
        let total = try store.memberSummary().total
        let report = MarkersReport.make(
            totalMembers: total, chapterMembers: try store.chapterMemberGroups(), settings: markerSettings,
            continent: Lookups.continent)
        switch format {
        case .json:
            print(try JSONOutput.encode(report))
        case .csv:
            let rows = report.chapterStatuses.map { status in
                [
                    status.name, "\(status.members)", "\(status.women)", "\(status.genderStated)",
                    status.womenShare.map { String(format: "%.3f", $0) } ?? "", status.countryCode ?? "",
                    status.continent ?? "", "\(status.meetsDefinition)", status.missing.joined(separator: "; "),
                ]
            }
            print(
                CSVWriter.render(
                    header: [
                        "chapter", "members", "women", "genderStated", "womenShare", "country", "continent",
                        "meetsDefinition", "missing",
                    ],
                    rows: rows), terminator: "")
        case .table:
            var markers = TextTable(["marker", "now", "target", "status"])
            for marker in [report.onlineMembers, report.chapters, report.continents] {
                markers.add([
                    marker.name, "\(marker.current)", "\(marker.target)",
                    marker.isReached ? "reached" : "\(marker.target - marker.current) to go",
                ])
            }
            print(markers.render())
            if !report.continentsWithChapters.isEmpty {
                print("continents with chapters: \(report.continentsWithChapters.joined(separator: ", "))")
            }
            if report.chapterStatuses.isEmpty {
                print("\nNo chapters yet: no member has a chapter in the store.")
                return
            }
            var chapters = TextTable(["chapter", "members", "women", "stated", "women %", "continent", "status"])
            for status in report.chapterStatuses {
                chapters.add([
                    status.name, "\(status.members)", "\(status.women)", "\(status.genderStated)",
                    status.womenShare.map { String(format: "%.0f%%", $0 * 100) } ?? "-",
                    status.continent ?? "?",
                    status.meetsDefinition ? "meets the definition" : status.missing.joined(separator: "; "),
                ])
            }
            print("\n" + chapters.render())
        }
    }
}
