public import Foundation

/// The bundled budget templates (Budgets/*.toml), so `tourplan demo` runs from any folder.
public enum BudgetTemplates {
    /// URL of a bundled template, e.g. `url(of: "east-coast-2014")`.
    public static func url(of name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "toml")
    }
}
