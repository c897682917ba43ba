import Foundation
import Testing

@Suite("A mistyped --db, an --out that names an input, a damaged plan")
struct SafetyCLITests {
    /// Every command that needs a store, with the rest of its arguments.
    static let storeCommands: [[String]] = [
        ["members"], ["members", "--unresolved"], ["rank"], ["markers"], ["events", "list"],
        ["events", "add", "--place", "Boston, MA", "--date", "2014-06-07"],
        ["remind", "schedule", "--now", "2014-06-01T09:00:00Z"],
        ["calls", "list", "--volunteer", "Rosa", "--date", "2014-06-01"],
        ["calls", "log", "--task", "e1/1/followUpCall", "--outcome", "reached"],
        ["texts", "list", "--date", "2014-06-07"],
        ["tour", "plan", "--base", "New York, NY", "--from", "2014-06-07", "--to", "2014-06-30", "--out", "p.json"],
    ]

    @Test(
        "a command that needs a store refuses a missing one: exit 1, the message, nothing created",
        arguments: storeCommands)
    func missingStore(arguments: [String]) throws {
        // Given a folder with no store
        let folder = try ScratchFolder()
        // When a command is pointed at a mistyped --db
        let result = try CLIRunner.run(arguments + ["--db", "typo.sqlite"], in: folder.url)
        // Then it fails with the message and leaves nothing behind
        #expect(result.status == 1, "\(arguments): \(result.stdout)")
        #expect(result.stderr.contains("no store at typo.sqlite; import first or check --db"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test("$TOURPLAN_DB and the default path are checked the same way")
    func missingDefaultStore() throws {
        let folder = try ScratchFolder()
        let viaEnvironment = try CLIRunner.run(["members"], environment: ["TOURPLAN_DB": "nope.sqlite"], in: folder.url)
        #expect(viaEnvironment.status == 1 && viaEnvironment.stderr.contains("no store at nope.sqlite"))
        let byDefault = try CLIRunner.run(["members"], in: folder.url)
        #expect(byDefault.status == 1 && byDefault.stderr.contains("no store at tourplan.sqlite"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test("commands that can run without a store still do, and create none")
    func withoutStore() throws {
        let folder = try ScratchFolder()
        let template = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Budgets/east-coast-2014.toml").path
        let budget = try CLIRunner.run(["budget", template], in: folder.url)
        #expect(budget.status == 0, "\(budget.stderr)")
        // A store named with --db is one the user means: a missing one is refused, not ignored.
        let typo = try CLIRunner.run(["budget", template, "--db", "typo.sqlite"], in: folder.url)
        #expect(typo.status == 1 && typo.stderr.hasPrefix("Error: no store at typo.sqlite;"), "\(typo.stderr)")
        let cities = try CLIRunner.run(["cities", "resolve", "Boston, MA"], in: folder.url)
        #expect(cities.status == 0, "\(cities.stderr)")
        let plan = try folder.write("plan.json", Self.plan)
        // A version 1 plan has no times: the itinerary asks to re-plan (exit 1), and still creates no store.
        let itinerary = try CLIRunner.run(["itinerary", "--plan", plan], in: folder.url)
        #expect(itinerary.status == 1 && itinerary.stderr.contains("re-plan"), "\(itinerary.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["plan.json"])
    }

    /// The commands that use a store only when there is one, with the rest of their arguments.
    static let optionalStoreCommands: [[String]] = [
        ["itinerary", "--plan", "plan.json"], ["itinerary", "--plan", "plan.json", "--format", "html"],
        ["cities", "resolve", "Boston, MA"], ["cities", "route", "New York, NY", "Boston, MA"],
    ]

    @Test(
        "a command that can work without a store refuses a named one that is missing, as rank and members do",
        arguments: optionalStoreCommands)
    func missingNamedOptionalStore(arguments: [String]) throws {
        // Given a folder with a plan and no store
        let folder = try ScratchFolder()
        _ = try folder.write("plan.json", Self.plan)
        // When the command is pointed at a mistyped --db, or at a $TOURPLAN_DB that is not there
        let typo = try CLIRunner.run(arguments + ["--db", "typo.sqlite"], in: folder.url)
        let viaEnvironment = try CLIRunner.run(arguments, environment: ["TOURPLAN_DB": "nope.sqlite"], in: folder.url)
        // Then it fails as `rank --db typo.sqlite` does: exit 1, the path, how to create it, nothing created
        let rank = try CLIRunner.run(["rank", "--db", "typo.sqlite"], in: folder.url)
        #expect(typo.status == 1 && typo.stdout.isEmpty, "\(arguments): \(typo.stdout)")
        #expect(typo.stderr == rank.stderr, "\(arguments): \(typo.stderr)")
        #expect(
            typo.stderr
                == "Error: no store at typo.sqlite; import first or check --db\n  hint: `tourplan import FILE --db"
                + " typo.sqlite` creates it; or pass the right file with --db (or $TOURPLAN_DB)\n")
        #expect(viaEnvironment.status == 1, "\(arguments): \(viaEnvironment.stdout)")
        #expect(viaEnvironment.stderr.hasPrefix("Error: no store at nope.sqlite; import first or check --db\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["plan.json"])
    }

    @Test("cities with --organization-country does not open the store, and the default store stays optional")
    func optionalStoreUnnamed() throws {
        let folder = try ScratchFolder()
        let given = try CLIRunner.run(
            ["cities", "resolve", "Boston, MA", "--organization-country", "US", "--db", "typo.sqlite"], in: folder.url)
        #expect(given.status == 0, "\(given.stderr)")
        let route = try CLIRunner.run(["cities", "route", "New York, NY", "Boston, MA"], in: folder.url)
        #expect(route.status == 0 && route.stderr.contains("place: "), "\(route.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test("import creates the store")
    func importCreates() throws {
        let folder = try ScratchFolder()
        _ = try folder.write("m.csv", "id,city,country\n1,Boston,US\n")
        let result = try CLIRunner.run(["import", "m.csv", "--db", "new.sqlite"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("new.sqlite")))
        #expect(try CLIRunner.run(["members", "--db", "new.sqlite"], in: folder.url).status == 0)
    }

    static let plan = """
        {"version": 1, "trips": [{"team": "NYC", "start": "2014-06-14", "end": "2014-06-14", "legs": [],
          "stops": [{"metro": "Baltimore", "cities": ["Baltimore"], "date": "2014-06-14", "latitude": 39.29,
                     "longitude": -76.61, "timeZone": "America/New_York", "value": 11}]}],
         "totals": {"km": 1, "driveHours": 1, "nightsAway": 0, "trainings": 1},
         "naive": {"km": 1, "driveHours": 1, "nightsAway": 0}}

        """

    @Test(
        "--out may not name an input: same path, another spelling, a symbolic link, a hard link",
        arguments: ["west.json", "./west.json", "link.json", "hard.json"])
    func outIsInput(out: String) throws {
        // Given a plan, a symbolic link and a hard link to it
        let folder = try ScratchFolder()
        let plan = try folder.write("west.json", Self.plan)
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.json"), withDestinationPath: plan)
        try FileManager.default.linkItem(atPath: plan, toPath: folder.path("hard.json"))
        // When the itinerary is written over it
        let result = try CLIRunner.run(["itinerary", "--plan", "west.json", "--out", out], in: folder.url)
        // Then it is refused and the plan is unchanged
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "--out \(out) is the same file as --plan west.json: writing it would destroy that input"),
            "\(result.stderr)")
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == Self.plan)
    }

    @Test("--out may not name the store or other inputs of tour plan, texts and calls")
    func outIsStoreOrOtherInput() throws {
        let folder = try ScratchFolder()
        _ = try folder.write("m.csv", "id,city,country\n1,Boston,US\n")
        #expect(try CLIRunner.run(["import", "m.csv", "--db", "s.sqlite"], in: folder.url).status == 0)
        let size = try FileManager.default.attributesOfItem(atPath: folder.path("s.sqlite"))[.size] as? Int
        let runs: [([String], String)] = [
            (["texts", "list", "--db", "s.sqlite", "--date", "2014-06-07", "--out", "s.sqlite"], "--db s.sqlite"),
            (
                ["calls", "list", "--db", "s.sqlite", "--volunteer", "R", "--date", "2014-06-07", "--out", "s.sqlite"],
                "--db s.sqlite"
            ),
            (
                [
                    "tour", "plan", "--db", "s.sqlite", "--base", "New York, NY", "--from", "2014-06-07", "--to",
                    "2014-06-30", "--matrix", "m.csv", "--out", "m.csv",
                ], "--matrix m.csv"
            ),
            (["itinerary", "--plan", "p.json", "--db", "s.sqlite", "--out", "s.sqlite"], "--db s.sqlite"),
        ]
        _ = try folder.write("p.json", Self.plan)
        for (arguments, input) in runs {
            let result = try CLIRunner.run(arguments, in: folder.url)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("is the same file as \(input)"), "\(arguments): \(result.stderr)")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path("s.sqlite"))[.size] as? Int == size)
        #expect(try String(contentsOfFile: folder.path("m.csv"), encoding: .utf8) == "id,city,country\n1,Boston,US\n")
    }

    @Test("a damaged plan is described in the user's terms")
    func damagedPlan() throws {
        let folder = try ScratchFolder()
        _ = try folder.write("plan.json", Self.plan.replacingOccurrences(of: "\"date\": \"2014-06-14\", ", with: ""))
        let result = try CLIRunner.run(["itinerary", "--plan", "plan.json"], in: folder.url)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("Error: plan.json: trips[0].stops[0]: missing \"date\"\n  hint: "),
            "\(result.stderr)")
        #expect(!result.stderr.contains("Index") && !result.stderr.contains("CodingKeys"))
        _ = try folder.write("new.json", "{\"version\": 9, \"trips\": []}")
        let itinerary = try CLIRunner.run(["itinerary", "--plan", "new.json"], in: folder.url)
        #expect(itinerary.stderr.contains("new.json: version 9 is newer than this tool (it reads version 2)"))
    }
}

@Suite("tourplan demo never replaces a store with someone's own imports")
struct DemoSafetyCLITests {
    @Test("demo --out . next to a real store: exit 1, the store untouched; a second demo run replaces its own")
    func demoNextToStore() throws {
        // Given a folder holding a real store
        let folder = try ScratchFolder()
        _ = try folder.write("m.csv", "id,city,country\n1,Boston,US\n")
        #expect(try CLIRunner.run(["import", "m.csv"], in: folder.url).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.path("tourplan.sqlite")))
        // When the demo is pointed at that folder
        let result = try CLIRunner.run(["demo", "--out", "."], in: folder.url)
        // Then it refuses and the store is unchanged
        #expect(result.status == 1)
        #expect(result.stderr.contains("tourplan.sqlite holds your imports (m.csv); the demo would replace it"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("tourplan.sqlite"))) == before)
        // A file that is not a store is not replaced either
        try FileManager.default.createDirectory(atPath: folder.path("other"), withIntermediateDirectories: true)
        _ = try folder.write("other/tourplan.sqlite", "my notes")
        let notAStore = try CLIRunner.run(["demo", "--out", "other"], in: folder.url)
        #expect(notAStore.status == 1 && notAStore.stderr.contains("exists and is not a demo store"))
        #expect(try String(contentsOfFile: folder.path("other/tourplan.sqlite"), encoding: .utf8) == "my notes")
        // and the demo's own store is replaced by the next demo run
        #expect(try CLIRunner.run(["demo", "--out", "d"], in: folder.url).status == 0)
        let again = try CLIRunner.run(["demo", "--out", "d"], in: folder.url)
        #expect(again.status == 0, "\(again.stderr)")
    }
}
