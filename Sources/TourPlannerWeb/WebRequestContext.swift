import Hummingbird
import NIOCore
import TourPlanner

/// The per-request context: Hummingbird's core storage, the peer's address and, after
/// `SessionMiddleware`, who is signed in.
struct WebRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The TCP peer's IP address (nil in router tests).
    var peerAddress: String?
    /// The signed-in person, when the request carries a live session cookie.
    var signedIn: SignedIn?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Forms are small (1 MB, `BodyLimitMiddleware.forms`); uploads raise this on their own routes.
    var maxUploadSize: Int { BodyLimitMiddleware.forms }
}

/// A live session: its cookie id (never logged) and what the store holds for it.
struct SignedIn: Sendable {
    var sessionID: String
    var session: WebSession
    var account: WebAccount { session.account }
}
