public import Foundation
public import Hummingbird
import Logging
import NIOCore
public import TourPlanner

/// The web app (`tourplan serve`): builds the router, middleware and routes over a `Planner`.
///
/// Routes live one file per persona in `Routes/` (`VolunteerRoutes`, `TreasurerRoutes`,
/// `OrganizerRoutes`, plus `AuthRoutes` and `SystemRoutes`); each registers its own paths.
public enum WebApp {
    /// How long the server's writes wait for SQLite's write lock: longer than any import holds it
    /// (a million-member re-import: ~17 s).
    public static let storeBusyTimeout: TimeInterval = 120

    /// Opens the store the server uses: a WAL `DatabasePool` whose writes wait `storeBusyTimeout`.
    ///
    /// - Throws: `StoreError` when there is no store at `path` or it cannot be opened.
    public static func openStore(path: String) throws -> TourDatabase {
        try TourDatabase.openExisting(path: path, busyTimeout: storeBusyTimeout)
    }

    /// The application, ready to `runService()` (SIGTERM and SIGINT shut it down gracefully:
    /// in-flight requests finish).
    ///
    /// - Parameters:
    ///   - store: the open store.
    ///   - settings: address, base URL and security knobs.
    ///   - now: the clock (tests pass a fixed one).
    ///   - onReady: called with the URL once the socket is bound.
    /// - Returns: the Hummingbird application serving the router, not yet running.
    /// - Throws: `PlannerError` when the bundled templates, stylesheet or rules cannot be loaded.
    public static func makeApplication(
        store: TourDatabase, settings: WebSettings, now: @escaping @Sendable () -> Date = { Date() },
        onReady: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        var logger = Logger(label: "tourplan.serve")
        logger.logLevel = .info
        let router = try makeRouter(store: store, settings: settings, now: now)
        return Application(
            router: router,
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                var bound = settings
                bound.port = port
                onReady(settings.baseURL.map { _ in bound.publicBaseURL } ?? "http://\(settings.host):\(port)")
            },
            logger: logger)
    }

    /// Builds the application and serves until SIGTERM or SIGINT (in-flight requests finish, then
    /// the store's pool closes with the process).
    ///
    /// - Throws: `PlannerError` when a bundled resource is missing; the server's error when the
    ///   address cannot be bound.
    public static func run(
        store: TourDatabase, settings: WebSettings, onReady: @escaping @Sendable (String) -> Void
    ) async throws {
        let app = try makeApplication(store: store, settings: settings, onReady: onReady)
        try await app.runService()
    }

    /// The router with every middleware and route (router tests drive it without a socket).
    static func makeRouter(
        store: TourDatabase, settings: WebSettings, now: @escaping @Sendable () -> Date
    ) throws -> Router<WebRequestContext> {
        let resources = try PlannerResources()
        let environment = try WebEnvironment(
            planner: Planner(store: store, resources: resources), store: store,
            templates: try TemplateLibrary.bundled(), rules: resources.reminderRules, settings: settings,
            now: now)
        let router = Router(context: WebRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        // Twice: the outer one answers errors of the session lookup itself; the inner one sees
        // who is signed in, so its error pages carry the header, the nav and sign-out.
        router.add(middleware: ErrorPageMiddleware(environment: environment))
        router.add(middleware: SessionMiddleware(environment: environment))
        router.add(middleware: ErrorPageMiddleware(environment: environment))
        // Before anything reads a body: each route's own limit (413 as soon as a body passes it).
        router.add(middleware: BodyLimitMiddleware())
        router.add(middleware: CSRFMiddleware())
        SystemRoutes.register(
            on: router, environment: environment, stylesheet: try asset("app", "css"), script: try asset("app", "js"))
        AuthRoutes.register(on: router, environment: environment)
        try VolunteerRoutes.register(on: router, environment: environment)
        TreasurerRoutes.register(on: router, environment: environment)
        OrganizerRoutes.register(on: router, environment: environment)
        return router
    }

    /// A bundled file of `Public/` (the stylesheet, the progressive-enhancement script).
    static func asset(_ name: String, _ type: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: type, subdirectory: "Public") else {
            throw PlannerError(
                "Public/\(name).\(type) is missing from this build", hint: "rebuild tourplan (`swift build`)")
        }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PlannerError(
                "Public/\(name).\(type) cannot be read: \(error)", hint: "rebuild tourplan (`swift build`)")
        }
    }
}
