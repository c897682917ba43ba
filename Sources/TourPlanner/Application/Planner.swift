import Foundation
import TourPlannerCore

/// The application layer: one entry point that owns the store and the loaded resources, with one
/// `async` use case per job (import, rank, plan a tour, budget, call sheets, log outcomes, …).
///
/// The CLI (`tourplan`) and the web app (`tourplan serve`) are thin front ends over this type:
/// each parses its input into a query value, calls one use case and renders the `Codable` report
/// it returns. Use cases live in `Planner+<Job>.swift` files beside this one.
public final class Planner: Sendable {
    /// The store every use case reads and writes (nil for jobs that need none, e.g. `solve`).
    package let store: TourDatabase?
    /// Bundled and user-supplied resources, loaded once.
    package let resources: PlannerResources

    /// A planner over an open store.
    public init(store: TourDatabase?, resources: PlannerResources) {
        self.store = store
        self.resources = resources
    }

    /// The store, or the error a front end shows when the job needs one and there is none.
    package func requireStore() throws -> TourDatabase {
        guard let store else {
            throw PlannerError("this job needs a store", hint: "pass --db PATH (a file made by `tourplan import`)")
        }
        return store
    }
}
