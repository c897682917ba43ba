import Foundation

extension Planner {
    /// The name the demo saves its tour under (plan and budget template), as `--save NAME` would.
    package static let demoTourName = "east-coast-2014"

    /// The whole pipeline on the bundled, fictional sample: import → resolve places → rank metros →
    /// plan the 2014 East Coast tour from New York → budget it → schedule the reminder calls and
    /// texts → create web app accounts (an organizer, a treasurer, one per volunteer) with
    /// one-time sign-in links → write every result into `query.out`. Runs offline; the planner's own store is not
    /// used: the demo makes `OUT/tourplan.sqlite`, replacing only an earlier demo's store.
    ///
    /// - Throws: `PlannerError` when the folder cannot be made or holds a store with other imports;
    ///   the stages' errors (none with the bundled data).
    public func runDemo(_ query: DemoQuery) async throws -> DemoReport {
        guard let sample = SampleData.exportPath(.csv) else {
            throw PlannerError(
                "the bundled sample export is missing from this build", hint: "rebuild with `swift build`")
        }
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: query.out, withIntermediateDirectories: true)
        } catch {
            throw PlannerError(
                "\(query.out): cannot create the folder (\(error.localizedDescription))",
                hint: "choose another --out folder")
        }
        func path(_ name: String) -> String { (query.out as NSString).appendingPathComponent(name) }
        let databasePath = path("tourplan.sqlite")
        try DemoData.checkReplaceable(databasePath)
        for suffix in ["", "-wal", "-shm"] where fileManager.fileExists(atPath: databasePath + suffix) {
            try fileManager.removeItem(atPath: databasePath + suffix)
        }
        let store = try TourDatabase.openOrCreate(path: databasePath)
        let demo = Planner(store: store, resources: resources)
        var files = [DemoReport.File(label: "database", path: databasePath)]

        // 1. Import and resolve.
        let imported = try await (try MemberImporter.makeDefault()).importFile(
            path: sample, displayName: DemoData.sampleFileName, into: store, now: DemoData.importedAt)
        let context = try demo.rankingContext(radiusKm: MetroClustering.defaultRadiusKm)
        let summary = try store.memberSummary()
        let unresolved = try store.unresolvedMembers()

        // 2. Rank.
        let ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: try store.chapterLocations(),
            base: try context.resolveBase("New York, NY").point, weights: RankingWeights(),
            chapterModel: resources.markers.chapterModel.fitted(to: try store.trainings()),
            uncontactable: try store.uncontactableUnaffiliated())
        try DemoData.write(DemoData.rankingCSV(ranking), to: path("ranking.csv"))
        files.append(.init(label: "ranking", path: path("ranking.csv")))

        // 3. Plan the 2014 East Coast tour: the default day rules plus Friday evening as a travel
        // day, choosing the most valuable stops that fit. With the drive model's 4.3–5.1 h from New
        // York a day cannot hold the drive and an 8 h training within 12 h, so the team drives up on
        // Friday evening; a stop that still does not fit is listed as not visited, with the rule it breaks.
        let plan = try await demo.planTour(
            TourQuery(
                base: "New York, NY", from: CalendarDate(year: 2014, month: 6, day: 7),
                to: CalendarDate(year: 2014, month: 8, day: 31),
                stops: ["Baltimore", "Boston", "Philadelphia", "Washington"],
                dayRuleFlags: DayRuleSettings(travelDays: "fri"), objective: .value, out: path("plan.json"))
        ).plan
        files.append(.init(label: "plan", path: path("plan.json")))

        // 4. Budget.
        let template = try BudgetTemplate.parse(query.budgetTemplateText, fileName: "east-coast-2014.toml")
        let budget = BudgetCalculator.report(template: template, plan: plan)
        try DemoData.write(try BudgetStatement(budget: budget).render(.markdown) + "\n", to: path("budget.md"))
        files.append(.init(label: "budget", path: path("budget.md")))
        // The plan and its template as saved tour east-coast-2014, as `tour plan --save` and
        // `budget TEMPLATE --save` keep them: the web app's /budget and /expenses show it.
        _ = try await demo.saveTourPlan(plan, name: Self.demoTourName, replacing: true)
        _ = try await demo.saveTourBudget(
            text: query.budgetTemplateText, file: "Budgets/east-coast-2014.toml", name: Self.demoTourName,
            replacing: true)

        // 5. Itinerary.
        let itinerary = try Itinerary.make(
            plan: plan, units: .mi, budgetTotal: budget.total, title: "East Coast chapter-building tour, summer 2014")
        try DemoData.write(try itinerary.html(plan: plan, map: RouteMap.loadBundled()), to: path("itinerary.html"))
        try DemoData.write(itinerary.ics(), to: path("itinerary.ics"))
        try DemoData.write(try Itinerary.geoJSON(plan: plan), to: path("itinerary.geojson"))
        files += [
            .init(label: "itinerary (HTML with map)", path: path("itinerary.html")),
            .init(label: "calendar", path: path("itinerary.ics")),
            .init(label: "map data", path: path("itinerary.geojson")),
        ]

        // 6. Reminders, as if scheduled on Sunday 2014-06-01 at 09:00 in New York.
        let rules = resources.reminderRules
        try store.saveEvents(OutreachEvent.make(from: plan, start: rules.defaultEventStart))
        try store.saveVolunteers(try VolunteerFile.parse(DemoData.volunteersCSV, fileName: "demo volunteers"))
        let events = try store.events()
        let scheduled = ReminderScheduler(rules: rules).schedule(
            events: try events.map { ($0, try store.invitees(near: $0)) }, volunteers: try store.volunteers(),
            existing: [:], now: DemoData.scheduledAt)
        try store.saveTasks(scheduled.tasks)
        let volunteer = "Rosa Demo"
        let firstDay =
            scheduled.tasks.filter { $0.volunteer == volunteer && $0.status == .pending }.map(\.windowStart).min()
            .flatMap { LocalClock.localDate($0, zone: "America/New_York") }
            ?? CalendarDate(year: 2014, month: 6, day: 1)
        let sheet = try DemoData.callSheet(
            store: store, volunteerName: volunteer, date: firstDay, rules: rules, phones: resources.phones)
        try DemoData.writePrivate(try sheet.html(), to: path("calls-\(firstDay).html"))
        try DemoData.writePrivate(sheet.csv(), to: path("calls-\(firstDay).csv"))
        files += [
            .init(label: "call sheet (HTML)", path: path("calls-\(firstDay).html")),
            .init(label: "call sheet (CSV)", path: path("calls-\(firstDay).csv")),
        ]

        // 7. Web app accounts, through the same code as `tourplan users add`.
        let accounts = try DemoData.addAccounts(
            links: WelcomeLinks(store: store, baseURL: query.baseURL), volunteers: try store.volunteers(),
            now: query.now)

        return DemoReport(
            databasePath: databasePath, summary: summary, importWarnings: imported.warnings,
            unresolved: unresolved.count,
            topMetros: ranking.metros.prefix(5).map { .init(metro: $0.metro, unaffiliated: $0.unaffiliated) },
            plan: plan, budget: budget, tasks: scheduled.tasks.count, events: events.count,
            sheetVolunteer: volunteer, sheetDate: firstDay, sheetRows: sheet.rows.count, files: files,
            accounts: accounts)
    }
}
