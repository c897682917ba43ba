/// `Planner.runDemo(_:)`: the folder the demo writes, and the budget template it costs the tour with.
public struct DemoQuery: Sendable, Hashable {
    /// The folder for the demo's database and files (created when missing).
    public var out: String
    /// The text of the bundled Budgets/east-coast-2014.toml.
    public var budgetTemplateText: String

    /// A demo writing into `out`.
    public init(out: String, budgetTemplateText: String) {
        self.out = out
        self.budgetTemplateText = budgetTemplateText
    }
}
