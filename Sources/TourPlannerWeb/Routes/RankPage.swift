import Foundation
import Hummingbird
import TourPlanner

/// `/rank`: the ranking table of `tourplan rank` (same columns; `?base=` like `--base`,
/// `?country=` like `--country`) and an SVG map of the ranked metros.
enum RankPage {
    /// The rank form's words for the flags of `tourplan rank`, which the ranking's errors name.
    static let wording = WebWording(
        fields: [("--base", "Tour base"), ("--country", "Country")],
        fallbackHint: "correct the tour base or the country and rank again")

    /// Rows shown in the table and on the map (the JSON has every metro).
    static let rowsShown = 100

    static func register(on router: Router<WebRequestContext>, page: Page) {
        let planner = page.environment.planner
        let map = RouteMap.loadBundled()
        router.get("/rank") { request, context -> Response in
            _ = try context.requireRole(.organizer, request: request)
            let base = field(request, "base")
            let country = field(request, "country")?.uppercased()
            let query = RankQuery(base: base, country: country)
            let report = try await page.environment.blocking { try planner.rankBlocking(query) }
            var view: [String: Any] = ["base": base ?? "", "country": country ?? ""]
            if let failure = report.failure {
                if Page.wantsJSON(request) { throw failure.error }
                view["error"] = wording.text(of: failure.error)
                return try page.html(
                    template: "web/rank", title: "Rank metros", view: view, request: request, context: context,
                    status: .unprocessableContent)
            }
            view.merge(self.view(report, map: map)) { _, new in new }
            return try OrganizerRoutes.render(
                report, page: page, template: "web/rank", title: "Rank metros", view: view, request: request,
                context: context)
        }
    }

    /// A query parameter as a GET form sends it (`+` is a space), trimmed; nil when absent or blank.
    static func field(_ request: Request, _ name: String) -> String? {
        guard let value = FormFields(request.uri.query ?? "")[name]?.trimmingCharacters(in: .whitespaces),
            !value.isEmpty
        else { return nil }
        return value
    }

    static func view(_ report: RankReport, map: RouteMap) -> [String: Any] {
        if report.isStoreEmpty { return ["storeEmpty": true] }
        guard let ranking = report.ranking, !ranking.metros.isEmpty else {
            return ["allAffiliated": report.storeUnaffiliated == 0, "noMatch": report.storeUnaffiliated != 0]
        }
        var shown = ranking
        shown.metros = Array(ranking.metros.prefix(rowsShown))
        var view: [String: Any] = [
            "hasMetros": !ranking.metros.isEmpty, "allAffiliated": report.storeUnaffiliated == 0,
            "map": map.svg(ranking: shown),
            "rows": shown.metros.map { metro -> [String: Any] in
                let women =
                    metro.womenShare.map {
                        String(format: "%.0f%%", $0 * 100)
                            + ((metro.womenNeeded ?? 0) > 0 ? " (+\(metro.womenNeeded ?? 0))" : "")
                    } ?? "-"
                return [
                    "rank": metro.rank, "metro": metro.metro, "country": metro.country ?? "",
                    "unaffiliated": metro.unaffiliated, "chapter": ReportText.percent(metro.chapter?.probability),
                    "organizers": metro.organizers, "hosts": metro.hosts, "women": women,
                    "nearest": metro.nearestChapterKm.map { "\(metro.nearestChapter ?? "") \(Int($0.rounded())) km" }
                        ?? "-",
                    "fromBase": metro.baseKm.map { "\(Int($0.rounded())) km" } ?? "-",
                    "score": ReportText.number(metro.score, digits: 1), "cities": metro.cities.joined(separator: ", "),
                ]
            },
            "resolved": report.resolved.map { place in
                "“\(place.text)” is \([place.name, place.region, place.countryName ?? place.country].compactMap { $0 }.joined(separator: ", "))"
            },
            "totals":
                "\(ranking.totalUnaffiliated) unaffiliated members in all; \(ranking.unresolvedMembers) members "
                + "(\(ranking.unresolvedUnaffiliated) unaffiliated) in \(ranking.unresolvedPlaces) unresolved places "
                + "are not ranked.",
            "hasUnresolved": ranking.unresolvedMembers > 0,
        ]
        if ranking.metros.count > rowsShown {
            view["more"] = "Showing the first \(rowsShown) of \(ranking.metros.count) metros; the page's JSON has all."
        }
        return view
    }
}
