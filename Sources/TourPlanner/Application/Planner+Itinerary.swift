extension Planner {
    /// Lays a plan out day by day. With a budget template, its total is shown and its units are the
    /// default; with a store, venues and organizers come from its events (`tourplan events add`), and
    /// an event whose start differs from the plan's is a warning (the plan's time is used).
    ///
    /// - Throws: `PlannerError` for a missing file; `PlanFileError`, `BudgetError` for a bad one;
    ///   `RoutingError` for a plan without times (version 1).
    public func itinerary(_ query: ItineraryQuery) async throws -> ItineraryReport {
        let plan = try PlannerFiles.plan(query.planPath)
        return try itinerary(plan: plan, query: query)
    }

    /// The itinerary of a plan already loaded (a tour saved in the store, for the web app): the
    /// same as `itinerary(_:)` without reading `query.planPath`.
    ///
    /// - Throws: `PlannerError` for an unreadable budget template; `BudgetError` for a bad one.
    public func itinerary(plan: TourPlan, query: ItineraryQuery) throws -> ItineraryReport {
        var budgetTotal: Money?
        var templateUnits: Itinerary.Units?
        if let path = query.budgetPath {
            let text = try PlannerFiles.read(path, hint: "check the --budget path")
            let template = try BudgetTemplate.parse(text, fileName: path)
            budgetTotal = BudgetCalculator.report(template: template, plan: plan).total
            templateUnits = template.units == .miles ? .mi : .km
        }
        var details: [String: Itinerary.StopDetails] = [:]
        var warnings: [String] = []
        if let store {
            let events = try store.events()
            for event in events {
                details[event.metro] = Itinerary.StopDetails(venue: event.venue, organizer: event.organizer)
            }
            warnings = Itinerary.startConflicts(plan: plan, events: events)
        }
        // A plan file keeps no matrix: legs at the model's km are the model's, and warned about again.
        warnings += plan.openWaterWarnings(travel: TravelModel(), modelLegsOnly: true)
        let itinerary = try Itinerary.make(
            plan: plan, units: query.units ?? templateUnits ?? .km, details: details, budgetTotal: budgetTotal,
            title: query.title)
        return ItineraryReport(itinerary: itinerary, plan: plan, warnings: warnings)
    }
}
