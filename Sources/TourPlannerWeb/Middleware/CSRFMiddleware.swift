import Hummingbird
import TourPlanner

/// Rejects every state-changing request (not GET or HEAD) that does not carry the right
/// synchronizer token with 403.
///
/// The token is the session's (`_csrf` in every form, url-encoded or multipart, or an
/// `X-CSRF-Token` header); before
/// sign-in (the login and welcome forms) it is the random token of the `tp_csrf` cookie that the
/// form's page set (double submit), so a login form cannot be posted from another site either.
/// The refusal is a page (`RefusedForm`) that says whether the person was signed out, shows what
/// they had typed, and links back: to sign in again, returning to the form's page, or to reload it.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    /// The form field that carries the token.
    static let fieldName = "_csrf"
    /// The cookie that carries the token before sign-in.
    static let cookieName = "tp_csrf"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        let expected = context.signedIn?.session.csrfToken ?? request.cookies[Self.cookieName]?.value
        var request = request
        var fields: ((String) -> String?) = { _ in nil }
        let given: String?
        if let header = request.headers[.xCSRFToken] {
            given = header
        } else if expected == nil || expected?.isEmpty == true {
            given = nil  // refused below without reading the body
        } else if request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let form = FormFields(String(buffer: body))
            fields = { form[$0] }
            given = form[Self.fieldName]
        } else if MultipartForm.isMultipart(request) {
            // An upload form: its token is one of its fields. The body is read only up to the
            // route's own limit (`BodyLimitMiddleware`, which already refuses a longer one).
            let limit = BodyLimitMiddleware.limit(method: request.method, path: request.uri.path)
            let form = try await MultipartForm.read(&request, limit: limit, what: "The upload")
            fields = { form[$0] }
            given = form[Self.fieldName]
        } else {
            given = nil
        }
        guard let expected, !expected.isEmpty, let given, SecretToken.matches(given, expected) else {
            // A form of a page opened while signed in, sent after the session ended: the person
            // is told so, keeps what they typed, and signs in back to the page.
            let signedOut = context.signedIn == nil && !Self.isSignInForm(request.uri.path)
            let isURLEncoded = request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true
            if signedOut, expected == nil || expected?.isEmpty == true, isURLEncoded {
                let body = try await request.collectBody(upTo: context.maxUploadSize)
                let form = FormFields(String(buffer: body))
                fields = { form[$0] }
            }
            throw RefusedForm.make(request: request, signedOut: signedOut, field: fields)
        }
        return try await next(request, context)
    }

    /// The forms posted before sign-in (their token is the `tp_csrf` cookie's).
    static func isSignInForm(_ path: String) -> Bool { path == "/login" || path.hasPrefix("/welcome/") }
}
