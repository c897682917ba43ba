import Foundation
import Testing

@testable import TourPlanner

@Suite("Planner.planTour")
struct TourUseCaseTests {
    static let newYork = GeoPoint(latitude: 40.7128, longitude: -74.0060)
    /// Paterson, NJ: 26.6 km from New York by haversine (R = 6371.0088 km), computed by hand.
    static let paterson = GeoPoint(latitude: 40.9168, longitude: -74.1718)

    @Test(
        "the base's own metro is the one within --radius-km (fix: it was always the default 25 km)",
        arguments: [(25.0, false), (30.0, true), (40.0, true), (20.0, false)])
    func baseMetroFollowsRadius(radiusKm: Double, isBaseMetro: Bool) {
        #expect(TourInputs.isBaseMetro(Self.paterson, bases: [Self.newYork], radiusKm: radiusKm) == isBaseMetro)
    }

    @Test("an explicit base on an empty store: no stop to visit, the plan is written and summarized")
    func emptyStore() async throws {
        // Given an empty store and an explicit base
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("plan.json").path
        let query = TourQuery(
            base: "New York@40.7128,-74.0060,America/New_York", from: try #require(CalendarDate(iso: "2014-06-07")),
            to: try #require(CalendarDate(iso: "2014-06-30")), out: out)
        var echoed: [ResolvedPlace]?
        // When
        let report = try await TestPlanner.withEmptyStore().planTour(query) { echoed = $0 }
        // Then
        #expect(echoed == [] && report.resolved.isEmpty && report.plan.trips.isEmpty)
        #expect(
            try report.render(.table)
                == """
                No trips: no stop to visit.

                Totals: 0 trainings, 0 km, 0.0 h driving, 0 nights away
                Naive plan (one round trip per stop): 0 km, 0.0 h, 0 nights
                Saved: 0 km, 0.0 h driving, 0 nights
                Plan written to \(out)
                """)
        let written = try TourPlan.decode(try Data(contentsOf: URL(fileURLWithPath: out)), fileName: out)
        #expect(written == report.plan)
        #expect(try report.render(.csv) == "trip,team,date,metro,cities,country,value\r\n")
    }

    @Test("a malformed explicit base is refused with the form to use")
    func badBase() async throws {
        let query = TourQuery(
            base: "X@1,2", from: try #require(CalendarDate(iso: "2014-06-07")),
            to: try #require(CalendarDate(iso: "2014-06-30")))
        await #expect(
            throws: PlannerError(
                "--base \"X@1,2\" is not Name@latitude,longitude,Time/Zone",
                hint: "e.g. New York@40.7128,-74.0060,America/New_York")
        ) {
            try await TestPlanner.withEmptyStore().planTour(query)
        }
    }

    @Test("an unreadable settings file is named before anything is planned")
    func missingSettings() async throws {
        let query = TourQuery(
            base: "New York@40.7128,-74.0060,America/New_York", from: try #require(CalendarDate(iso: "2014-06-07")),
            to: try #require(CalendarDate(iso: "2014-06-30")), settingsPath: "nope.toml")
        await #expect(throws: PlannerError("nope.toml: cannot be read", hint: "check the --settings path")) {
            try await TestPlanner.withEmptyStore().planTour(query)
        }
    }
}

@Suite("Planner.planTour --save")
struct TourSaveUseCaseTests {
    func query(out: String, save: String) throws -> TourQuery {
        TourQuery(
            base: "New York@40.7128,-74.0060,America/New_York", from: try #require(CalendarDate(iso: "2014-06-07")),
            to: try #require(CalendarDate(iso: "2014-06-30")), out: out, save: save)
    }

    @Test("a bad tour name is refused before anything is written (fix: the plan file was written first)")
    func badNameWritesNothing() async throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("plan.json").path
        let planner = try TestPlanner.withEmptyStore()
        let error = await #expect(throws: PlannerError.self) {
            try await planner.planTour(try query(out: out, save: "../west"))
        }
        #expect(error?.message.hasPrefix("tour name \"../west\" contains \"/\"") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try planner.requireStore().savedTours().isEmpty)
    }

    @Test("a good name saves the plan it wrote; saving again is refused before planning unless it replaces")
    func goodNameSaves() async throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("plan.json").path
        let planner = try TestPlanner.withEmptyStore()
        let first = try await planner.planTour(try query(out: out, save: "east"))
        #expect(first.saved == TourSavedReport(name: "east", part: .plan, replaced: false))
        #expect(try planner.requireStore().savedTours().map(\.name) == ["east"])
        #expect(try planner.requireStore().savedTours().first?.plan == first.plan)
        #expect(FileManager.default.fileExists(atPath: out))
        try FileManager.default.removeItem(atPath: out)
        let refused = await #expect(throws: PlannerError.self) {
            try await planner.planTour(try query(out: out, save: "east"))
        }
        #expect(refused?.message.hasPrefix("tour \"east\" already has a saved plan") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
        var replacing = try query(out: out, save: "east")
        replacing.replacesSaved = true
        let second = try await planner.planTour(replacing)
        #expect(second.saved?.note == "note: saved the plan as tour east (replacing the plan saved before)")
        #expect(second.noteLines.last == second.saved?.note)
    }
}

@Suite("Tour summary numbers")
struct TourSummaryNumberTests {
    @Test(
        "a saving that rounds to zero reads 0, not -0; others keep their sign",
        arguments: [
            (-0.01, 1, "0.0"), (-0.4, 0, "0"), (0.0, 1, "0.0"), (-0.06, 1, "-0.1"), (12.345, 1, "12.3"),
            (-250.0, 0, "-250"),
        ])
    func fixed(value: Double, digits: Int, expected: String) {
        #expect(TourPlanReport.fixed(value, digits: digits) == expected)
    }
}
