import Foundation
import Hummingbird
import TourPlanner

/// `/healthz`, the stylesheet and `/` (each person's first page).
enum SystemRoutes {
    static func register(
        on router: Router<WebRequestContext>, environment: WebEnvironment, stylesheet: String, script: String
    ) {
        router.get("/healthz") { _, _ -> Response in
            try await environment.blocking { try environment.store.checkIsOpen() }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("/app.css") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: stylesheet)))
        }
        router.get("/app.js") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: script)))
        }
        router.get("/") { request, context -> Response in
            let signedIn = try context.requireSignIn(request)
            return Page.redirect(to: home(for: signedIn.account.role))
        }
    }

    /// Where a person lands after signing in.
    static func home(for role: WebAccount.Role) -> String {
        switch role {
        case .volunteer, .organizer: "/calls"
        case .treasurer: "/budget"
        }
    }
}
