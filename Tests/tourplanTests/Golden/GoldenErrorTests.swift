import Foundation
import Testing

@Suite("Golden: the main error messages (stderr and exit status)")
struct GoldenErrorTests {
    static let db = ["--db", "demo/tourplan.sqlite"]

    static let cases: [GoldenCase] = [
        GoldenCase(
            "error-missing-store", inputs: [], ["members", "--db", "/nope/x.sqlite"],
            ["rank", "--db", "/nope/x.sqlite"]),
        GoldenCase("error-missing-default-store", inputs: [], ["members"]),
        GoldenCase(
            "error-csv-bad-date", inputs: [.goldenFixture("bad-date.csv")],
            ["import", "bad-date.csv", "--db", "t.sqlite"]),
        GoldenCase(
            "error-xml-not-well-formed", inputs: [.importerFixture("malformed.xml")],
            ["import", "malformed.xml", "--db", "t.sqlite"]),
        GoldenCase("error-base-unresolved", inputs: [.demo], ["rank", "--base", "Atlantis, ZZ"] + db),
        GoldenCase(
            "error-tour-base-unresolved", inputs: [.demo],
            ["tour", "plan", "--base", "Atlantis, ZZ", "--from", "2014-06-07", "--to", "2014-08-31", "--out", "p.json"]
                + db),
        GoldenCase(
            "error-unknown-format", inputs: [.demo], ["members", "--format", "yaml"] + db,
            ["budget", "demo/budget.md", "--format", "yaml"]),
        GoldenCase(
            "error-budget-bad-currency", inputs: [.goldenFixture("bad-currency.toml")],
            ["budget", "bad-currency.toml"]),
        GoldenCase(
            "error-plan-wrong-version", inputs: [.demo, .goldenFixture("plan-v99.json")],
            ["itinerary", "--plan", "plan-v99.json"] + db),
        GoldenCase(
            "error-output-is-input", inputs: [.demo],
            ["itinerary", "--plan", "demo/plan.json", "--out", "demo/plan.json"] + db,
            [
                "tour", "plan", "--base", "New York, NY", "--from", "2014-06-07", "--to", "2014-08-31", "--out",
                "demo/tourplan.sqlite",
            ] + db),
        GoldenCase("error-unknown-command", inputs: [], ["no-such-command"]),
    ]

    @Test("error", arguments: cases)
    func error(_ golden: GoldenCase) throws {
        try golden.check()
    }
}
