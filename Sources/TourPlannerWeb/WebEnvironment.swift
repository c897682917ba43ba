import Foundation
import NIOPosix
import TourPlanner

/// Everything a request handler needs, built once at start: the planner (store and resources),
/// the templates, the reminder rules, the settings, the clock and the cache of what was read.
final class WebEnvironment: Sendable {
    let planner: Planner
    let store: TourDatabase
    let templates: TemplateLibrary
    let rules: ReminderRules
    let settings: WebSettings
    let now: @Sendable () -> Date
    /// What page views computed from the store, kept until it changes (call lists, the team).
    let cache: StoreCache

    init(
        planner: Planner, store: TourDatabase, templates: TemplateLibrary, rules: ReminderRules,
        settings: WebSettings, now: @escaping @Sendable () -> Date
    ) throws {
        self.planner = planner
        self.store = store
        self.cache = StoreCache(changes: try StoreChanges(store))
        self.templates = templates
        self.rules = rules
        self.settings = settings
        self.now = now
    }

    /// The threads writes run on. Many more than cores: a write waiting for SQLite's write lock
    /// (an import holds it for seconds) sleeps on its thread, and on the page views' pool (one
    /// thread per core) two such writes would stall every page behind them.
    static let writePool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 32)
        pool.start()
        return pool
    }()

    /// Runs blocking reads and CPU work (a store read, bcrypt) on NIO's thread pool (one thread
    /// per core: more threads only made the page views contend), so the event loops and Swift's
    /// cooperative threads keep serving.
    func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    /// Runs a store write, which may wait for another connection's write lock, on `writePool`.
    func blockingWrite<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await Self.writePool.runIfActive(work)
    }
}
