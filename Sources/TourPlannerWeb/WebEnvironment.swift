import Foundation
import NIOPosix
import TourPlanner

/// Everything a request handler needs, built once at start: the planner (store and resources),
/// the templates, the reminder rules, the settings and the clock.
final class WebEnvironment: Sendable {
    let planner: Planner
    let store: TourDatabase
    let templates: TemplateLibrary
    let rules: ReminderRules
    let settings: WebSettings
    let now: @Sendable () -> Date

    init(
        planner: Planner, store: TourDatabase, templates: TemplateLibrary, rules: ReminderRules,
        settings: WebSettings, now: @escaping @Sendable () -> Date
    ) {
        self.planner = planner
        self.store = store
        self.templates = templates
        self.rules = rules
        self.settings = settings
        self.now = now
    }

    /// The threads blocking work runs on. Many more than cores: a write waiting for SQLite's
    /// write lock (an import holds it for seconds) sleeps on its thread, and with NIO's default
    /// pool (one thread per core) two such writes would stall every page view behind them.
    static let blockingPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 32)
        pool.start()
        return pool
    }()

    /// Runs blocking work (a store call that may wait for SQLite's write lock, bcrypt) on
    /// `blockingPool`, so the event loops and Swift's cooperative threads keep serving.
    func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await Self.blockingPool.runIfActive(work)
    }
}
