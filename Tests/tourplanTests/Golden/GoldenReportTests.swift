import Foundation
import Testing

@Suite("Golden: reports (budget, rank, import, members, markers, tour plan, reminders)")
struct GoldenReportTests {
    static let db = ["--db", "demo/tourplan.sqlite"]

    static let cases: [GoldenCase] = [
        GoldenCase(
            "budget-template", inputs: [.demo, .budget("east-coast-2014.toml")],
            ["budget", "east-coast-2014.toml"] + db),
        GoldenCase(
            "budget-plan", inputs: [.demo, .budget("east-coast-2014.toml")],
            ["budget", "east-coast-2014.toml", "--plan", "demo/plan.json"] + db),
        GoldenCase(
            "budget-compare", inputs: [.demo, .budget("east-coast-2014.toml")],
            ["budget", "east-coast-2014.toml", "--plan", "demo/plan.json", "--compare"] + db),
        GoldenCase(
            "budget-template-compare", inputs: [.demo, .budget("east-coast-2014.toml")],
            ["budget", "east-coast-2014.toml", "--compare"] + db),
        GoldenCase("rank-table", inputs: [.demo], ["rank"] + db),
        GoldenCase("rank-base-table", inputs: [.demo], ["rank", "--base", "New York, NY"] + db),
        GoldenCase("rank-csv", inputs: [.demo], ["rank", "--format", "csv"] + db),
        GoldenCase(
            "import-warnings", inputs: [.goldenFixture("import-warnings.csv")],
            ["import", "import-warnings.csv", "--max-errors", "5", "--db", "t.sqlite"],
            ["members", "--unresolved", "--db", "t.sqlite"], ["members", "--by", "metro", "--db", "t.sqlite"]),
        GoldenCase(
            "import-bad-rows-refused", inputs: [.importerFixture("members-bad-rows.csv")],
            ["import", "members-bad-rows.csv", "--db", "t.sqlite"]),
        GoldenCase(
            "import-bad-rows-skipped", inputs: [.importerFixture("members-bad-rows.csv")],
            ["import", "members-bad-rows.csv", "--max-errors", "5", "--db", "t.sqlite"]),
        GoldenCase(
            "import-basic-xml", inputs: [.importerFixture("members-basic.xml")],
            ["import", "members-basic.xml", "--db", "t.sqlite"], ["members", "--db", "t.sqlite"]),
        GoldenCase("members", inputs: [.demo], ["members"] + db),
        GoldenCase("members-unresolved", inputs: [.demo], ["members", "--unresolved"] + db),
        GoldenCase("markers", inputs: [.demo], ["markers"] + db),
        GoldenCase("markers-forecast", inputs: [.demo], ["markers", "--forecast", "demo/plan.json"] + db),
        GoldenCase(
            "tour-plan", inputs: [.demo],
            [
                "tour", "plan", "--base", "New York, NY", "--stops", "Baltimore", "Boston", "Philadelphia",
                "Washington", "--from", "2014-06-07", "--to", "2014-08-31", "--travel-days", "fri", "--objective",
                "value", "--out", "plan.json",
            ] + db),
        GoldenCase(
            "itinerary-md", inputs: [.demo], ["itinerary", "--plan", "demo/plan.json", "--units", "mi"] + db),
        GoldenCase(
            "remind-calls-texts", inputs: [.demo],
            ["remind", "schedule", "--now", "2014-06-01T13:00:00Z"] + db,
            ["calls", "list", "--volunteer", "Rosa", "--date", "2014-06-01"] + db,
            ["calls", "log", "--task", "2014-06-07-philadelphia/1281/followUpCall", "--outcome", "rsvp-yes"] + db,
            ["remind", "schedule", "--texts-without-venue", "--now", "2014-06-01T13:00:00Z"] + db,
            ["texts", "list", "--date", "2014-06-07"] + db,
            ["texts", "list", "--date", "2014-06-07", "--format", "csv"] + db),
    ]

    @Test("report", arguments: cases)
    func report(_ golden: GoldenCase) throws {
        try golden.check()
    }
}
