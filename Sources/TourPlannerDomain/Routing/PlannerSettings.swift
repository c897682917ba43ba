import Foundation

/// The planner settings file (TOML) that `tourplan tour plan --settings FILE` reads: the
/// trainers' day in a `[day]` table. Every key is optional; README "Planner settings" lists them.
///
/// ```toml
/// [day]
/// training_hours = 8
/// training_start = "09:00-13:00"   # or a fixed "10:00"
/// earliest_departure = "07:00"
/// latest_arrival = "22:00"
/// max_drive_hours = 6
/// max_working_hours = 12
/// travel_days = ["fri"]            # or "fri"; [] for none
/// travel_day_departure = "17:00"
/// ```
package enum PlannerSettings {
    /// The day-rule settings in the file.
    ///
    /// - Throws: `SettingsError` naming the file, line and key of an unknown table or key or a
    ///   value of the wrong kind, or `BudgetError` for a TOML syntax error (with its line).
    package static func parse(_ text: String, fileName: String) throws -> DayRuleSettings {
        let document = try ConfigValue.parse(text, fileName: fileName)
        var settings = DayRuleSettings()
        for key in document.keys.sorted() where key != "day" {
            throw SettingsError(
                file: fileName, line: line(of: key, in: text, heading: true), key: key, problem: "is not a setting",
                hint: "put the day rules in a [day] table (README \"Planner settings\")")
        }
        guard let value = document["day"] else { return settings }
        guard case .table(let day) = value else {
            throw SettingsError(
                file: fileName, line: line(of: "day", in: text), key: "day", problem: "must be a table",
                hint: "write [day] on a line of its own, then its keys")
        }
        let keys = Dictionary(uniqueKeysWithValues: DayRuleSettings.Key.allCases.map { ($0.settingsName, $0) })
        for (name, value) in day.sorted(by: { $0.key < $1.key }) {
            let at = line(of: name, in: text)
            guard let key = keys[name] else {
                throw SettingsError(
                    file: fileName, line: at, key: "day.\(name)", problem: "is not a day-rule setting",
                    hint: "use one of " + DayRuleSettings.Key.allCases.map(\.settingsName).joined(separator: ", "))
            }
            func wrong(_ kind: String) -> SettingsError {
                SettingsError(
                    file: fileName, line: at, key: "day.\(name)", problem: "is \(value.displayText), not \(kind)",
                    hint: "see README \"Planner settings\" for an example")
            }
            switch key {
            case .trainingHours, .maxDriveHours, .maxWorkingHours:
                guard case .number(let number) = value else { throw wrong("a number of hours") }
                let hours = NSDecimalNumber(decimal: number).doubleValue
                switch key {
                case .trainingHours: settings.trainingHours = hours
                case .maxDriveHours: settings.maxDriveHours = hours
                default: settings.maxWorkingHours = hours
                }
            case .travelDays:
                switch value {
                case .string(let text): settings.travelDays = text
                case .array(let items):
                    settings.travelDays = try items.map { item in
                        guard case .string(let text) = item else { throw wrong("a list of weekday names") }
                        return text
                    }.joined(separator: ",")
                default: throw wrong("a list of weekday names")
                }
            case .trainingStart, .earliestDeparture, .latestArrival, .travelDayDeparture:
                guard case .string(let text) = value else { throw wrong("a quoted time \"HH:MM\"") }
                switch key {
                case .trainingStart: settings.trainingStart = text
                case .earliestDeparture: settings.earliestDeparture = text
                case .latestArrival: settings.latestArrival = text
                default: settings.travelDayDeparture = text
                }
            }
        }
        return settings
    }

    /// The day rules of a settings file's text over `rules`.
    ///
    /// - Throws: `SettingsError` as `parse(_:fileName:)` and `DayRuleSettings.applied(to:file:name:line:)` do.
    package static func rules(_ text: String, fileName: String, over rules: DayRules = DayRules()) throws -> DayRules {
        try parse(text, fileName: fileName).applied(
            to: rules, file: fileName, name: { "day.\($0.settingsName)" },
            line: { line(of: $0.settingsName, in: text) })
    }

    /// The 1-based line where `key` is assigned (`key =`), or where a `[key]` heading is.
    static func line(of key: String, in text: String, heading: Bool = false) -> Int? {
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") && line.dropFirst().hasPrefix(key) { return index + 1 }
            guard !heading, line.hasPrefix(key) else { continue }
            if line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") { return index + 1 }
        }
        if heading {
            return line(of: key, in: text, heading: false)
        }
        return nil
    }
}
