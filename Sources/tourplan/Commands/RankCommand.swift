import ArgumentParser
import Foundation
import TourPlanner

/// `rank --by`.
enum RankOrderOption: String, ExpressibleByArgument, CaseIterable {
    case score, chapters
    var order: RankOrder {
        switch self {
        case .score: .score
        case .chapters: .chapters
        }
    }
}

struct RankCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank metro areas by where a chapter-building training is most likely to produce a chapter.",
        discussion: """
            The default ranking is by unaffiliated members, ties broken by organizers, then hosts, then name;
            --by chapters orders by each metro's chance that a training founds a chapter (README "Chapter
            model"), shown beside the counts in every order.
            Weights from --weights FILE or --weight NAME=VALUE (names: \(RankingWeights.keys.joined(separator: ", ")))
            add the other factors; every component is shown. See README "Ranking model".
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Metro radius in km: cities closer than this merge into one metro.") var radiusKm = 25.0
    @Option(help: "The tour's base (a place, e.g. \"New York, NY\"); adds each metro's distance from it.") var base:
        String?
    @Option(help: "Show at most N metros.") var limit: Int?
    @Option(help: "Only metros in this country (ISO code, e.g. US).") var country: String?
    @Option(help: "Only metros with at least N unaffiliated members.") var minUnaffiliated = 0
    @Option(help: "Ranking weights file (TOML, [weights] table).") var weights: String?
    @Option(name: .customLong("weight"), help: "One weight, NAME=VALUE (repeatable; overrides the file).")
    var weightOverrides: [String] = []
    @Option(help: "Explain one metro: its score components and which members count (by id).") var explain: String?
    @Option(help: "Order: by score (default: unaffiliated members) or by the chance of founding a chapter.")
    var by: RankOrderOption = .score
    @Option(help: "Markers settings file (TOML): the chapter rule and the chapter model's rates.") var settings: String?
    @Option(help: "Output format.") var format: OutputFormat = .table
    @OptionGroup var places: PlaceOptions

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit))") }
        if radiusKm <= 0 || radiusKm > 500 {
            throw ValidationError("--radius-km must be between 0 and 500 (got \(radiusKm))")
        }
        if minUnaffiliated < 0 {
            throw ValidationError("--min-unaffiliated must be 0 or more (got \(minUnaffiliated))")
        }
        for override in weightOverrides {
            let parts = override.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, Double(parts[1]) != nil, RankingWeights.keys.contains(String(parts[0])) else {
                throw ValidationError(
                    "--weight \"\(override)\" must be NAME=NUMBER with NAME one of \(RankingWeights.keys.joined(separator: ", "))"
                )
            }
        }
    }

    func makeWeights() throws -> RankingWeights {
        var result = RankingWeights()
        if let weights {
            guard let text = try? String(contentsOfFile: weights, encoding: .utf8) else {
                throw CLIError("\(weights): cannot be read", hint: "check the --weights path")
            }
            result = try RankingWeights.parse(text, fileName: weights)
        }
        for override in weightOverrides {
            let parts = override.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let value = Double(parts[1]) { _ = result.set(String(parts[0]), to: value) }
        }
        return result
    }

    func run() async throws {
        let store = try database.open()
        let totals = try store.memberTotals()
        guard totals.members > 0 else {
            print("The store is empty: import a member export first (`tourplan import FILE`).")
            return
        }
        let context = try RankingContext.make(store: store, radiusKm: radiusKm, places: places)
        var basePoint: GeoPoint?
        var resolved: [ResolvedPlace] = []
        if let base {
            let place = try context.resolveBase(base)
            basePoint = place.point
            resolved = [place]
            if format != .json { PlaceEcho.printToStandardError(resolved) }
        }
        let markerSettings = try ChapterSettingsLoader.load(settings)
        let model = try ChapterSettingsLoader.parameters(settings: markerSettings, store: store)
        var ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: try store.chapterLocations(),
            base: basePoint, weights: try makeWeights(), minWomenShare: markerSettings.chapterMinWomenShare,
            chapterModel: model, order: by.order, uncontactable: try store.uncontactableUnaffiliated())
        if let country {
            ranking.metros = ranking.metros.filter {
                ($0.country ?? "").caseInsensitiveCompare(country) == .orderedSame
            }
        }
        ranking.metros = ranking.metros.filter { $0.unaffiliated >= minUnaffiliated }
        if let explain {
            try RankRenderer.explain(explain, ranking: ranking, context: context, store: store, model: model)
            return
        }
        if let limit { ranking.metros = Array(ranking.metros.prefix(limit)) }
        RankRenderer.render(ranking, format: format, unaffiliated: totals.unaffiliated, resolved: resolved)
    }
}
