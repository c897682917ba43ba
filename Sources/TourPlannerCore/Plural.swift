/// Counts in words, singular for exactly one: "1 expense", "3 expenses", "1 trip", "0 errors".
package enum Plural {
    /// `n` and its noun: `singular` for 1, else `plural` (default: `singular` + "s").
    package static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? "1 \(singular)" : "\(n) \(plural ?? singular + "s")"
    }

    /// `singular` for 1, else `plural`: the verb agreeing with a count ("has" / "have").
    package static func verb(_ n: Int, _ singular: String, _ plural: String) -> String {
        n == 1 ? singular : plural
    }
}
