import Foundation
import Testing

@Suite("tourplan demo, rank, calls: end to end")
struct PipelineCLITests {
    @Test("the demo writes every file; rank and calls work on its database")
    func demoThenCommands() throws {
        let folder = try ScratchFolder()
        let out = folder.path("demo")
        let demo = try CLIRunner.run(["demo", "--out", out])
        #expect(demo.status == 0, "\(demo.stderr)")
        for file in [
            "ranking.csv", "plan.json", "budget.md", "itinerary.html", "itinerary.ics", "itinerary.geojson",
            "calls-2014-06-01.html", "calls-2014-06-01.csv", "tourplan.sqlite",
        ] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(file)"), "\(file)")
        }
        let permissions =
            try FileManager.default.attributesOfItem(atPath: "\(out)/calls-2014-06-01.csv")[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let db = "\(out)/tourplan.sqlite"
        let rank = try CLIRunner.run(["rank", "--db", db, "--format", "json", "--limit", "3"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rank.stdout.utf8)) as? [String: Any])
        let metros = try #require(json["metros"] as? [[String: Any]])
        #expect(metros.map { $0["metro"] as? String } == ["San Francisco", "Chicago", "Boston"])
        #expect(metros[0]["cities"] as? [String] == ["Berkeley", "Oakland", "San Francisco"])
        #expect(json["unresolvedMembers"] as? Int == 2)
        let csv = try CLIRunner.run(["rank", "--db", db, "--format", "csv", "--limit", "1"])
        #expect(
            csv.stdout.hasPrefix(
                "rank,metro,country,cities,lat,lon,unaffiliated,organizers,hosts,womenShare,nearestChapterKm,baseKm,score,chapterProbability\r\n1,San Francisco,US,"
            ))
        let base = try CLIRunner.run(["rank", "--db", db, "--base", "Xyzzyville, , Narnia"])
        #expect(base.status == 1 && base.stderr.contains("--base \"Xyzzyville, , Narnia\" does not resolve"))
        let calendar = try CLIRunner.run([
            "calls", "list", "--db", db, "--volunteer", "Rosa Demo", "--date", "2014-06-01", "--format", "ics",
        ])
        #expect(
            calendar.status == 0 && calendar.stdout.hasPrefix("BEGIN:VCALENDAR\r\n")
                && calendar.stdout.contains("BEGIN:VEVENT"))
        let markers = try CLIRunner.run(["markers", "--db", db, "--format", "json"])
        #expect(markers.status == 0 && markers.stdout.contains("\"chapters\""))
    }
}
