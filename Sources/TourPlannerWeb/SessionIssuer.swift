import Foundation
import Hummingbird
import TourPlanner

/// Starts sessions and builds the app's cookies (HttpOnly, SameSite=Lax, Secure with
/// `--secure-cookies`).
struct SessionIssuer: Sendable {
    let environment: WebEnvironment

    /// Signs `account` in with a new session id (never one the browser brought) and redirects
    /// to the person's first page; the session the request carried, if any, ends.
    func signIn(_ account: WebAccount, replacing old: SignedIn?, next: String? = nil) async throws -> Response {
        let id = SecretToken.make()
        let csrf = SecretToken.make()
        let environment = self.environment
        let now = environment.now()
        try await environment.blockingWrite {
            if let old { try environment.store.deleteSession(id: old.sessionID) }
            try environment.store.createSession(
                id: id, accountID: account.id, csrfToken: csrf, now: now, idleTimeout: environment.settings.idleTimeout)
        }
        var response = Page.redirect(to: LocalPath.safe(next) ?? SystemRoutes.home(for: account.role))
        response.setCookie(cookie(SessionMiddleware.cookieName, value: id))
        response.setCookie(cookie(CSRFMiddleware.cookieName, value: "", maxAge: 0))
        return response
    }

    /// A cookie of this app (for the whole site, not readable by scripts).
    func cookie(_ name: String, value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/", secure: environment.settings.secureCookies,
            httpOnly: true, sameSite: .lax)
    }
}
