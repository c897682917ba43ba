import TourPlanner

/// Country lookups used by several commands (the bundled country table).
enum Lookups {
    static let countries: CountryTable? = try? CountryTable.loadBundled()
    static let continent: @Sendable (String) -> String? = { countries?.continent(for: $0) }
}
