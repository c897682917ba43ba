import Hummingbird
import TourPlanner

/// The treasurer's pages (`/budget`, `/expenses`). Not built yet: each answers 501 with the
/// command that does the same job on the same store, so a treasurer who signs in is not left on
/// a bare 404.
enum TreasurerRoutes {
    static func register(on router: Router<WebRequestContext>, environment: WebEnvironment) {
        PendingPages.register(
            on: router, roles: [.treasurer],
            pages: [
                (
                    "/budget",
                    "The budget page is not in the web app yet. From a terminal: "
                        + "`tourplan budget TEMPLATE --plan PLAN.json --compare` (add `--save NAME` to keep it)."
                ),
                (
                    "/expenses",
                    "The expenses page is not in the web app yet. From a terminal: "
                        + "`tourplan budget actuals add|list|edit|delete`."
                ),
            ])
    }
}
