import Foundation
import Testing

@Suite("tourplan budget, end to end")
struct BudgetCLITests {
    static let template = """
        name = "West"
        currency = "USD"
        [per_diem]
        hourly_wage = 10
        [vehicle]
        kind = "own"
        rate_per_km = 0.1
        [counts]
        trainings = 2
        travel_days = 0
        nights = 1
        distance_km = 100
        trips = 1
        """

    @Test("--compare --plan: the notes on what the plan replaces go to stderr; stdout holds only the comparison")
    func compareNotesOnStderr() throws {
        let folder = try ScratchFolder()
        try GoldenSupport.copyDemo(into: folder)
        let template = try GoldenSupport.copy(
            GoldenSupport.repositoryRoot.appendingPathComponent("Budgets/east-coast-2014.toml"), into: folder)
        let db = folder.path("demo/tourplan.sqlite")
        let plan = folder.path("demo/plan.json")
        // The plan sets the counts fewer-cities changes and the hosted nights members-host changes.
        let fewerCities = "Note: the plan sets counts.distance_miles, counts.nights, counts.trainings, counts.trips"
        let membersHost = "Note: the plan sets lodging.hosted_nights, so scenario members-host's values"
        for format in ["table", "md", "csv"] {
            let run = try CLIRunner.run(
                ["budget", template, "--plan", plan, "--compare", "--format", format, "--db", db], in: folder.url)
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(!run.stdout.contains("Note:"), "\(format) stdout: \(run.stdout)")
            let notes = run.stderr.split(separator: "\n").filter { $0.hasPrefix("Note: ") }
            #expect(notes.count == 2, "\(format) stderr: \(run.stderr)")
            #expect(notes.first?.hasPrefix(fewerCities) == true && notes.last?.hasPrefix(membersHost) == true)
            #expect(!run.stdout.hasSuffix("\n\n"), "\(format): no blank line left behind")
        }
        // JSON carries the replaced keys in each report (planOverrides); no note on either stream.
        let json = try CLIRunner.run(
            ["budget", template, "--plan", plan, "--compare", "--format", "json", "--db", db], in: folder.url)
        #expect(json.status == 0 && !json.stdout.contains("Note:") && !json.stderr.contains("Note:"))
        #expect(json.stdout.contains("\"planOverrides\""))
    }

    @Test("one EUR expense: refused without a rate (nothing recorded); with --rate it is converted; reports still run")
    func foreignExpense() throws {
        let folder = try ScratchFolder()
        let db = folder.path("t.sqlite")
        let budget = try folder.write("west.toml", Self.template)
        let csv = try folder.write(
            "a.csv",
            "date,category,amount,currency,receipt\n2014-06-07,fuel,10.00,USD,R-1\n2014-06-07,fuel,10.00,EUR,no\n")
        let refused = try CLIRunner.run(["budget", "actuals", "add", csv, "--budget", budget, "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("a.csv:3: currency \"EUR\" differs from the budget's USD"))
        let added = try CLIRunner.run([
            "budget", "actuals", "add", csv, "--budget", budget, "--rate", "EUR=1.08", "--db", db,
        ])
        #expect(added.status == 0)
        #expect(added.stdout.contains("2 expenses read for tour west: 2 new, 0 already recorded"))
        let report = try CLIRunner.run(["budget", budget, "--db", db])
        #expect(report.status == 0)
        // $10.00 + €10.00 × 1.08 = $20.80 of fuel; the EUR row's receipt "no" is missing.
        #expect(report.stdout.contains("$20.80"))
        #expect(report.stdout.contains("#2 2014-06-07 fuel $10.80"))
    }

    @Test("list, edit and delete by id; the old `actuals import` spelling still records")
    func listEditDelete() throws {
        let folder = try ScratchFolder()
        let db = folder.path("t.sqlite")
        let csv = try folder.write(
            "a.csv",
            "date,category,trip,amount,currency,note,receipt\n2014-06-07,tolls,,5,USD,,\n2014-06-07,tolls,,5,USD,,\n")
        let imported = try CLIRunner.run([
            "budget", "actuals", "import", csv, "--tour", "east", "--currency", "usd", "--db", db,
        ])
        #expect(imported.status == 0 && imported.stdout.contains("2 new"))
        let edit = try CLIRunner.run([
            "budget", "actuals", "edit", "2", "--amount", "7.25", "--receipt", "R-4", "--db", db,
        ])
        #expect(edit.stdout == "updated #2: 2014-06-07 tolls $7.25, tour east, receipt R-4\n")
        let delete = try CLIRunner.run(["budget", "actuals", "delete", "1", "--db", db])
        #expect(delete.status == 0)
        // A deletion is undone with restore (once: a second restore is refused); then deleted again.
        let restore = try CLIRunner.run(["budget", "actuals", "restore", "1", "--db", db])
        #expect(restore.status == 0 && restore.stdout.hasPrefix("restored #1: 2014-06-07 "))
        let twice = try CLIRunner.run(["budget", "actuals", "restore", "1", "--db", db])
        #expect(twice.status == 1 && twice.stderr.contains("expense #1 is not deleted"))
        #expect(try CLIRunner.run(["budget", "actuals", "delete", "1", "--db", db]).status == 0)
        let list = try CLIRunner.run(["budget", "actuals", "list", "--tour", "east", "--format", "csv", "--db", db])
        #expect(
            list.stdout
                == "id,tour,date,category,trip,amount,currency,rate,budgetCurrency,receipt,note,source\r\n2,east,2014-06-07,tolls,,7.25,USD,,USD,R-4,,\(csv):3\r\n"
        )
        // A note that looks like a formula is neutralized in CSV (the spreadsheet-safe writer).
        _ = try CLIRunner.run(["budget", "actuals", "edit", "2", "--note", "=1+1", "--db", db])
        let safe = try CLIRunner.run(["budget", "actuals", "list", "--format", "csv", "--db", db])
        #expect(safe.stdout.contains(",R-4,\"'=1+1\","))
        let unknown = try CLIRunner.run(["budget", "actuals", "edit", "9", "--note", "x", "--db", db])
        #expect(unknown.status == 1 && unknown.stderr.contains("expense #9 is not a recorded expense"))
        let noBudget = try CLIRunner.run(["budget", "actuals", "add", csv, "--db", db])
        #expect(noBudget.status == 64)
    }

    @Test("budget init writes a template that runs; refuses to overwrite without --force, and never the plan")
    func initTemplate() throws {
        let folder = try ScratchFolder()
        let out = folder.path("tour.toml")
        let first = try CLIRunner.run(["budget", "init", "--out", out])
        #expect(first.status == 0)
        let report = try CLIRunner.run(["budget", out], in: folder.url)
        #expect(report.status == 0 && report.stdout.hasPrefix("tour\n") && report.stderr.isEmpty)
        let again = try CLIRunner.run(["budget", "init", "--out", out])
        #expect(again.status == 1 && again.stderr.contains("already exists"))
        #expect(try CLIRunner.run(["budget", "init", "--out", out, "--force"]).status == 0)
        let plan = try folder.write("plan.json", "{}")
        let overPlan = try CLIRunner.run(["budget", "init", "--from-plan", plan, "--out", plan, "--force"])
        #expect(overPlan.status == 64)
        #expect(try String(contentsOfFile: plan, encoding: .utf8) == "{}")
    }

    @Test(
        "without --db, the report reads the actuals `actuals add` wrote to ./tourplan.sqlite; list never creates a store"
    )
    func defaultStore() throws {
        let folder = try ScratchFolder()
        let budget = try folder.write("west.toml", Self.template)
        let csv = try folder.write("a.csv", "date,category,amount,currency,receipt\n2014-06-07,fuel,12.34,USD,R-1\n")
        let empty = try CLIRunner.run(["budget", "actuals", "list"], in: folder.url)
        #expect(empty.status == 1 && empty.stderr.contains("no store at tourplan.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("tourplan.sqlite")))
        #expect(try CLIRunner.run(["budget", "actuals", "add", csv, "--budget", budget], in: folder.url).status == 0)
        let report = try CLIRunner.run(["budget", budget], in: folder.url)
        #expect(report.stdout.contains("Plan vs actual (tour west)") && report.stdout.contains("$12.34"))
        let mismatch = try CLIRunner.run(
            ["budget", "actuals", "add", csv, "--budget", budget, "--currency", "EUR"], in: folder.url)
        #expect(mismatch.status == 1 && mismatch.stderr.contains("--currency EUR differs from"))
    }

    @Test("contradicting counts are warned about on stderr, naming the keys")
    func countWarning() throws {
        let folder = try ScratchFolder()
        let budget = try folder.write(
            "t.toml", Self.template.replacingOccurrences(of: "nights = 1", with: "nights = 2"))
        let result = try CLIRunner.run(["budget", budget], in: folder.url)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("warning: counts.nights = 2 over counts.trips = 1 needs at least 3 days away"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("tourplan.sqlite")))
    }

    @Test("a store named with --db must exist: the budget refuses a missing one, naming it (fix: exit 0)")
    func namedStoreMissing() throws {
        let folder = try ScratchFolder()
        let budget = try folder.write("west.toml", Self.template)
        let result = try CLIRunner.run(["budget", budget, "--db", "typo.sqlite"], in: folder.url)
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(
            result.stderr
                == "Error: no store at typo.sqlite; record expenses first (`tourplan budget actuals add FILE --budget TEMPLATE`) or check --db\n  hint: leave out --db (and $TOURPLAN_DB) to budget without recorded expenses\n"
        )
        let viaEnvironment = try CLIRunner.run(
            ["budget", budget], environment: ["TOURPLAN_DB": "nope.sqlite"], in: folder.url)
        #expect(viaEnvironment.status == 1 && viaEnvironment.stderr.hasPrefix("Error: no store at nope.sqlite;"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["west.toml"])
    }
}
