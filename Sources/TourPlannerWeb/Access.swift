import Hummingbird
import TourPlanner

extension WebRequestContext {
    /// The signed-in person, or the answer for an anonymous request: 303 to /login for a page
    /// (`/login?next=PAGE`, so signing in returns to it), 401 for a JSON request.
    func requireSignIn(_ request: Request) throws -> SignedIn {
        guard let signedIn else {
            if Page.wantsJSON(request) { throw HTTPError(.unauthorized, message: "Sign in first.") }
            let page = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            throw HTTPError(
                .seeOther, headers: [.location: LocalPath.login(next: request.method == .get ? page : nil)])
        }
        return signedIn
    }

    /// The signed-in person when their role is one of `roles` (organizers always pass);
    /// 403 for another role.
    func requireRole(_ roles: WebAccount.Role..., request: Request) throws -> SignedIn {
        let signedIn = try requireSignIn(request)
        guard signedIn.account.role == .organizer || roles.contains(signedIn.account.role) else {
            throw HTTPError(
                .forbidden, message: "Your account (\(signedIn.account.role.rawValue)) cannot open this page.")
        }
        return signedIn
    }
}
