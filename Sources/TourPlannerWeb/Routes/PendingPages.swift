import Hummingbird
import TourPlanner

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
