/// `Planner.writeBudgetTemplate(_:)`: where to write a starter budget template, and from what.
public struct BudgetInitQuery: Sendable, Hashable {
    /// The template to write (.toml).
    package var out: String
    /// A plan whose counts to copy into `[counts]`.
    package var planPath: String?
    /// The report title (default: the file name without .toml).
    package var name: String?
    /// The budget's currency.
    package var currency: CurrencyCode
    /// Whether to overwrite an existing `out`.
    package var overwrite: Bool

    /// A query writing `out`.
    public init(
        out: String, planPath: String? = nil, name: String? = nil, currency: CurrencyCode = .usd,
        overwrite: Bool = false
    ) {
        self.out = out
        self.planPath = planPath
        self.name = name
        self.currency = currency
        self.overwrite = overwrite
    }
}
