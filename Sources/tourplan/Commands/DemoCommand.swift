import ArgumentParser
import BudgetTemplates
import Foundation
import TourPlanner

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on the bundled sample data.",
        discussion: """
            Import the bundled, fictional sample export → resolve places → rank metros → plan the 2014 East Coast tour
            from New York (Baltimore, Boston with Cambridge, Philadelphia, Washington DC) over summer 2014 weekends, by
            the default day rules with Friday evenings allowed as travel days →
            budget it with Budgets/east-coast-2014.toml → schedule the reminder calls and texts → write every
            result into DIR. Runs offline; the database is DIR/tourplan.sqlite (use it with --db for any command).
            """)

    @Option(help: "Folder for the demo's database and files.") var out = "demo-output"

    static let volunteersCSV = """
        name,phone,time_zone,languages,max_calls_per_day
        Rosa Demo,+1 212 555 0100,America/New_York,"English,Spanish",40
        Sam Demo,+1 212 555 0101,America/New_York,English,40

        """

    static let sampleFileName = "sample-members.csv"

    /// The demo replaces DIR/tourplan.sqlite: only when it is missing or an earlier demo's store,
    /// never a store with other imports (`demo --out .` next to a real tourplan.sqlite).
    static func checkReplaceable(_ databasePath: String) throws {
        guard FileManager.default.fileExists(atPath: databasePath) else { return }
        guard let imports = TourDatabase.importedFileNames(atPath: databasePath) else {
            throw CLIError(
                "\(databasePath) exists and is not a demo store; the demo would replace it",
                hint: "choose another --out folder (the demo writes its own tourplan.sqlite there)")
        }
        let others = imports.filter { $0 != sampleFileName }
        if !others.isEmpty {
            throw CLIError(
                "\(databasePath) holds your imports (\(others.joined(separator: ", "))); the demo would replace it",
                hint: "choose another --out folder (the demo writes its own tourplan.sqlite there)")
        }
    }

    func run() async throws {
        let started = Date()
        guard let sample = SampleData.exportPath(.csv) else {
            throw CLIError("the bundled sample export is missing from this build", hint: "rebuild with `swift build`")
        }
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw CLIError(
                "\(out): cannot create the folder (\(error.localizedDescription))", hint: "choose another --out folder")
        }
        func path(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        let databasePath = path("tourplan.sqlite")
        try Self.checkReplaceable(databasePath)
        for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: databasePath + suffix) }
        let store = try TourDatabase.openOrCreate(path: databasePath)
        var written: [(String, String)] = [("database", databasePath)]

        // 1. Import and resolve.
        let report = try await (try MemberImporter.makeDefault()).importFile(
            path: sample, displayName: Self.sampleFileName, into: store,
            now: Date(timeIntervalSince1970: 1_401_615_000))
        let context = try RankingContext.make(
            store: store, radiusKm: MetroClustering.defaultRadiusKm,
            resolver: try PlaceOptions.makeResolver(aliasPath: nil))
        let summary = try store.memberSummary()
        let unresolved = try store.unresolvedMembers()

        // 2. Rank.
        let ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: try store.chapterLocations(),
            base: try context.resolveBase("New York, NY").point, weights: RankingWeights(),
            chapterModel: try ChapterSettingsLoader.parameters(settings: MarkerSettings.loadBundled(), store: store),
            uncontactable: try store.uncontactableUnaffiliated())
        try RankRenderer.csv(ranking).write(
            toFile: path("ranking.csv"), atomically: true, encoding: .utf8)
        written.append(("ranking", path("ranking.csv")))

        // 3. Plan the 2014 East Coast tour.
        let teams = try TourInputs.teams(base: "New York, NY", file: nil, context: context)
        let candidates = try TourInputs.candidates(
            store: store, context: context, names: ["Baltimore", "Boston", "Philadelphia", "Washington"], top: nil,
            excluding: teams)
        // The default day rules, plus Friday evening as a travel day, choosing the most valuable
        // stops that fit: with the drive model's 4.3–5.1 h from New York, a day cannot hold the
        // drive and an 8 h training within 12 h, so the team drives up on Friday evening; a stop
        // that still does not fit is listed as not visited, with the rule it breaks.
        let request = TourRequest(
            teams: teams, candidates: candidates, from: CalendarDate(year: 2014, month: 6, day: 7),
            to: CalendarDate(year: 2014, month: 8, day: 31), dayRules: DayRules(travelDays: [5]),
            objective: .maximizeValue)
        let plan = try TourScheduler().plan(request)
        try (try JSONOutput.encode(plan) + "\n").write(toFile: path("plan.json"), atomically: true, encoding: .utf8)
        written.append(("plan", path("plan.json")))

        // 4. Budget.
        guard let templateURL = BudgetTemplates.url(of: "east-coast-2014"),
            let templateText = try? String(contentsOf: templateURL, encoding: .utf8)
        else {
            throw CLIError("the bundled budget template is missing from this build", hint: "rebuild with `swift build`")
        }
        let template = try BudgetTemplate.parse(templateText, fileName: "east-coast-2014.toml")
        let budget = BudgetCalculator.report(template: template, plan: plan)
        try (BudgetRenderer.render(budget, variance: nil, format: .md) + "\n").write(
            toFile: path("budget.md"), atomically: true, encoding: .utf8)
        written.append(("budget", path("budget.md")))

        // 5. Itinerary.
        let itinerary = try Itinerary.make(
            plan: plan, units: .mi, budgetTotal: budget.total, title: "East Coast chapter-building tour, summer 2014")
        try itinerary.html(plan: plan, map: RouteMap.loadBundled()).write(
            toFile: path("itinerary.html"), atomically: true, encoding: .utf8)
        try itinerary.ics().write(toFile: path("itinerary.ics"), atomically: true, encoding: .utf8)
        try Itinerary.geoJSON(plan: plan).write(toFile: path("itinerary.geojson"), atomically: true, encoding: .utf8)
        written += [
            ("itinerary (HTML with map)", path("itinerary.html")), ("calendar", path("itinerary.ics")),
            ("map data", path("itinerary.geojson")),
        ]

        // 6. Reminders, as if scheduled on Sunday 2014-06-01 at 09:00 in New York.
        let rules = try ReminderRules.loadBundled()
        let now = Date(timeIntervalSince1970: 1_401_627_600)
        try store.saveEvents(OutreachEvent.make(from: plan, start: rules.defaultEventStart))
        try store.saveVolunteers(try VolunteerFile.parse(Self.volunteersCSV, fileName: "demo volunteers"))
        let events = try store.events()
        let scheduled = ReminderScheduler(rules: rules).schedule(
            events: try events.map { ($0, try store.invitees(near: $0)) }, volunteers: try store.volunteers(),
            existing: [:], now: now)
        try store.saveTasks(scheduled.tasks)
        let firstVolunteer = "Rosa Demo"
        let firstDay =
            scheduled.tasks.filter { $0.volunteer == firstVolunteer && $0.status == .pending }.map(\.windowStart).min()
            .flatMap { LocalClock.localDate($0, zone: "America/New_York") }
            ?? CalendarDate(year: 2014, month: 6, day: 1)
        let sheet = try CallSheetLoader.load(store: store, volunteerName: firstVolunteer, date: firstDay, rules: rules)
        try SecureFile.write(sheet.html(), to: path("calls-\(firstDay).html"))
        try SecureFile.write(sheet.csv(), to: path("calls-\(firstDay).csv"))
        written += [
            ("call sheet (HTML)", path("calls-\(firstDay).html")), ("call sheet (CSV)", path("calls-\(firstDay).csv")),
        ]

        // Summary.
        print("TourPlanner demo on the bundled, fictional 2014 sample")
        print(
            "  members: \(summary.total) imported (\(summary.unaffiliated) not in a chapter, \(summary.chapters) chapters); \(report.warnings) import warnings"
        )
        print(
            "  places: \(unresolved.count) members left unresolved (see `tourplan members --unresolved --db \(databasePath)`)"
        )
        print(
            "  top metros: " + ranking.metros.prefix(5).map { "\($0.metro) \($0.unaffiliated)" }.joined(separator: ", ")
        )
        print(
            "  tour: \(plan.trips.count) weekend trips, \(plan.totals.trainings) trainings, \(Int(plan.totals.km.rounded())) km and \(plan.totals.nightsAway) nights"
                + " (one round trip per city: \(Int(plan.naive.km.rounded())) km, \(plan.naive.nightsAway) nights)")
        print(
            "  budget: \(budget.total.formatted); per diem \(budget.perDiemPerTrainer.formatted) per trainer; still to raise \(budget.funding.gap.formatted)"
        )
        print(
            "  outreach: \(scheduled.tasks.count) calls and texts for \(events.count) events; \(sheet.rows.count) on \(firstVolunteer)'s sheet for \(firstDay)"
        )
        print("\nFiles:")
        for (label, file) in written { print("  \(label.padding(toLength: 26, withPad: " ", startingAt: 0)) \(file)") }
        print(String(format: "\nDone in %.1f s.", Date().timeIntervalSince(started)))
    }
}
