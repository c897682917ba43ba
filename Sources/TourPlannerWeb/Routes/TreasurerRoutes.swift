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

/// Pages of this version's plan that are not built yet: they answer 501 Not Implemented with the
/// CLI command for the same job, after the usual sign-in and role checks.
enum PendingPages {
    static func register(
        on router: Router<WebRequestContext>, roles: [WebAccount.Role], pages: [(path: String, message: String)]
    ) {
        for page in pages {
            router.get(RouterPath(page.path)) { request, context -> Response in
                let signedIn = try context.requireSignIn(request)
                guard signedIn.account.role == .organizer || roles.contains(signedIn.account.role) else {
                    throw HTTPError(
                        .forbidden, message: "Your account (\(signedIn.account.role.rawValue)) cannot open this page.")
                }
                throw HTTPError(.notImplemented, message: page.message)
            }
        }
    }
}
