import Synchronization
import TourPlanner

/// What the web app computed from the store, kept until the store changes.
///
/// A volunteer's call list reads the team, the day's tasks, the members' contact details, their
/// outcomes, the events and the RSVPs, and builds the sheet: most of a page view's work, and the
/// same for every refresh until somebody writes. Each lookup first asks `StoreChanges` for the
/// store's version (one `PRAGMA data_version` on a connection of its own); any commit — an
/// outcome tapped here, a CLI import or `remind schedule` in another process — changes it, and
/// everything kept is dropped. An in-memory store (tests) has no version: nothing is kept.
final class StoreCache: Sendable {
    /// What is kept: the team; call lists by volunteer, day and minute (the members' local times
    /// in the report are to the minute); and the list's HTML for one session (its forms carry the
    /// session's CSRF token) with the notice shown above it.
    enum Key: Hashable, Sendable {
        case team
        case callList(volunteer: String, date: CalendarDate, minute: Int64)
        case callPage(volunteer: String, date: CalendarDate, minute: Int64, csrf: String, notice: CallsPage.Notice?)
    }

    private struct State: ~Copyable {
        var version: StoreChanges.Version?
        var values: [Key: any Sendable] = [:]
    }

    /// At most this many values are kept (beyond, everything is dropped and kept anew).
    static let capacity = 512

    private let changes: StoreChanges
    private let state = Mutex(State())

    /// Keeps values computed from `changes`' store.
    init(changes: StoreChanges) {
        self.changes = changes
    }

    /// The value kept for `key` while the store has not changed, else `compute`'s (then kept).
    ///
    /// `compute` runs outside the lock; the version is read before it, so a value is never kept
    /// under a version older than the data it was computed from.
    func value<Value: Sendable>(_ key: Key, compute: () throws -> Value) throws -> Value {
        guard let version = try changes.current() else { return try compute() }
        let kept: Value? = state.withLock { state in
            if state.version != version {
                state.version = version
                state.values.removeAll(keepingCapacity: true)
                return nil
            }
            return state.values[key] as? Value
        }
        if let kept { return kept }
        let value = try compute()
        state.withLock { state in
            guard state.version == version else { return }
            if state.values.count >= Self.capacity { state.values.removeAll(keepingCapacity: true) }
            state.values[key] = value
        }
        return value
    }
}
