import Foundation
import Testing

@testable import TourPlanner

@Suite("StoreLocation")
struct StoreLocationTests {
    @Test("--db, else a non-empty $TOURPLAN_DB, else ./tourplan.sqlite; only the default is unnamed")
    func resolution() {
        #expect(StoreLocation(option: "a.sqlite", environment: ["TOURPLAN_DB": "b.sqlite"]).path == "a.sqlite")
        #expect(StoreLocation(option: "a.sqlite", environment: [:]).isNamed)
        let fromEnvironment = StoreLocation(option: nil, environment: ["TOURPLAN_DB": "b.sqlite"])
        #expect(fromEnvironment.path == "b.sqlite" && fromEnvironment.isNamed)
        let byDefault = StoreLocation(option: nil, environment: ["TOURPLAN_DB": ""])
        #expect(byDefault.path == "tourplan.sqlite" && !byDefault.isNamed)
    }

    @Test("a job that can work without a store opens a named one as existing: missing is \"no store at PATH\"")
    func namedStoreIsNeverOptional() throws {
        let folder = try TemporaryFolder()
        let missing = folder.url.appendingPathComponent("typo.sqlite").path
        for location in [
            StoreLocation(option: missing, environment: [:]),
            StoreLocation(option: nil, environment: ["TOURPLAN_DB": missing]),
        ] {
            #expect(throws: StoreError.missing(path: missing)) { try location.open(.ifPresent) }
            #expect(throws: StoreError.missing(path: missing)) { try location.planner(.ifPresent) }
            #expect(try location.open(.none) == nil)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        // The default path (relative to the current folder, where the tests keep no store) stays optional.
        let unnamed = StoreLocation(option: nil, environment: [:])
        if !FileManager.default.fileExists(atPath: unnamed.path) {
            #expect(try unnamed.open(.ifPresent) == nil)
            #expect(try unnamed.planner(.ifPresent).store == nil)
        }
        // A named store that exists is opened.
        _ = try TourDatabase.openOrCreate(path: missing)
        #expect(try StoreLocation(option: missing, environment: [:]).open(.ifPresent) != nil)
    }

    @Test("a budget without --db works without a store; a named store that is missing is refused (fix: exit 0)")
    func budgetStore() throws {
        let folder = try TemporaryFolder()
        let missing = folder.url.appendingPathComponent("typo.sqlite").path
        #expect(
            throws: PlannerError(
                "no store at \(missing); record expenses first (`tourplan budget actuals add FILE --budget TEMPLATE`)"
                    + " or check --db",
                hint: "leave out --db (and $TOURPLAN_DB) to budget without recorded expenses")
        ) { try StoreLocation(option: missing, environment: [:]).expensesPlanner(optional: true) }
        #expect(
            throws: PlannerError(
                "no store at \(missing); record expenses first (`tourplan budget actuals add FILE --budget TEMPLATE`)"
                    + " or check --db")
        ) { try StoreLocation(option: nil, environment: ["TOURPLAN_DB": missing]).expensesPlanner(optional: false) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
        // The default path (relative to the current folder, where the tests keep no store) is optional.
        let unnamed = StoreLocation(option: nil, environment: [:])
        if !FileManager.default.fileExists(atPath: unnamed.path) {
            #expect(try unnamed.expensesPlanner(optional: true).store == nil)
            #expect(throws: PlannerError.self) { try unnamed.expensesPlanner(optional: false) }
        }
        // A store that exists is opened either way.
        _ = try TourDatabase.openOrCreate(path: missing)
        #expect(try StoreLocation(option: missing, environment: [:]).expensesPlanner(optional: true).store != nil)
    }
}
