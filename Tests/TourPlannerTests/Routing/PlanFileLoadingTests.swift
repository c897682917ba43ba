import Foundation
import Testing

@testable import TourPlanner

@Suite("Reading PLAN.json: errors in the user's terms")
struct PlanFileLoadingTests {
    static let stop = """
        {"metro": "Baltimore", "cities": ["Baltimore"], "date": "2014-06-14", "latitude": 39.29, "longitude": -76.61,
         "timeZone": "America/New_York", "value": 11}
        """
    static func plan(version: String = "\"version\": 1,", trips: String) -> String {
        """
        {\(version) "trips": \(trips),
         "totals": {"km": 1, "driveHours": 1, "nightsAway": 0, "trainings": 1},
         "naive": {"km": 1, "driveHours": 1, "nightsAway": 0}}
        """
    }
    static func trip(_ stops: String) -> String {
        """
        {"team": "NYC", "start": "2014-06-14", "end": "2014-06-14", "stops": [\(stops)], "legs": []}
        """
    }

    static func message(_ json: String) -> String? {
        do {
            _ = try TourPlan.decode(Data(json.utf8), fileName: "plan.json")
            return nil
        } catch let error as PlanFileError {
            return error.description.components(separatedBy: "\n").first
        } catch {
            return "unexpected \(type(of: error)): \(error)"
        }
    }

    @Test("a good plan reads")
    func good() throws {
        let plan = try TourPlan.decode(
            Data(Self.plan(trips: "[\(Self.trip(Self.stop))]").utf8), fileName: "plan.json")
        #expect(plan.trips[0].stops[0].metro == "Baltimore")
    }

    @Test("a stop without a date names the trip, the stop and the key (indices from 0)")
    func missingDate() {
        let noDate = Self.stop.replacingOccurrences(of: "\"date\": \"2014-06-14\", ", with: "")
        let json = Self.plan(trips: "[\(Self.trip(Self.stop)), \(Self.trip(noDate))]")
        #expect(Self.message(json) == "plan.json: trips[1].stops[0]: missing \"date\"")
    }

    @Test(
        "the wrong kind of value says what was expected and what was found",
        arguments: [
            (
                "\"value\": 11", "\"value\": \"many\"",
                "trips[0].stops[0].value: expected a number, found the string \"many\""
            ),
            (
                "\"metro\": \"Baltimore\"", "\"metro\": 3",
                "trips[0].stops[0].metro: expected a string, found the number 3"
            ),
            (
                "\"date\": \"2014-06-14\"", "\"date\": \"2014-13-45\"",
                "trips[0].stops[0].date: \"2014-13-45\" is not an ISO date (YYYY-MM-DD)"
            ),
            ("\"metro\": \"Baltimore\"", "\"metro\": null", "trips[0].stops[0].metro: is null; expected a string"),
        ])
    func wrongValue(from: String, to: String, expected: String) {
        let json = Self.plan(trips: "[\(Self.trip(Self.stop.replacingOccurrences(of: from, with: to)))]")
        #expect(Self.message(json) == "plan.json: " + expected)
    }

    @Test(
        "documents that are not plans say so",
        arguments: [
            ("{\"name\": \"x\"}", "plan.json: not a TourPlanner plan (no \"version\" and no \"trips\")"),
            ("[1, 2]", "plan.json: not a TourPlanner plan (the document is a list, not an object)"),
            ("{\"version\": 9, \"trips\": []}", "plan.json: version 9 is newer than this tool (it reads version 2)"),
            (
                "{\"version\": \"one\", \"trips\": []}",
                "plan.json: version: expected a whole number, found the string \"one\""
            ),
            ("{\"version\": true, \"trips\": []}", "plan.json: version: expected a whole number, found true"),
            ("{\"version\": 0, \"trips\": []}", "plan.json: version: 0 is not a plan version (versions start at 1)"),
            ("{\"version\": 1, \"trips\": []}", "plan.json: missing \"totals\""),
        ])
    func notAPlan(json: String, expected: String) {
        #expect(Self.message(json) == expected)
    }

    @Test("text that is not JSON says so, with the parser's reason")
    func notJSON() throws {
        let message = try #require(Self.message("version: 1\n"))
        #expect(message.hasPrefix("plan.json: is not JSON ("))
        #expect(!message.contains("DecodingError") && !message.contains("Index"))
    }

    @Test("a plan without a version is read (other programs write plans too)")
    func noVersion() throws {
        let plan = try TourPlan.decode(Data(Self.plan(version: "", trips: "[]").utf8), fileName: "plan.json")
        #expect(plan.version == 1 && plan.trips.isEmpty)
    }
}
