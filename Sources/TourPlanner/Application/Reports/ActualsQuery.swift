/// Which tour and currency recorded expenses belong to: a budget template (its currency, and the tour
/// named after its file), or an explicit tour and currency, plus exchange rates.
public struct ActualsTarget: Sendable, Hashable {
    /// The tour's budget template.
    package var budgetPath: String?
    /// The tour (default: the template's file name without .toml).
    package var tour: String?
    /// The budget's currency (ISO 4217) when no template is given; checked against it when both are.
    package var currency: String?
    /// `CODE=RATE` options: budget-currency units per unit paid.
    package var rates: [String]

    /// A target; give `budgetPath`, or `tour` and `currency`.
    public init(budgetPath: String? = nil, tour: String? = nil, currency: String? = nil, rates: [String] = []) {
        self.budgetPath = budgetPath
        self.tour = tour
        self.currency = currency
        self.rates = rates
    }
}

/// `Planner.recordActuals(_:)`: a treasurer's expenses file and where its rows go.
public struct RecordActualsQuery: Sendable, Hashable {
    /// The expenses CSV (date,category,trip,amount,currency,note,receipt[,rate]).
    package var file: String
    /// The tour, currency and rates.
    package var target: ActualsTarget

    /// A query recording `file` for `target`.
    public init(file: String, target: ActualsTarget) {
        self.file = file
        self.target = target
    }
}
