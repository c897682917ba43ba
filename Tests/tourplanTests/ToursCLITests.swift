import Foundation
import Testing

@Suite("tourplan budget --save, end to end")
struct ToursCLITests {
    @Test("--save stores the template as a tour; again is refused unless --replace, which notes it; report unchanged")
    func saveBudget() throws {
        let folder = try ScratchFolder()
        let db = folder.path("t.sqlite")
        let budget = try folder.write("west.toml", BudgetCLITests.template)
        let csv = try folder.write("a.csv", "date,category,amount,currency,receipt\n2014-06-07,fuel,10.00,USD,R-1\n")
        let added = try CLIRunner.run(["budget", "actuals", "add", csv, "--budget", budget, "--db", db])
        #expect(added.status == 0)
        let plain = try CLIRunner.run(["budget", budget, "--db", db])
        let first = try CLIRunner.run(["budget", budget, "--save", "west", "--db", db])
        #expect(first.status == 0 && first.stdout == plain.stdout)
        #expect(first.stderr == "note: saved the budget template as tour west\n" + plain.stderr)
        let second = try CLIRunner.run(["budget", budget, "--save", "west", "--db", db])
        #expect(second.status == 1 && second.stdout.isEmpty)
        #expect(
            second.stderr.contains(
                "tour \"west\" already has a saved budget template (from \(budget)); it was kept"), "\(second.stderr)")
        #expect(second.stderr.contains("pass --replace to replace that template"))
        let replaced = try CLIRunner.run(["budget", budget, "--save", "west", "--replace", "--db", db])
        #expect(replaced.status == 0 && replaced.stdout == plain.stdout)
        #expect(
            replaced.stderr.hasPrefix(
                "note: saved the budget template as tour west (replacing the budget template saved before)\n"))
        let noSave = try CLIRunner.run(["budget", budget, "--replace", "--db", db])
        #expect(noSave.status == 64 && noSave.stderr.contains("--replace needs --save NAME"))
    }

    @Test("an invalid tour name is refused with the rule, exit 1, and without a store it asks for one")
    func refused() throws {
        let folder = try ScratchFolder()
        let budget = try folder.write("west.toml", BudgetCLITests.template)
        let db = folder.path("t.sqlite")
        let csv = try folder.write("a.csv", "date,category,amount,currency,receipt\n2014-06-07,fuel,10.00,USD,R-1\n")
        _ = try CLIRunner.run(["budget", "actuals", "add", csv, "--budget", budget, "--db", db])
        let bad = try CLIRunner.run(["budget", budget, "--save", "../west", "--db", db])
        #expect(bad.status == 1 && bad.stdout.isEmpty)
        #expect(bad.stderr.contains("tour name \"../west\" contains \"/\""))
        let noStore = try CLIRunner.run(["budget", budget, "--save", "west"], in: folder.url)
        #expect(noStore.status == 1 && noStore.stderr.contains("this job needs a store"))
        let missing = try CLIRunner.run(["budget", budget, "--save", "west", "--db", folder.path("none.sqlite")])
        #expect(missing.status == 1 && missing.stderr.contains("no store at \(folder.path("none.sqlite"))"))
    }

    @Test("tour plan --save with a bad name refuses before writing --out; a good name saves the plan written")
    func savePlan() throws {
        let folder = try ScratchFolder()
        _ = try folder.write("m.csv", "id,city,country\n1,Boston,US\n")
        #expect(try CLIRunner.run(["import", "m.csv", "--db", "t.sqlite"], in: folder.url).status == 0)
        let plan = [
            "tour", "plan", "--db", "t.sqlite", "--base", "New York@40.7128,-74.0060,America/New_York", "--from",
            "2014-06-07", "--to", "2014-06-30", "--out", "plan.json", "--save",
        ]
        let bad = try CLIRunner.run(plan + ["../west"], in: folder.url)
        #expect(bad.status == 1 && bad.stdout.isEmpty)
        #expect(bad.stderr.contains("tour name \"../west\" contains \"/\""), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("plan.json")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["m.csv", "t.sqlite"])
        let good = try CLIRunner.run(plan + ["west"], in: folder.url)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stderr.contains("note: saved the plan as tour west\n"))
        #expect(FileManager.default.fileExists(atPath: folder.path("plan.json")))
    }
}
