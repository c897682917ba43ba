import Foundation
import TourPlannerCore

extension BudgetTemplate {
    static let knownKeys: [String: Set<String>] = [
        "": [
            "name", "currency", "units", "contingency_percent", "trainers", "per_diem", "vehicle", "trip_costs",
            "lodging", "materials", "counts", "funding", "scenarios",
        ],
        "trainers": ["count"],
        "per_diem": [
            "mode", "hourly_wage", "wage_source", "hours_per_training_day", "hours_per_travel_day", "daily_mie",
            "first_last_day_share",
        ],
        "vehicle": [
            "kind", "rental_per_day", "fuel_efficiency_mpg", "fuel_l_per_100km", "fuel_price_per_gallon",
            "fuel_price_per_litre", "rate_per_mile", "rate_per_km",
        ],
        "trip_costs": ["tolls_per_trip", "parking_per_trip"],
        "lodging": ["per_night", "rooms", "hosted_nights"],
        "materials": ["per_training"],
        "counts": [
            "trainings", "travel_days", "nights", "distance_km", "distance_miles", "trips", "unaffiliated_reached",
        ],
        "funding": ["items"],
    ]

    /// Parses a template, applying `scenario` (a `[scenarios.NAME]` table) over the base.
    ///
    /// - Throws: `BudgetError` naming the file, line and key of anything wrong: unknown keys
    ///   (typos), negative rates, a missing or invalid currency, an unknown scenario.
    package static func parse(_ text: String, fileName: String, scenario: String? = nil) throws -> BudgetTemplate {
        var tree = try ConfigValue.parse(text, fileName: fileName)
        let scenarios = tree["scenarios"]?.tableValue ?? [:]
        tree["scenarios"] = nil
        let reader = Reader(text: text, fileName: fileName)
        try reader.checkKeys(tree, section: "")
        if let scenario {
            guard let override = scenarios[scenario]?.tableValue else {
                throw BudgetError(
                    file: fileName, line: nil, key: "--scenario \(scenario)",
                    problem: "is not a scenario of this template",
                    hint: scenarios.isEmpty
                        ? "the template defines no [scenarios.NAME] tables"
                        : "choose one of: \(scenarios.keys.sorted().joined(separator: ", "))")
            }
            try reader.checkKeys(override, section: "", scenario: scenario)
            tree = ConfigValue.merge(tree, override)
        }
        var template = try reader.template(from: tree)
        template.scenarioNames = scenarios.keys.sorted()
        if let scenario, let override = scenarios[scenario]?.tableValue {
            template.scenarioKeys = override.flatMap { key, value in
                (value.tableValue?.keys.map { "\(key).\($0)" }) ?? [key]
            }.sorted()
        }
        return template
    }

    /// Reads typed values out of the tree, with line-accurate errors.
    struct Reader {
        var text: String
        var fileName: String

        func line(of key: String, section: String) -> Int? {
            var currentSection = ""
            for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("[") {
                    currentSection = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                    if key.isEmpty && currentSection == section { return index + 1 }
                    continue
                }
                let name = line.split(separator: "=", maxSplits: 1).first?.trimmingCharacters(in: .whitespaces) ?? ""
                if name == key
                    && (section.isEmpty || currentSection == section || currentSection.hasSuffix("." + section))
                {
                    return index + 1
                }
            }
            for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            where raw.trimmingCharacters(in: .whitespaces).hasPrefix(key + " ")
                || raw.trimmingCharacters(in: .whitespaces).hasPrefix(key + "=")
            {
                return index + 1
            }
            return nil
        }

        func fail(_ section: String, _ key: String, _ problem: String, _ hint: String) -> BudgetError {
            BudgetError(
                file: fileName, line: line(of: key, section: section), key: section.isEmpty ? key : "\(section).\(key)",
                problem: problem, hint: hint)
        }

        func checkKeys(_ tree: [String: ConfigValue], section: String, scenario: String? = nil) throws {
            guard let known = BudgetTemplate.knownKeys[section] else { return }
            for (key, value) in tree {
                guard known.contains(key) else {
                    let near = known.min { a, b in
                        EditDistance.bounded(Array(a.utf8), Array(key.utf8), limit: 9)
                            < EditDistance.bounded(Array(b.utf8), Array(key.utf8), limit: 9)
                    }
                    throw fail(
                        section, key, "is not a budget key\(scenario.map { " (in scenario \($0))" } ?? "")",
                        near.map { "did you mean \($0)? See Budgets/README.md for every key" }
                            ?? "see Budgets/README.md")
                }
                if let inner = value.tableValue, BudgetTemplate.knownKeys[key] != nil, section.isEmpty {
                    try checkKeys(inner, section: key, scenario: scenario)
                }
            }
        }

        func decimal(
            _ tree: [String: ConfigValue], _ section: String, _ key: String, default fallback: Decimal? = nil,
            allowZero: Bool = true
        ) throws -> Decimal {
            let table = section.isEmpty ? tree : (tree[section]?.tableValue ?? [:])
            guard let value = table[key] else {
                if let fallback { return fallback }
                throw fail(section, key, "is missing", "add \(key) = <number> under [\(section)]")
            }
            guard case .number(let number) = value else {
                throw fail(
                    section, key, "must be a number (got \(value.displayText))",
                    "write a plain number, e.g. \(key) = 12.75")
            }
            if number < 0 || (!allowZero && number == 0) {
                throw fail(
                    section, key, "must not be \(number < 0 ? "negative" : "zero") (got \(number))",
                    "rates and counts are zero or more")
            }
            return number
        }

        func integer(_ tree: [String: ConfigValue], _ section: String, _ key: String, default fallback: Int) throws
            -> Int
        {
            let table = section.isEmpty ? tree : (tree[section]?.tableValue ?? [:])
            guard let value = table[key] else { return fallback }
            guard case .number(let number) = value, number >= 0,
                number == Decimal(NSDecimalNumber(decimal: number).intValue)
            else {
                throw fail(
                    section, key, "must be a whole number of 0 or more (got \(value.displayText))",
                    "write e.g. \(key) = 3")
            }
            return NSDecimalNumber(decimal: number).intValue
        }

        func string(_ tree: [String: ConfigValue], _ section: String, _ key: String) throws -> String? {
            let table = section.isEmpty ? tree : (tree[section]?.tableValue ?? [:])
            guard let value = table[key] else { return nil }
            guard case .string(let text) = value else {
                throw fail(section, key, "must be text in quotes (got \(value.displayText))", "write \(key) = \"…\"")
            }
            return text
        }

    }
}
