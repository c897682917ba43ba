import Foundation
import Hummingbird
import HummingbirdBcrypt
import TourPlanner

/// `/login`, `/logout` and `/welcome/TOKEN` (set a password from a one-time link).
enum AuthRoutes {
    static func register(on router: Router<WebRequestContext>, environment: WebEnvironment) {
        let sessions = SessionIssuer(environment: environment)
        let page = Page(environment: environment)

        router.get("/login") { request, context -> Response in
            let next = LocalPath.safe(request.uri.queryParameters.get("next"))
            if let signedIn = context.signedIn {
                return Page.redirect(to: next ?? SystemRoutes.home(for: signedIn.account.role))
            }
            return try loginPage(page, sessions: sessions, request: request, context: context, next: next)
        }

        router.post("/login") { request, context -> Response in
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            let name = (form["username"] ?? "").trimmingCharacters(in: .whitespaces)
            let password = form["password"] ?? ""
            let next = LocalPath.safe(form["next"])
            let limiter = SignInLimiter(environment: environment)
            let keys = limiter.keys(name: name, request: request, context: context)
            if try await limiter.isLocked(keys) {
                return try loginPage(
                    page, sessions: sessions, request: request, context: context,
                    error:
                        "Too many failed sign-ins. Wait \(Int(environment.settings.rateLimitWindow / 60)) minutes, then try again.",
                    status: .tooManyRequests, next: next)
            }
            guard let account = try await verify(name: name, password: password, environment: environment) else {
                try await limiter.recordFailure(keys)
                return try loginPage(
                    page, sessions: sessions, request: request, context: context,
                    error: "Wrong username or password.", status: .unauthorized, next: next)
            }
            try await limiter.clear(keys)
            return try await sessions.signIn(account, replacing: context.signedIn, next: next)
        }

        router.post("/logout") { _, context -> Response in
            if let signedIn = context.signedIn {
                try await environment.blockingWrite { try environment.store.deleteSession(id: signedIn.sessionID) }
            }
            var response = Page.redirect(to: "/login")
            response.setCookie(sessions.cookie(SessionMiddleware.cookieName, value: "", maxAge: 0))
            return response
        }

        router.get("/welcome/{token}") { request, context -> Response in
            let token = try context.parameters.require("token")
            let now = environment.now()
            guard
                let account = try await environment.blocking({
                    try environment.store.welcomeAccount(token: token, now: now)
                })
            else { throw expiredLink }
            return try welcomePage(page, sessions: sessions, name: account.name, request: request, context: context)
        }

        router.post("/welcome/{token}") { request, context -> Response in
            let token = try context.parameters.require("token")
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            let password = form["password"] ?? ""
            let now = environment.now()
            guard
                let account = try await environment.blocking({
                    try environment.store.welcomeAccount(token: token, now: now)
                })
            else { throw expiredLink }
            if let problem = PasswordRule.problem(password, confirmation: form["confirm"] ?? "") {
                return try welcomePage(
                    page, sessions: sessions, name: account.name, request: request, context: context, error: problem,
                    status: .unprocessableContent)
            }
            let cost = environment.settings.bcryptCost
            let hash = try await environment.blocking { Bcrypt.hash(password, cost: cost) }
            guard
                let redeemed = try await environment.blocking({
                    try environment.store.redeemWelcomeToken(token, passwordHash: hash, now: now)
                })
            else { throw expiredLink }
            return try await sessions.signIn(redeemed, replacing: context.signedIn)
        }
    }

    private static let expiredLink = HTTPError(
        .notFound,
        message:
            "This sign-in link is unknown, already used or expired. Ask an organizer for a new one: "
            + "they press “New link” next to your name on their Users page."
    )

    /// The account when `password` is its password and it may sign in; nil otherwise.
    private static func verify(name: String, password: String, environment: WebEnvironment) async throws
        -> WebAccount?
    {
        guard !name.isEmpty, !password.isEmpty else { return nil }
        let found = try await environment.blocking { try environment.store.credentials(name: name) }
        let cost = environment.settings.bcryptCost
        return try await environment.blocking { PasswordCheck.verify(password, against: found, cost: cost) }
    }

    private static func loginPage(
        _ page: Page, sessions: SessionIssuer, request: Request, context: WebRequestContext, error: String? = nil,
        status: HTTPResponse.Status = .ok, next: String? = nil
    ) throws -> Response {
        let token = SecretToken.make()
        var view: [String: Any] = ["csrf": token]
        if let error { view["error"] = error }
        if let next { view["next"] = next }
        return try formPage(
            page, sessions: sessions, template: "web/login", title: "Sign in", view: view, token: token,
            request: request, context: context, status: status)
    }

    private static func welcomePage(
        _ page: Page, sessions: SessionIssuer, name: String, request: Request, context: WebRequestContext,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let token = SecretToken.make()
        var view: [String: Any] = ["csrf": token, "name": name, "minimum": PasswordRule.minimumLength]
        if let error { view["error"] = error }
        return try formPage(
            page, sessions: sessions, template: "web/welcome", title: "Set your password", view: view,
            token: token, request: request, context: context, status: status)
    }

    /// A pre-sign-in form page with its double-submit CSRF cookie.
    private static func formPage(
        _ page: Page, sessions: SessionIssuer, template: String, title: String, view: [String: Any], token: String,
        request: Request, context: WebRequestContext, status: HTTPResponse.Status
    ) throws -> Response {
        var response = try page.html(
            template: template, title: title, view: view, request: request, context: context, status: status)
        response.setCookie(sessions.cookie(CSRFMiddleware.cookieName, value: token))
        return response
    }
}
