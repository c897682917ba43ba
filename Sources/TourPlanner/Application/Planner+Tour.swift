import Foundation

extension Planner {
    /// Plans dated trips to the chosen metros (named stops, or the `top` best-ranked reachable ones,
    /// the bases' own metros excluded), writes the plan to `query.out` and saves it in the store as
    /// tour `query.save`. A tour name that breaks the rule, or that has a saved plan already (unless
    /// `query.replacesSaved`), is refused first: nothing is planned or written.
    ///
    /// - Parameters:
    ///   - query: the bases, stops or `top`, dates, settings and output path.
    ///   - placesResolved: called with the places resolved from the query as soon as they
    ///     are known, before planning (a front end echoes them even when planning then fails).
    /// - Returns: the plan, the places resolved and the path it was written to.
    /// - Throws: `PlannerError` for an invalid tour name, a missing or unwritable file or no store;
    ///   `PlaceLookupError` for a place refused; `SettingsError`, `BudgetError`, `RoutingError` for bad
    ///   settings, rates, matrix or an infeasible request.
    public func planTour(
        _ query: TourQuery, placesResolved: ([ResolvedPlace]) -> Void = { _ in }
    ) async throws -> TourPlanReport {
        try planTourBlocking(query, placesResolved: placesResolved)
    }

    /// `planTour(_:placesResolved:)` on the calling thread: for a caller that runs it on a thread
    /// pool (the web app), so a plan that computes for seconds holds no cooperative thread.
    ///
    /// - Throws: the same errors as `planTour(_:placesResolved:)`.
    public func planTourBlocking(
        _ query: TourQuery, placesResolved: ([ResolvedPlace]) -> Void = { _ in }
    ) throws -> TourPlanReport {
        if let name = query.save { try checkTourSave(name: name, replacing: query.replacesSaved) }
        let rules = try dayRules(query)
        let store = try requireStore()
        let context = try rankingContext(radiusKm: query.radiusKm)
        let (teams, basePlaces) = try TourInputs.teamsAndPlaces(
            base: query.base, file: query.teamsPath, context: context, rules: rules)
        var (candidates, stopPlaces) = try TourInputs.candidatesAndPlaces(
            store: store, context: context, names: query.stops, top: query.stops.isEmpty ? (query.top ?? 5) : nil,
            excluding: teams)
        let resolved = basePlaces + stopPlaces
        placesResolved(resolved)
        var travel = TravelModel(trafficMarginFraction: query.trafficMargin)
        if let matrix = query.matrixPath {
            let text = try PlannerFiles.read(matrix, hint: "check the --matrix path")
            travel.matrix = try TravelModel.parseMatrix(text, fileName: matrix)
        }
        var request = TourRequest(
            teams: teams, candidates: candidates, from: query.from, to: query.to, weekdays: query.weekdays,
            blackoutDates: query.blackoutDates, dayRules: rules, maxTrainings: query.maxTrainings, budget: query.budget,
            costPerKm: query.costPerKm, objective: query.objective == .all ? .visitAll : .maximizeValue,
            travel: travel, seed: query.seed)
        var skipped: [SkippedStop] = []
        if query.stops.isEmpty {
            (candidates, skipped) = TourScheduler.topReachable(candidates, count: query.top ?? 5, request: request)
        }
        request.candidates = candidates
        var remoteCost = 0.0
        if let rates = query.ratesPath {
            let text = try PlannerFiles.read(
                rates, hint: "check the --rates path (a budget template, e.g. Budgets/east-coast-2014.toml)")
            let template = try BudgetTemplate.parse(text, fileName: rates)
            request.costModel = BudgetCalculator.costModel(for: template)
            remoteCost = NSDecimalNumber(decimal: template.materialsPerTraining).doubleValue
        }
        var plan: TourPlan
        if query.objective == .chapters {
            let chances = try TourChapters.chances(
                for: candidates, store: store, context: context, settings: resources.markers)
            plan = try ChapterTourPlanner(remoteCost: remoteCost).plan(request, chances: chances).plan
        } else {
            plan = try TourScheduler().plan(request)
        }
        plan.skipped = skipped
        if let out = query.out {
            try PlannerFiles.write(
                try JSONOutput.encode(plan) + "\n", to: out, detailed: true, hint: "check the --out path")
        }
        // A named stop with no unaffiliated member: its training would reach no one new.
        let empty = plan.trips.flatMap(\.stops).filter { $0.value == 0 }.map {
            "\($0.metro) has no unaffiliated members in the store: its training reaches no one new;"
                + " leave it out of --stops, or check the members' import"
        }
        var report = TourPlanReport(
            plan: plan, resolved: resolved, out: query.out,
            warnings: empty + plan.openWaterWarnings(travel: request.travel))
        if let name = query.save {
            let replaced = try store.saveTourPlan(plan, name: name, replacing: query.replacesSaved)
            report.saved = TourSavedReport(name: name, part: .plan, replaced: replaced)
        }
        return report
    }

    /// The default day rules, then the settings file, then the flags.
    func dayRules(_ query: TourQuery) throws -> DayRules {
        var rules = DayRules()
        if let settings = query.settingsPath {
            let text = try PlannerFiles.read(settings, hint: "check the --settings path")
            rules = try PlannerSettings.rules(text, fileName: settings)
        }
        return try query.dayRuleFlags.applied(to: rules, file: "command line", name: \.flagName)
    }
}
