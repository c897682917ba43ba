/// What `Planner.itinerary(_:)` lays out: a plan file, and how to show it.
public struct ItineraryQuery: Sendable, Hashable {
    /// PLAN.json from `tourplan tour plan`.
    package var planPath: String
    /// Distances in km or mi; nil: the budget template's units, else km.
    package var units: Itinerary.Units?
    /// A budget template whose total the summary shows.
    package var budgetPath: String?
    /// The itinerary's title.
    package var title: String

    /// A query for the plan at `planPath`.
    public init(
        planPath: String, units: Itinerary.Units? = nil, budgetPath: String? = nil,
        title: String = "Chapter-building tour"
    ) {
        self.planPath = planPath
        self.units = units
        self.budgetPath = budgetPath
        self.title = title
    }
}
