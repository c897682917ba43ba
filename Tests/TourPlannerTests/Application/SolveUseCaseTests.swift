import Foundation
import Testing

@testable import TourPlanner

@Suite("Planner.solve")
struct SolveUseCaseTests {
    @Test("a 10 × 10 square (TSPLIB EUC_2D) is toured in 4 × 10 = 40, visiting each node once")
    func square() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write(
            "square.tsp",
            """
            NAME: square
            TYPE: TSP
            DIMENSION: 4
            EDGE_WEIGHT_TYPE: EUC_2D
            NODE_COORD_SECTION
            1 0 0
            2 0 10
            3 10 10
            4 10 0
            EOF

            """)
        let report = try await TestPlanner.withoutStore().solve(
            SolveQuery(file: file, seconds: 0.5, startedUptimeNanoseconds: DispatchTime.now().uptimeNanoseconds))
        #expect(report.cost == "40")
        let route = try #require(report.routes.first)
        #expect(route.sorted() == ["1", "2", "3", "4"])
        #expect(try report.render(.table) == "cost 40\n" + route.joined(separator: " "))
    }

    @Test("an unreadable file is named")
    func missingFile() async throws {
        await #expect(throws: PlannerError("nope.tsp: cannot be read", hint: "check the path")) {
            try await TestPlanner.withoutStore().solve(
                SolveQuery(
                    file: "nope.tsp", seconds: 0.1, startedUptimeNanoseconds: DispatchTime.now().uptimeNanoseconds))
        }
    }
}
