import Foundation
import Hummingbird
import TourPlanner

/// `/markers`: progress toward the founding markers, as `tourplan markers` (online members,
/// chapters meeting the definition, continents with such chapters; what each chapter still needs).
enum MarkersPage {
    static func register(on router: Router<WebRequestContext>, page: Page) {
        let planner = page.environment.planner
        router.get("/markers") { request, context -> Response in
            _ = try context.requireRole(.organizer, request: request)
            let report = try await page.environment.blocking { try planner.markersBlocking(MarkersQuery()) }
            return try OrganizerRoutes.render(
                report, page: page, template: "web/markers", title: "Founding markers", view: view(report.markers),
                request: request, context: context)
        }
    }

    static func view(_ markers: MarkersReport) -> [String: Any] {
        [
            "markers": [markers.onlineMembers, markers.chapters, markers.continents].map { marker -> [String: Any] in
                [
                    "name": marker.name, "current": marker.current, "target": marker.target,
                    "value": min(marker.current, marker.target), "reached": marker.isReached,
                    "status": marker.isReached ? "Reached" : "\(marker.target - marker.current) to go",
                ]
            },
            "rule": markers.settings.chapterRule,
            "continents": markers.continentsWithChapters.joined(separator: ", "),
            "hasContinents": !markers.continentsWithChapters.isEmpty,
            "hasChapters": !markers.chapterStatuses.isEmpty,
            "chapters": markers.chapterStatuses.map { status -> [String: Any] in
                [
                    "name": status.name, "members": status.members, "women": status.women,
                    "stated": status.genderStated,
                    "share": status.womenShare.map { String(format: "%.0f%%", $0 * 100) } ?? "-",
                    "continent": status.continent ?? "?", "meets": status.meetsDefinition,
                    "status": status.meetsDefinition
                        ? "Meets the definition" : "Needs: " + status.missing.joined(separator: "; "),
                ]
            },
        ]
    }
}
