import ArgumentParser
import Foundation
import Testing

@testable import TourPlanner
@testable import tourplan

@Suite("Every CSV the tool writes is safe and round-trips")
struct ExportsCLITests {
    /// Members whose names, places and chapters are formulas, with a TAB and a CR inside cells.
    static let hostileMembers = """
        id,first_name,last_name,phone,city,region,country,chapter
        1,=1+1,@SUM(A1),617-555-0152,=1+1,MA,US,@SUM(A1)
        2,+cmd,-2+3,617-555-0153,"Tab\there",MA,US,-2+3
        3,Mary Ann,Smith,617-555-0154,Boston,MA,US,"+cmd"
        4,Ada,"CR\rinside",617-555-0155,Boston,MA,US,

        """
    /// Cells that must come back from a real parser exactly so (the guard is one leading ').
    static let expectedCells: Set<String> = ["'=1+1", "'@SUM(A1)", "'-2+3", "'+cmd", "Tab\there"]

    /// The cells that could be evaluated: they start (after spaces) with one of = + - @ TAB CR LF
    /// NUL, and are neither a plain number nor an E.164 phone number.
    static func unsafeCells(_ rows: [[String]]) -> [String] {
        rows.flatMap { $0 }.filter { cell in
            guard let first = cell.unicodeScalars.first(where: { $0 != " " }),
                "=+-@\t\r\n\u{0}".unicodeScalars.contains(first)
            else {
                return false
            }
            return !SpreadsheetSafety.isPlainNumber(cell) && !SpreadsheetSafety.isE164(cell)
        }
    }

    /// A store with the hostile members, one event, one volunteer, a call and a text.
    static func hostileStore(_ folder: ScratchFolder) throws -> String {
        let db = folder.path("hostile.sqlite")
        _ = try folder.write("=1+1.csv", hostileMembers)
        let imported = try CLIRunner.run(["import", "=1+1.csv", "--db", db, "--format", "csv"], in: folder.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let store = try TourDatabase.openExisting(path: db)
        try store.saveEvents([
            OutreachEvent(
                id: "e1", metro: "Boston", cities: ["Boston"], date: CalendarDate(year: 2014, month: 6, day: 7),
                start: LocalTime(hour: 10, minute: 0), timeZone: "America/New_York", latitude: 42.36,
                longitude: -71.06, venue: "=HYPERLINK(\"http://x\")", organizer: "@Kim")
        ])
        try store.saveVolunteers(
            try VolunteerFile.parse(
                "name,phone,time_zone,languages,max_calls_per_day\nRosa,+1 212 555 0100,America/New_York,English,40\n",
                fileName: "volunteers.csv"))
        // 2014-06-05 18:00 and 2014-06-07 09:00 in New York.
        let call = Date(timeIntervalSince1970: 1_401_991_200)
        let text = Date(timeIntervalSince1970: 1_402_146_000)
        var tasks: [ReminderTask] = []
        for member in ["1", "2", "3", "4"] {
            for (kind, start) in [(ReminderKind.followUpCall, call), (.reminderText, text)] {
                tasks.append(
                    ReminderTask(
                        memberId: MemberID(member), kind: kind, eventId: "e1", eventStart: text, windowStart: start,
                        windowEnd: start.addingTimeInterval(3600), timeZone: "America/New_York", volunteer: "Rosa",
                        status: .pending, attempt: 0, note: nil))
            }
        }
        try store.saveTasks(tasks)
        return db
    }

    @Test("every --format csv command: Python's csv reads it, no cell can be evaluated, hostile text survives")
    func everyCSVCommand() throws {
        try #require(CSVCheck.isAvailable, "python3 is needed for this test")
        // Given a store of hostile members, and a budget template with a hostile line
        let folder = try ScratchFolder()
        let db = try Self.hostileStore(folder)
        let budgets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Budgets")
        let template = budgets.appendingPathComponent("east-coast-2014.toml").path
        // When we run every command that writes CSV
        let commands: [(command: String, name: String, arguments: [String])] = [
            ("import", "import report", ["import", "=1+1.csv", "--db", db, "--format", "csv"]),
            ("members", "members", ["members", "--db", db, "--format", "csv"]),
            ("members", "members --by city", ["members", "--db", db, "--by", "city", "--format", "csv"]),
            ("members", "members --by metro", ["members", "--db", db, "--by", "metro", "--format", "csv"]),
            ("members", "members --unresolved", ["members", "--db", db, "--unresolved", "--format", "csv"]),
            ("rank", "rank", ["rank", "--db", db, "--format", "csv"]),
            ("markers", "markers", ["markers", "--db", db, "--format", "csv"]),
            ("cities resolve", "cities resolve", ["cities", "resolve", "=1+1", "--format", "csv"]),
            (
                "tour plan", "tour plan",
                [
                    "tour", "plan", "--db", db, "--base", "New York, NY", "--stops", "Boston", "--from", "2014-06-07",
                    "--to", "2014-06-30", "--out", "plan.json", "--format", "csv", "--save", "east",
                ]
            ),
            ("tour list", "tour list", ["tour", "list", "--db", db, "--format", "csv"]),
            ("budget report", "budget", ["budget", template, "--format", "csv"]),
            (
                "budget actuals list", "budget actuals list",
                ["budget", "actuals", "list", "--db", db, "--format", "csv"]
            ),
            ("trainings list", "trainings list", ["trainings", "list", "--db", db, "--format", "csv"]),
            ("budget report", "budget --compare", ["budget", template, "--compare", "--format", "csv"]),
            (
                "calls list", "calls list",
                ["calls", "list", "--db", db, "--volunteer", "Rosa", "--date", "2014-06-05", "--format", "csv"]
            ),
            ("texts list", "texts list", ["texts", "list", "--db", db, "--date", "2014-06-07", "--format", "csv"]),
            (
                "texts list", "texts list spoke",
                ["texts", "list", "--db", db, "--date", "2014-06-07", "--format", "spoke"]
            ),
        ]
        // Every command whose --format offers csv is run here (a new one must be added to the list).
        #expect(Set(commands.map(\.command)) == Self.commandsWritingCSV())
        // An expense whose note is a formula, so `budget actuals list` has a record to guard.
        let expenses = try folder.write(
            "expenses.csv", "date,category,amount,currency,note,receipt\n2014-06-07,fuel,10.00,USD,=1+1,R-1\n")
        let added = try CLIRunner.run(
            ["budget", "actuals", "add", expenses, "--tour", "east", "--currency", "USD", "--db", db])
        #expect(added.status == 0, "\(added.stderr)")
        let training = try CLIRunner.run([
            "trainings", "log", "--db", db, "--metro", "=1+1", "--date", "2014-06-07", "--attended", "6", "--women",
            "3", "--invited", "10", "--note", "@SUM(A1)",
        ])
        #expect(training.status == 0, "\(training.stderr)")
        var seen: Set<String> = []
        for (_, name, arguments) in commands {
            let result = try CLIRunner.run(arguments, in: folder.url)
            // "=1+1" is no place: `cities resolve` refuses it (exit 1) and still writes its CSV record.
            #expect(result.status == (name == "cities resolve" ? 1 : 0), "\(name): \(result.stderr)")
            // Then a real parser reads it, every record as wide as the header
            let rows = try CSVCheck.records(result.stdout, folder: folder, name: "\(name).csv")
            #expect(rows.count >= 2, "\(name): \(result.stdout)")
            // and no cell can be evaluated
            #expect(Self.unsafeCells(rows).isEmpty, "\(name): \(Self.unsafeCells(rows))")
            seen.formUnion(rows.flatMap { $0 }.filter(Self.expectedCells.contains))
            if name == "members" {
                // the raw city "=1+1" and chapters "@SUM(A1)", "-2+3", "+cmd" come back with one '
                #expect(
                    rows.contains(["city", "'=1+1", "1", "0"]) && rows.contains(["chapter", "'@SUM(A1)", "1", "0"]))
                #expect(rows.contains(["city", "Tab\there", "1", "0"]))
            }
            if name == "texts list spoke" {
                let mary = try #require(rows.first { $0.first == "Mary Ann" })
                #expect(Array(mary.prefix(5)) == ["Mary Ann", "Smith", "+16175550154", "", "3"])
                #expect(rows.contains { $0.first == "'=1+1" && $0[1] == "'@SUM(A1)" && $0[2] == "+16175550152" })
                #expect(rows.contains { $0.first == "Ada" && $0[1] == "CR\rinside" })
            }
            if name == "import report" {
                #expect(rows[1].first == "'=1+1.csv")
            }
        }
        #expect(seen == Self.expectedCells)
    }

    /// Every subcommand path whose `--format` offers csv (from the commands' own help).
    static func commandsWritingCSV() -> Set<String> {
        var found: Set<String> = []
        func walk(_ command: any ParsableCommand.Type, path: [String]) {
            let subcommands = command.configuration.subcommands
            // A command with subcommands may run itself too (`members` and `members consent`).
            if !path.isEmpty {
                let help = TourplanCommand.helpMessage(for: command, columns: 1000)
                let formatLines = help.components(separatedBy: "\n").filter { $0.contains("--format") }
                if formatLines.contains(where: { $0.contains("csv") }) { found.insert(path.joined(separator: " ")) }
            }
            for subcommand in subcommands {
                walk(subcommand, path: path + [subcommand._commandName])
            }
        }
        walk(TourplanCommand.self, path: [])
        return found
    }

    @Test("texts list shows each name once: \"Mary Ann Smith\", not \"Mary Ann Ann Smith\"")
    func textsTableNames() throws {
        let folder = try ScratchFolder()
        let db = try Self.hostileStore(folder)
        let result = try CLIRunner.run(["texts", "list", "--db", db, "--date", "2014-06-07"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  Mary Ann Smith  +16175550154\n"))
        #expect(!result.stdout.contains("Ann Ann"))
    }

    /// The comma joins that are not CSV output: file, the joined expression, and why.
    static let allowedJoins: [(file: String, expression: String, reason: String)] = [
        ("TourPlannerDomain/Rendering/CSVWriter.swift", "zip(cells, kinds)", "the one CSV writer"),
        (
            "TourPlannerStore/TourDatabase+Reminders.swift", "volunteer.languages.joined",
            "a volunteer's languages in one column"
        ),
        ("TourPlannerStore/TourDatabase+Migrations.swift", "columns.split", "an SQL column list"),
        (
            "TourPlannerStore/EncodedMemberRows.swift", "languages.count == 1 ? languages[0] : languages.joined",
            "a member's languages in one column"
        ),
        ("TourPlannerDomain/Itinerary/Itinerary+GeoJSON.swift", "stop.cities.map(string)", "a JSON array"),
        ("TourPlannerDomain/Cities/CityResolver.swift", "parts.dropFirst()", "the rest of a place name"),
        ("TourPlanner/Import/XMLMemberReader.swift", "languages.joined", "the XML reader's languages list"),
        ("TourPlannerDomain/Reminders/OutcomeFile.swift", "header.joined", "an error message quoting the header"),
        ("TourPlannerDomain/Routing/DayRules.swift", "weekdayNames[", "weekday names in a message (\"fri,sat\")"),
        (
            "TourPlannerDomain/Routing/PlannerSettings.swift", "}.joined(separator: \",\")",
            "a list in a settings message"
        ),
    ]

    @Test("no CSV is written by hand: only CSVWriter joins cells with commas")
    func oneWriter() throws {
        // Given every Swift source file
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted()
        #expect(files.count > 50)
        // When we look for hand-made CSV: comma joins and the old writers
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let handMade =
                    line.contains("joined(separator: \",\")") || line.contains("CSVText")
                    || line.contains("csvLine(")
                let allowed = Self.allowedJoins.contains { $0.file == file && line.contains($0.expression) }
                if handMade && !allowed {
                    offenders.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        // Then there is none outside the allow-list
        #expect(offenders.isEmpty, "write CSV with CSVWriter: \(offenders)")
    }
}
