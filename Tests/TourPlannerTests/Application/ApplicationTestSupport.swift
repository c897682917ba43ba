import Foundation
import GRDB

@testable import TourPlanner

/// Planners for the use-case tests: bundled resources, and an empty in-memory store or none.
enum TestPlanner {
    static func withoutStore() throws -> Planner {
        Planner(store: nil, resources: try PlannerResources())
    }

    static func withEmptyStore() throws -> Planner {
        Planner(store: try TourDatabase(try DatabaseQueue()), resources: try PlannerResources())
    }

    /// The summer plan (`TourSchedulerTests.summer`) written as PLAN.json into `folder`.
    static func writeSummerPlan(_ folder: TemporaryFolder, name: String = "plan.json") throws -> String {
        try folder.write(name, try JSONOutput.encode(try ItineraryTests.plan()) + "\n")
    }
}
