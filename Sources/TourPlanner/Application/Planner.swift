public import Foundation

/// The application layer: one entry point that owns the store and the loaded resources, with one
/// `async` use case per job (import, rank, plan a tour, budget, call sheets, log outcomes, …).
///
/// The CLI (`tourplan`) and the web app (`tourplan serve`) are thin front ends over this type:
/// each parses its input into a query value, calls one use case and renders the `Codable` report
/// it returns. Use cases live in `Planner+<Job>.swift` files beside this one.
public final class Planner: Sendable {
    /// The store every use case reads and writes (nil for jobs that need none, e.g. `solve`).
    public let store: TourDatabase?
    /// Bundled and user-supplied resources, loaded once.
    public let resources: PlannerResources

    /// A planner over an open store.
    public init(store: TourDatabase?, resources: PlannerResources) {
        self.store = store
        self.resources = resources
    }

    /// The store, or the error a front end shows when the job needs one and there is none.
    public func requireStore() throws -> TourDatabase {
        guard let store else {
            throw PlannerError("this job needs a store", hint: "pass --db PATH (a file made by `tourplan import`)")
        }
        return store
    }
}

/// A data or usage error the user can fix: a message and what to do about it.
///
/// Front ends print it as "Error: message" plus the hint (CLI exit status 1) or show it on the
/// page (web app, 400/422).
public struct PlannerError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// What is wrong, naming the file, line, field and value where there is one.
    public var message: String
    /// What to do about it.
    public var hint: String?

    /// An error with an optional hint.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
    public var errorDescription: String? { description }
}
