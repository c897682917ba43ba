import Dispatch
import Synchronization

/// Resolves an import's new place strings while the import's transaction finishes.
///
/// Once a file's rows are written, what is left of its transaction (building the id index,
/// committing) runs on one core for most of a second; the place strings the file brought are
/// known by then (`PlaceKeysRequest`), so the gazetteer is loaded and they are resolved on the
/// other core meanwhile, instead of after the commit. The answers are only a head start:
/// `TourDatabase.resolvePlaces(using:precomputed:)` still decides what is pending after the
/// commit, uses the answers it finds here and resolves any others itself, so a rolled-back file
/// or a failure here changes nothing but the time taken.
///
/// The work runs on a Dispatch queue, not on Swift's cooperative threads: loading the gazetteer
/// and resolving are CPU work that must not hold a thread the web server's requests need.
final class PlaceResolutionPrefetch: Sendable {
    private struct State {
        var started: Set<String> = []
        var answers: [String: PlaceResolution] = [:]
        /// The version of the resolver that gave `answers`.
        var version: String?
        /// Answers handed to a commit: resolved to a city, and not.
        var handedResolved = 0
        var handedUnresolved = 0
        var handedGuessed = 0
    }

    private let resources: PlannerResources
    private let state = Mutex(State())
    private let group = DispatchGroup()

    init(resources: PlannerResources) { self.resources = resources }

    /// The request an importer hands to the store.
    var request: PlaceKeysRequest {
        PlaceKeysRequest(
            version: resources.resolverVersion, deliver: { [self] keys in start(keys) },
            collect: { [self] pending in collect(pending) })
    }

    /// Starts resolving the keys not started yet; returns at once.
    func start(_ keys: [String]) {
        let new = state.withLock { state in keys.filter { state.started.insert($0).inserted } }
        guard !new.isEmpty else { return }
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            defer { group.leave() }
            // A resolver that cannot load is reported by the resolution after the commit.
            guard let resolver = try? resources.resolver() else { return }
            let resolved = TourDatabase.resolveInParallel(new, with: resolver, maxWorkers: 2)
            state.withLock { state in
                if state.answers.isEmpty {
                    state.answers = Dictionary(resolved, uniquingKeysWith: { a, _ in a })
                } else {
                    for (key, resolution) in resolved { state.answers[key] = resolution }
                }
                state.version = resolver.version
            }
        }
    }

    /// The answers for `pending` keys not handed over yet, once every started resolution has
    /// finished (blocks the calling thread: the store's writer queue, just before it commits).
    private func collect(_ pending: [String]) -> (version: String, answers: [String: PlaceResolution])? {
        group.wait()
        return state.withLock { state in
            guard let version = state.version, !state.answers.isEmpty else { return nil }
            var answers: [String: PlaceResolution] = [:]
            answers.reserveCapacity(pending.count)
            // Moved out, not copied; answers for keys of a file that rolled back stay behind.
            for key in pending { if let answer = state.answers.removeValue(forKey: key) { answers[key] = answer } }
            guard !answers.isEmpty else { return nil }
            let resolved = answers.values.count { $0.entry != nil }
            state.handedResolved += resolved
            state.handedUnresolved += answers.count - resolved
            state.handedGuessed += answers.values.count { $0.isGuess }
            return (version, answers)
        }
    }

    /// `summary` (of the resolution after the commits) counting the answers cached inside the
    /// imports' transactions as resolved now, as if they had been resolved after the commits.
    ///
    /// Only answers whose transaction committed count: a commit that failed threw, and then
    /// there is no summary to correct.
    func correcting(_ summary: PlaceResolutionSummary) -> PlaceResolutionSummary {
        state.withLock { state in
            var summary = summary
            summary.resolvedNow += state.handedResolved
            summary.unresolvedNow += state.handedUnresolved
            summary.guessedNow += state.handedGuessed
            summary.cached = max(0, summary.cached - state.handedResolved - state.handedUnresolved)
            return summary
        }
    }

    /// The answers, once every started resolution has finished (the calling task is suspended).
    func answers() async -> [String: PlaceResolution] {
        await withCheckedContinuation { continuation in
            group.notify(queue: .global(qos: .userInitiated)) { continuation.resume() }
        }
        return state.withLock { $0.answers }
    }
}
