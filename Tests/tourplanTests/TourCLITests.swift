import Foundation
import Testing
import TourPlanner

@Suite("tourplan tour plan, itinerary, demo: day rules end to end")
struct TourCLITests {
    /// The demo's database and plan, made once per test.
    static func demo(_ folder: ScratchFolder) throws -> (db: String, plan: String) {
        let out = folder.path("demo")
        let run = try CLIRunner.run(["demo", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        return ("\(out)/tourplan.sqlite", "\(out)/plan.json")
    }

    @Test("the demo's plan is version 2 and breaks no day rule")
    func demoPlanIsSafe() throws {
        let folder = try ScratchFolder()
        let (_, planPath) = try Self.demo(folder)
        let plan = try JSONDecoder().decode(TourPlan.self, from: try Data(contentsOf: URL(fileURLWithPath: planPath)))
        #expect(plan.version == 2)
        #expect(plan.trips.allSatisfy { trip in trip.legs.allSatisfy { $0.departure != nil && $0.arrival != nil } })
        #expect(DayRules.violations(in: plan).isEmpty)
        #expect(!plan.trips.isEmpty)
    }

    @Test("plan flags, --settings and --top: refusals name the rule; skipped metros are reported")
    func planFlags() throws {
        let folder = try ScratchFolder()
        let (db, _) = try Self.demo(folder)
        let out = folder.path("plan.json")
        // The West Coast case: refused with the rule named (the flat drive model: LA 8.7 h).
        let west = try CLIRunner.run([
            "tour", "plan", "--db", db, "--base", "San Francisco, CA", "--stops", "Los Angeles", "San Diego",
            "Sacramento", "--max-drive-hours", "12", "--from", "2014-06-07", "--to", "2014-08-31", "--out", out,
        ])
        #expect(west.status == 1)
        #expect(west.stderr.contains("no trip fits the day rules"), "\(west.stderr)")
        #expect(west.stderr.contains("hint: relax one rule") || west.stderr.contains("hint: no single change"))
        // A bad settings file names the file, line and key.
        let settings = folder.path("planner.toml")
        try "[day]\nlatest_arrival = \"25:00\"\n".write(toFile: settings, atomically: true, encoding: .utf8)
        let bad = try CLIRunner.run([
            "tour", "plan", "--db", db, "--base", "New York, NY", "--from", "2014-06-07", "--to", "2014-08-31",
            "--settings", settings, "--out", out,
        ])
        #expect(bad.status == 1 && bad.stderr.contains("planner.toml:2: day.latest_arrival \"25:00\" is not a time"))
        // A team's own day rules in the teams file: a bad value names the file, team and key; a
        // good one is the team's (a fixed 10:00 start).
        let teams = folder.path("teams.json")
        let base = "NYC@40.7128,-74.0060,America/New_York"
        try "[{\"name\": \"East\", \"base\": \"\(base)\", \"latestArrival\": \"24:30\"}]".write(
            toFile: teams, atomically: true, encoding: .utf8)
        let badTeam = try CLIRunner.run([
            "tour", "plan", "--db", db, "--teams", teams, "--stops", "Philadelphia", "--from", "2014-06-07", "--to",
            "2014-08-31", "--out", out,
        ])
        #expect(badTeam.status == 1)
        #expect(badTeam.stderr.contains("teams.json: team \"East\": latestArrival \"24:30\" is not a time"))
        try "[{\"name\": \"East\", \"base\": \"\(base)\", \"trainingStart\": \"10:00\"}]".write(
            toFile: teams, atomically: true, encoding: .utf8)
        let fixed = try CLIRunner.run([
            "tour", "plan", "--db", db, "--teams", teams, "--stops", "Philadelphia", "--from", "2014-06-07", "--to",
            "2014-08-31", "--format", "json", "--out", out,
        ])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let fixedPlan = try JSONDecoder().decode(TourPlan.self, from: Data(fixed.stdout.utf8))
        #expect(fixedPlan.teams.first?.dayRules?.trainingStartLatest == LocalTime(hour: 10, minute: 0))
        #expect(fixedPlan.trips.flatMap(\.stops).allSatisfy { $0.trainingStart?.contains("T10:00:00-04:00") == true })
        #expect(DayRules.violations(in: fixedPlan).isEmpty)
        // --top from Chicago: the far-away higher-ranked metros are skipped, with the reason, in JSON too.
        let top = try CLIRunner.run([
            "tour", "plan", "--db", db, "--base", "Chicago, IL", "--top", "1", "--from", "2014-06-06", "--to",
            "2014-08-31", "--travel-days", "fri", "--objective", "value", "--format", "json", "--out", out,
        ])
        #expect(top.status == 0, "\(top.stderr)")
        #expect(top.stderr.contains("skipped #1 San Francisco: no trip fits the day rules"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(top.stdout.utf8)) as? [String: Any])
        let skipped = try #require(json["skipped"] as? [[String: Any]])
        #expect(skipped.first?["metro"] as? String == "San Francisco")
    }

    @Test("itinerary --training-start is refused: the plan's times are the only ones")
    func trainingStartRefused() throws {
        let folder = try ScratchFolder()
        let (db, plan) = try Self.demo(folder)
        let run = try CLIRunner.run(["itinerary", "--db", db, "--plan", plan, "--training-start", "10:00"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--training-start 10:00: the itinerary now takes every time from the plan"))
    }
}
