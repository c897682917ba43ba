import Foundation

@testable import TourPlanner

/// Five made-up members: three unaffiliated in Boston and Cambridge (one metro at 25 km), one in
/// the Oslo chapter, one in a place that does not resolve.
let applicationFixtureCSV =
    nativeHeader
        + """
        1,Ada,One,ada@example.org,,Boston,MA,US,,woman,2020-01-01,yes,no,,
        2,Bo,Two,bo@example.org,,Cambridge,MA,US,,man,2020-01-01,no,yes,,
        3,Cy,Three,cy@example.org,,Boston,MA,US,,man,2020-01-01,,,,
        4,Di,Four,di@example.org,,Oslo,,NO,Oslo,woman,2020-01-01,,,,
        5,Ed,Five,ed@example.org,,Xyzzyville,ZZ,US,,,2020-01-01,,,,

        """

/// A planner over a fresh in-memory store with the bundled resources.
func makeEmptyPlanner() throws -> Planner {
    Planner(store: try TourDatabase.makeInMemory(), resources: try PlannerResources())
}

/// A planner whose store holds `applicationFixtureCSV`, imported through the use case.
func makeFixturePlanner() async throws -> (Planner, ImportRunReport) {
    let folder = try TemporaryFolder()
    let file = try folder.write("members.csv", applicationFixtureCSV)
    let planner = try makeEmptyPlanner()
    let report = try await planner.importMembers(ImportQuery(files: [file], now: testDate))
    return (planner, report)
}
