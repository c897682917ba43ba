public import Foundation

/// `Planner.runDemo(_:)`: the folder the demo writes, the budget template it costs the tour with,
/// and where its demo accounts' one-time sign-in links point.
public struct DemoQuery: Sendable, Hashable {
    /// The folder for the demo's database and files (created when missing).
    package var out: String
    /// The text of the bundled Budgets/east-coast-2014.toml.
    package var budgetTemplateText: String
    /// The web app's address the demo accounts' sign-in links start with (`tourplan serve`'s default).
    package var baseURL: String
    /// When the demo accounts are made (their links are valid for 7 days from then).
    package var now: Date

    /// A demo writing into `out`, with sign-in links at `baseURL` made at `now`.
    public init(
        out: String, budgetTemplateText: String, baseURL: String = "http://127.0.0.1:8080", now: Date = Date()
    ) {
        self.out = out
        self.budgetTemplateText = budgetTemplateText
        self.baseURL = baseURL
        self.now = now
    }
}
