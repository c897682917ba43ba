import Foundation
import Hummingbird
import TourPlanner

/// `/members`: the totals and breakdowns of `tourplan members`, the metros of
/// `tourplan members --by metro`, and the unresolved places of `tourplan members --unresolved`
/// with how to fix each.
enum MembersPage {
    /// Rows shown per table (the JSON has every row).
    static let rowsShown = 50

    /// The page's JSON: the three reports the CLI prints for the same views.
    struct Report: Encodable {
        var summary: MemberSummary
        var metros: [RankedMetro]
        var unresolvedInMetros: Int
        var unresolved: [UnresolvedMember]
    }

    static func register(on router: Router<WebRequestContext>, page: Page) {
        let planner = page.environment.planner
        let environment = page.environment
        router.get("/members") { request, context -> Response in
            _ = try context.requireRole(.organizer, request: request)
            // `?place=TEXT`: how a spelling resolves (`tourplan cities resolve TEXT`).
            var check: PlaceResolutionReport?
            if let text = RankPage.field(request, "place") {
                check = try await environment.blocking {
                    try planner.resolvePlaceBlocking(PlaceResolutionQuery(text: text))
                }
                if let check, Page.wantsJSON(request) { return Page.json(try check.render(.json) + "\n") }
            }
            let radius = MetroClustering.defaultRadiusKm
            let summaryReport = try await environment.blocking {
                try planner.membersBlocking(MembersQuery(breakdown: nil, limit: 0, unresolved: false, radiusKm: radius))
            }
            let metroReport = try await environment.blocking {
                try planner.membersBlocking(
                    MembersQuery(breakdown: .metro, limit: 0, unresolved: false, radiusKm: radius))
            }
            let unresolvedReport = try await environment.blocking {
                try planner.membersBlocking(MembersQuery(breakdown: nil, limit: 0, unresolved: true, radiusKm: radius))
            }
            guard case .summary(let summary, _) = summaryReport.content,
                case .metros(let metros, let unresolvedInMetros) = metroReport.content,
                case .unresolved(let unresolved) = unresolvedReport.content
            else { throw PlannerError("the members report has an unexpected shape", hint: "report this bug") }
            let report = Report(
                summary: summary, metros: metros, unresolvedInMetros: unresolvedInMetros, unresolved: unresolved)
            var view = self.view(report)
            if let check { view.merge(self.view(check)) { _, new in new } }
            return try page.render(
                report, template: "web/members", title: "Members", view: view, request: request, context: context)
        }
    }

    /// The place check's view: what the text resolves to, or why not and the nearest names.
    static func view(_ check: PlaceResolutionReport) -> [String: Any] {
        var view: [String: Any] = ["place": check.text, "checked": true]
        if let place = check.lookup.place {
            view["checkResolved"] =
                "“\(check.text)” is \(place.label) (confidence \(String(format: "%.2f", check.lookup.confidence)))."
        } else {
            view["checkUnresolved"] = "“\(check.text)” is not resolved: \(check.lookup.reason)."
            if !check.lookup.alternatives.isEmpty { view["checkAlternatives"] = check.lookup.alternativeLabels }
        }
        return view
    }

    static func view(_ report: Report) -> [String: Any] {
        let summary = report.summary
        func groups(_ groups: [MemberSummary.Group]) -> [[String: Any]] {
            groups.prefix(rowsShown).map { ["name": $0.name, "members": $0.members, "unaffiliated": $0.unaffiliated] }
        }
        func more(_ count: Int) -> String? {
            count > rowsShown ? "Showing \(rowsShown) of \(count); the page's JSON has them all." : nil
        }
        var view: [String: Any] = [
            "total": summary.total, "unaffiliated": summary.unaffiliated, "chapters": summary.chapters,
            "empty": summary.total == 0,
            "byCountry": groups(summary.byCountry), "byChapter": groups(summary.byChapter),
            "hasChapters": !summary.byChapter.isEmpty,
            "metros": report.metros.prefix(rowsShown).map { metro -> [String: Any] in
                [
                    "metro": metro.metro, "country": metro.country ?? "", "unaffiliated": metro.unaffiliated,
                    "organizers": metro.organizers, "hosts": metro.hosts,
                    "cities": metro.cities.joined(separator: ", "),
                ]
            },
            "hasMetros": !report.metros.isEmpty, "unresolvedInMetros": report.unresolvedInMetros,
            "unresolved": report.unresolved.prefix(rowsShown).map { member -> [String: Any] in
                [
                    "id": "\(member.id)",
                    "place": [member.city, member.region, member.country].compactMap { $0 }.filter { !$0.isEmpty }
                        .joined(separator: ", "),
                    "reason": member.reason,
                    "suggestions": member.suggestions.isEmpty ? "-" : member.suggestions.joined(separator: "; "),
                ]
            },
            "unresolvedCount": report.unresolved.count, "hasUnresolved": !report.unresolved.isEmpty,
        ]
        view["moreCountries"] = more(summary.byCountry.count)
        view["moreChapters"] = more(summary.byChapter.count)
        view["moreMetros"] = more(report.metros.count)
        view["moreUnresolved"] = more(report.unresolved.count)
        return view
    }
}
