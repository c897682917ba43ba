import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

/// Runs a checker script from Tests/Checks with python3 and decodes its JSON verdict.
enum PythonCheck {
    static var checksFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Checks")
    }

    /// True when python3 and the checkers' packages are installed (CI installs .ci/requirements.txt).
    static let isAvailable: Bool = {
        (try? run(["-c", "import icalendar, geojson"]))?.status == 0
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func verdict(_ script: String, file: String) throws -> [String: Any] {
        let result = try run([checksFolder.appendingPathComponent(script).path, file])
        guard result.status == 0,
            let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        else {
            throw RoutingError("\(script) failed: \(result.output)", hint: "")
        }
        return json
    }
}

@Suite("Itinerary")
struct ItineraryTests {
    static func plan() throws -> TourPlan { try TourScheduler().plan(try TourSchedulerTests.summer()) }

    @Test("a minimal PLAN.json written by another program (only the documented keys) is read")
    func minimalPlan() throws {
        let json = """
            {"trips": [{"team": "A", "start": "2014-06-21", "end": "2014-06-21",
              "stops": [{"metro": "Philadelphia", "cities": ["Philadelphia"], "date": "2014-06-21", "latitude": 39.95,
                         "longitude": -75.17, "timeZone": "America/New_York", "value": 10}],
              "legs": [{"from": "New York", "to": "Philadelphia", "date": "2014-06-21", "km": 162, "hours": 2.03},
                       {"from": "Philadelphia", "to": "New York", "date": "2014-06-21", "km": 162, "hours": 2.03}]}],
             "totals": {"km": 324, "driveHours": 4.06, "nightsAway": 0, "trainings": 1},
             "naive": {"km": 324, "driveHours": 4.06, "nightsAway": 0}, "unvisited": []}
            """
        let plan = try JSONDecoder().decode(TourPlan.self, from: Data(json.utf8))
        #expect(plan.version == 1 && plan.teams.isEmpty && plan.trips[0].stops[0].trainingHours == 8)
        // 2 × 2.03 h driving + 8 h training = 12.06 h, over the 12 h working day, too.
        #expect(DayRules.violations(in: plan).map(\.rule) == [.missingTime, .missingTime, .missingTime, .workingDay])
        // Version 1 has no times: the itinerary asks for a re-plan instead of guessing them.
        #expect {
            try Itinerary.make(plan: plan)
        } throws: { error in
            (error as? RoutingError)?.description
                == "the plan (PLAN.json version 1) gives no time for the drive New York → Philadelphia on 2014-06-21\n  hint: re-plan with `tourplan tour plan` (version 2 plans carry every time)"
        }
    }

    @Test("the day-by-day layout takes the plan's times: the drive, the training, the night")
    func layout() throws {
        let plan = try Self.plan()
        let itinerary = try Itinerary.make(plan: plan)
        let boston = try #require(
            itinerary.trips.first { $0.days.first?.items.contains { $0.metro == "Boston" } == true })
        let saturday = boston.days[0].items
        // Under the loose rules (fixed 10:00 start): New York → Boston 306.1 km great circle × 1.1788 =
        // 360.8 road km; 0.18 + 360.8 / 103.67 = 3.66 h; arrive 09:30, so leave 09:30 − 3 h 39.6 min =
        // 05:50. Sunday's return-only drive leaves at the earliest departure, 04:00.
        #expect(saturday.map(\.kind) == [.drive, .training, .night])
        #expect(Itinerary.clock(saturday[0].end) == "09:30" && Itinerary.clock(saturday[0].start) == "05:50")
        #expect(saturday[1].start == "2014-06-07T10:00:00-04:00" && saturday[1].end == "2014-06-07T18:00:00-04:00")
        #expect(boston.days[1].items.map(\.kind) == [.drive])
        #expect(boston.days[1].items[0].start == "2014-06-08T04:00:00-04:00")
        let bostonTrip = try #require(plan.trips.first { $0.stops.map(\.metro) == ["Boston"] })
        #expect(
            saturday[0].start == bostonTrip.legs[0].departure && saturday[1].start == bostonTrip.stops[0].trainingStart)
    }

    @Test("an event whose start differs from the plan's is reported, not silently used")
    func startConflict() throws {
        let plan = try Self.plan()
        let boston = try #require(plan.trips.flatMap(\.stops).first { $0.metro == "Boston" })
        let event = OutreachEvent(
            metro: "Boston", cities: ["Boston"], date: boston.date, start: LocalTime(hour: 9, minute: 0),
            timeZone: boston.timeZone, latitude: boston.latitude, longitude: boston.longitude)
        #expect(
            Itinerary.startConflicts(plan: plan, events: [event]) == [
                "event 2014-06-07-boston starts at 09:00 but the plan trains in Boston at 10:00 on 2014-06-07; the itinerary uses 10:00"
            ])
        #expect(
            OutreachEvent.make(from: plan, start: LocalTime(hour: 13, minute: 0)).map(\.start.description).allSatisfy {
                $0 == "10:00"
            })
    }

    @Test("ICS text: folded at 75 octets, escaped, CRLF, stable UIDs and VTIMEZONE with the 2014 transitions")
    func icsText() throws {
        let ics = try Itinerary.make(plan: try Self.plan()).ics()
        let lines = ics.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(ics.contains("DTSTART:20140309T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400"))
        #expect(ics.contains("UID:new-york-2014-06-07-training-boston@tourplan"))
        #expect(try ics == Itinerary.make(plan: try Self.plan()).ics())
        #expect(ICSWriter.escapeText("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        let long = ICSWriter.fold("SUMMARY:" + String(repeating: "é", count: 60))
        #expect(long.components(separatedBy: "\r\n ").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test(
        "a real iCalendar parser reads the events, times and zones",
        .enabled(if: PythonCheck.isAvailable, "python3 with icalendar (CI installs .ci/requirements.txt)"))
    func icsParsed() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("t.ics", try Itinerary.make(plan: try Self.plan()).ics())
        let verdict = try PythonCheck.verdict("check_ics.py", file: path)
        let events = try #require(verdict["events"] as? [[String: Any]])
        #expect(events.count == 11)  // 4 trainings + 7 drives
        let boston = try #require(events.first { ($0["summary"] as? String) == "Training in Boston" })
        #expect(boston["start"] as? String == "2014-06-07T10:00:00-04:00")
        #expect(boston["utcStart"] as? String == "2014-06-07T14:00:00+00:00")
        #expect(boston["tzid"] as? String == "America/New_York")
        #expect(verdict["timezones"] as? [String] == ["America/New_York"])
    }

    @Test("GeoJSON passes an independent RFC 7946 check", .enabled(if: PythonCheck.isAvailable, "python3 with geojson"))
    func geoJSON() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("t.geojson", try Itinerary.geoJSON(plan: try Self.plan()))
        let verdict = try PythonCheck.verdict("check_geojson.py", file: path)
        #expect(verdict["valid"] as? Bool == true)
        #expect(verdict["points"] as? Int == 5 && verdict["lines"] as? Int == 7)
    }

    @Test(
        "HTML is well-formed, self-contained and shows the map with every leg",
        .enabled(if: PythonCheck.isAvailable, "python3"))
    func html() throws {
        let plan = try Self.plan()
        let page = try Itinerary.make(plan: plan, budgetTotal: Money(amount: 1984.21, currency: .usd)).html(
            plan: plan, map: RouteMap.loadBundled())
        #expect(!page.contains("http://") || page.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(!page.contains("<script") && !page.contains("src=\"http"))
        #expect(page.contains("$1,984.21"))
        let folder = try TemporaryFolder()
        let verdict = try PythonCheck.verdict("check_html.py", file: try folder.write("t.html", page))
        #expect(verdict["wellFormed"] as? Bool == true)
        #expect(verdict["legs"] as? Int == 7 && verdict["stops"] as? Int == 4)
        #expect((verdict["paths"] as? Int ?? 0) > 5)  // state and country outlines
    }
}
