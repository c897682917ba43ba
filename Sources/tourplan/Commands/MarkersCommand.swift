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
    @Option(help: "A plan (PLAN.json): forecast the number of chapters after its trainings.") var forecast: String?
    @Option(help: "Metro radius in km (as for `rank`), to find each stop's members.") var radiusKm = 25.0
    @OptionGroup var places: PlaceOptions

    func run() async throws {
        let markerSettings = try ChapterSettingsLoader.load(settings)
        let store = try database.open()
        let total = try store.memberSummary().total
        let report = MarkersReport.make(
            totalMembers: total, chapterMembers: try store.chapterMemberGroups(), settings: markerSettings,
            continent: Lookups.continent)
        if let forecast {
            let result = try makeForecast(
                plan: PlanFile.load(forecast), report: report, settings: markerSettings, store: store)
            try ForecastRenderer.render(result, format: format)
            return
        }
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

extension MarkersCommand {
    /// Each planned training's chance, from the plan when it records one, else from the chapter model on
    /// the store's members of that stop's metro.
    func makeForecast(
        plan: TourPlan, report: MarkersReport, settings: MarkerSettings, store: TourDatabase
    ) throws -> ChapterForecast {
        let model = try ChapterSettingsLoader.parameters(settings: settings, store: store)
        let context = try RankingContext.make(store: store, radiusKm: radiusKm, places: places)
        let ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: [], base: nil,
            weights: RankingWeights(), minWomenShare: settings.chapterMinWomenShare, chapterModel: model,
            uncontactable: try store.uncontactableUnaffiliated())
        return ChapterForecast.make(
            existingChapters: report.chapters.current,
            trainings: ChapterForecast.trainings(of: plan, ranking: ranking), target: settings.chaptersTarget,
            deadline: settings.deadline)
    }
}

/// Prints a chapter forecast.
enum ForecastRenderer {
    static func render(_ forecast: ChapterForecast, format: OutputFormat) throws {
        switch format {
        case .json:
            print(try JSONOutput.encode(forecast))
        case .csv:
            print(
                CSVWriter.render(
                    header: ["chapters", "probability"],
                    rows: forecast.distribution.map { ["\($0.chapters)", String(format: "%.6f", $0.probability)] }),
                terminator: "")
        case .table:
            var trainings = TextTable(["date", "metro", "kind", "chance", "counts by deadline"])
            for training in forecast.trainings {
                trainings.add([
                    training.date.description, training.metro, training.kind.rawValue,
                    RankRenderer.percent(training.probability), training.beforeDeadline ? "yes" : "no (after it)",
                ])
            }
            print(trainings.render())
            var table = TextTable(["chapters after the tour", "probability", "at least this many"])
            var atLeast = 1.0
            for outcome in forecast.distribution {
                if outcome.probability >= 0.0005 || atLeast >= 0.0005 {
                    table.add([
                        "\(outcome.chapters)", RankRenderer.percent(outcome.probability), RankRenderer.percent(atLeast),
                    ])
                }
                atLeast -= outcome.probability
                if atLeast < 0.0005 { break }
            }
            print("\n" + table.render())
            print(
                "\nexisting chapters: \(forecast.existingChapters); expected after the tour: "
                    + String(format: "%.2f", forecast.expectedChapters))
            print(
                "chance of reaching \(forecast.target) chapters"
                    + (forecast.deadline.map { " by \($0)" } ?? " (no deadline set in the settings)") + ": "
                    + RankRenderer.percent(forecast.probabilityOfReachingTarget))
        }
    }
}
