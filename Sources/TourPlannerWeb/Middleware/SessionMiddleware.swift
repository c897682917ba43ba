import Foundation
import Hummingbird
import TourPlanner

/// Finds the live session of the request's cookie and puts it in the context.
///
/// A page view only reads the store; the session's last-seen time (and so its idle expiry) is
/// written at most once per `WebSettings.touchInterval`.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let environment: WebEnvironment

    /// The session cookie's name.
    static let cookieName = "tp_session"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let id = request.cookies[Self.cookieName]?.value, !id.isEmpty {
            let environment = self.environment
            let now = environment.now()
            let session = try await environment.blocking { try environment.store.session(id: id, now: now) }
            if let session {
                if now.timeIntervalSince(session.lastSeenAt) >= environment.settings.touchInterval {
                    try await environment.blockingWrite {
                        try environment.store.touchSession(
                            id: id, now: now, idleTimeout: environment.settings.idleTimeout)
                    }
                }
                context.signedIn = SignedIn(sessionID: id, session: session)
            }
        }
        return try await next(request, context)
    }
}
