import Foundation
import Testing

@Suite("tourplan trainings, rank --by chapters, markers --forecast: end to end")
struct ChaptersCLITests {
    @Test("log a training (invited from the schedule), update it later, fit, rank and forecast")
    func trainingsRoundTrip() throws {
        let folder = try ScratchFolder()
        let out = folder.path("demo")
        let demo = try CLIRunner.run(["demo", "--out", out])
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = "\(out)/tourplan.sqlite"

        // Given a training in Boston on the demo's first date, invited count taken from the schedule
        let logged = try CLIRunner.run([
            "trainings", "log", "--db", db, "--metro", "Boston", "--date", "2014-06-21", "--attended", "6",
            "--women", "3", "--format", "json",
        ])
        #expect(logged.status == 0, "\(logged.stderr)")
        let records = try #require(
            try JSONSerialization.jsonObject(with: Data(logged.stdout.utf8)) as? [[String: Any]])
        let invited = try #require(records.first?["invited"] as? Int)
        #expect(invited > 0)
        #expect(records.first?["chapterFounded"] as? String == "pending")
        let id = try #require(records.first?["id"] as? Int)

        // Logging the same metro and date again is refused, naming the id to update
        let twice = try CLIRunner.run([
            "trainings", "log", "--db", db, "--metro", "Boston", "--date", "2014-06-21", "--attended", "6",
            "--women", "3",
        ])
        #expect(twice.status == 1 && twice.stderr.contains("already recorded (id \(id))"))

        // Inconsistent counts are refused
        let bad = try CLIRunner.run([
            "trainings", "update", "--db", db, "\(id)", "--women", "9",
        ])
        #expect(bad.status == 1 && bad.stderr.contains("women (9) is more than attended (6)"))

        // Months later the chapter is founded
        let update = try CLIRunner.run(["trainings", "update", "--db", db, "\(id)", "--chapter-founded", "yes"])
        #expect(update.status == 0, "\(update.stderr)")
        let fit = try CLIRunner.run(["trainings", "fit", "--db", db])
        #expect(fit.status == 0 && fit.stdout.contains("1 training recorded"))
        #expect(fit.stdout.contains("retention rate:") && fit.stdout.contains("from 1 training"))

        let rank = try CLIRunner.run(["rank", "--db", db, "--by", "chapters", "--format", "json", "--limit", "3"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rank.stdout.utf8)) as? [String: Any])
        let metros = try #require(json["metros"] as? [[String: Any]])
        let chances = metros.compactMap { ($0["chapter"] as? [String: Any])?["probability"] as? Double }
        #expect(chances.count == 3)
        #expect(chances == chances.sorted(by: >))

        let forecast = try CLIRunner.run(["markers", "--db", db, "--forecast", "\(out)/plan.json", "--format", "json"])
        #expect(forecast.status == 0, "\(forecast.stderr)")
        let result = try #require(
            try JSONSerialization.jsonObject(with: Data(forecast.stdout.utf8)) as? [String: Any])
        let distribution = try #require(result["distribution"] as? [[String: Any]])
        let total = distribution.compactMap { $0["probability"] as? Double }.reduce(0, +)
        #expect(abs(total - 1) < 1e-9)

        let deleted = try CLIRunner.run(["trainings", "delete", "--db", db, "\(id)"])
        #expect(deleted.status == 0)
        let empty = try CLIRunner.run(["trainings", "list", "--db", db])
        #expect(empty.stdout.contains("No trainings recorded yet"))
    }

    @Test("tour plan --objective chapters: kinds and chances in PLAN.json, remote trainings in ICS and budget")
    func chaptersObjective() throws {
        let folder = try ScratchFolder()
        let out = folder.path("demo")
        #expect(try CLIRunner.run(["demo", "--out", out]).status == 0)
        let db = "\(out)/tourplan.sqlite"
        let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Budgets/east-coast-2014.toml").path
        let planPath = folder.path("chapters.json")
        let planned = try CLIRunner.run([
            "tour", "plan", "--db", db, "--base", "New York, NY", "--from", "2014-06-07", "--to", "2014-08-31",
            "--stops", "Baltimore", "Boston", "Philadelphia", "Washington", "--travel-days", "fri", "--objective",
            "chapters", "--budget", "1500", "--rates", template, "--out", planPath,
        ])
        #expect(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("Expected new chapters:"))
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planPath))) as? [String: Any])
        let stops = (plan["trips"] as? [[String: Any]] ?? []).flatMap { $0["stops"] as? [[String: Any]] ?? [] }
        #expect(!stops.isEmpty && stops.allSatisfy { $0["visit"] as? String == "in-person" })
        #expect(stops.allSatisfy { ($0["chapterProbability"] as? Double).map { (0...1).contains($0) } == true })
        let remote = plan["remoteTrainings"] as? [[String: Any]] ?? []
        let visited = Set(stops.compactMap { $0["metro"] as? String })
        let remoteMetros = Set(remote.compactMap { $0["metro"] as? String })
        // Every candidate is visited or trained remotely, never both.
        #expect(visited.union(remoteMetros) == ["Baltimore", "Boston", "Philadelphia", "Washington"])
        #expect(visited.isDisjoint(with: remoteMetros))
        let expected = try #require(plan["expectedChapters"] as? Double)
        let sum =
            stops.compactMap { $0["chapterProbability"] as? Double }.reduce(0, +)
            + remote.compactMap { $0["probability"] as? Double }.reduce(0, +)
        #expect(abs(expected - sum) < 1e-9)
        let ics = try CLIRunner.run(["itinerary", "--plan", planPath, "--format", "ics"])
        #expect(ics.status == 0 && ics.stdout.contains("Remote training (video) for"), "\(ics.stderr)")
        let budget = try CLIRunner.run(["budget", template, "--plan", planPath])
        #expect(budget.status == 0 && budget.stdout.contains("cost per expected chapter: $"), "\(budget.stderr)")
    }
}
