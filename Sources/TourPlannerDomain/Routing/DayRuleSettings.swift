import Foundation
import TourPlannerCore

/// Day-rule settings as a person typed them (flags, a teams-file entry, a planner settings
/// file), every field optional: `applied(to:)` checks each and overlays it on a `DayRules`.
public struct DayRuleSettings: Hashable, Sendable, Decodable {
    /// One setting, with its spelling in each source.
    public enum Key: String, CaseIterable, Sendable {
        case trainingHours, trainingStart, earliestDeparture, latestArrival, maxDriveHours, maxWorkingHours
        case travelDays, travelDayDeparture

        /// `training_hours` in a planner settings file.
        package var settingsName: String {
            rawValue.reduce(into: "") { $0 += $1.isUppercase ? "_" + $1.lowercased() : String($1) }
        }
        /// `--training-hours` on the command line.
        package var flagName: String { "--" + settingsName.replacingOccurrences(of: "_", with: "-") }
    }

    /// Length of a training in hours, more than 0 and at most 16.
    package var trainingHours: Double?
    /// "10:00" (fixed) or "09:00-13:00" (a window the planner chooses within).
    package var trainingStart: String?
    /// No drive leaves before this local time, "HH:MM".
    package var earliestDeparture: String?
    /// No drive arrives after this local time, "HH:MM".
    package var latestArrival: String?
    /// Most hours of driving a day, more than 0 and at most 24.
    package var maxDriveHours: Double?
    /// Most hours of driving plus training a day, more than 0 and at most 24.
    package var maxWorkingHours: Double?
    /// Comma-separated weekdays, e.g. "fri"; "" for none.
    package var travelDays: String?
    /// Departure of a travel-day evening drive, "HH:MM".
    package var travelDayDeparture: String?

    /// Creates settings; every field left nil keeps the value of the rules they are applied to.
    public init(
        trainingHours: Double? = nil, trainingStart: String? = nil, earliestDeparture: String? = nil,
        latestArrival: String? = nil, maxDriveHours: Double? = nil, maxWorkingHours: Double? = nil,
        travelDays: String? = nil, travelDayDeparture: String? = nil
    ) {
        self.trainingHours = trainingHours
        self.trainingStart = trainingStart
        self.earliestDeparture = earliestDeparture
        self.latestArrival = latestArrival
        self.maxDriveHours = maxDriveHours
        self.maxWorkingHours = maxWorkingHours
        self.travelDays = travelDays
        self.travelDayDeparture = travelDayDeparture
    }

    /// True when no field is set.
    package var isEmpty: Bool { self == DayRuleSettings() }

    /// `rules` with every set field overlaid, checked.
    ///
    /// - Parameters:
    ///   - rules: the rules to overlay (defaults, or an earlier source's).
    ///   - file: the source named in errors ("planner.toml", "teams.json: team \"West\"", "command line").
    ///   - name: how the source spells a key (`Key.settingsName`, `Key.flagName`, `Key.rawValue`).
    ///   - line: the 1-based line a key is on, when the source has lines.
    /// - Returns: `rules` with the set fields replaced, once the result's rules fit together
    ///   (``DayRules/problem()`` finds nothing).
    /// - Throws: `SettingsError` naming the source, line, key and value, and what to write instead.
    package func applied(
        to rules: DayRules, file: String, name: (Key) -> String, line: (Key) -> Int? = { _ in nil }
    ) throws -> DayRules {
        var result = rules
        func fail(_ key: Key, _ value: String, _ problem: String, _ hint: String) -> SettingsError {
            SettingsError(file: file, line: line(key), key: name(key), problem: "\"\(value)\" \(problem)", hint: hint)
        }
        func time(_ key: Key, _ text: String?) throws -> LocalTime? {
            guard let text else { return nil }
            guard let time = LocalTime(text) else {
                throw fail(key, text, "is not a time", "write a 24-hour local time HH:MM, e.g. 07:00")
            }
            return time
        }
        func hours(_ key: Key, _ value: Double?, max: Double) throws -> Double? {
            guard let value else { return nil }
            guard value > 0, value <= max else {
                throw fail(key, DayRules.hours(value), "is not between 0 and \(Int(max)) hours", "e.g. 8 or 7.5")
            }
            return value
        }
        if let value = try hours(.trainingHours, trainingHours, max: 16) { result.trainingHours = value }
        if let text = trainingStart {
            guard let window = DayRules.window(text) else {
                throw fail(
                    .trainingStart, text, "is not a start time or window",
                    "write HH:MM for a fixed start or HH:MM-HH:MM for a window, e.g. 09:00-13:00")
            }
            result.trainingStartEarliest = window.earliest
            result.trainingStartLatest = window.latest
        }
        if let value = try time(.earliestDeparture, earliestDeparture) { result.earliestDeparture = value }
        if let value = try time(.latestArrival, latestArrival) { result.latestArrival = value }
        if let value = try hours(.maxDriveHours, maxDriveHours, max: 24) { result.maxDriveHours = value }
        if let value = try hours(.maxWorkingHours, maxWorkingHours, max: 24) { result.maxWorkingHours = value }
        if let text = travelDays {
            guard let days = DayRules.weekdays(text) else {
                throw fail(.travelDays, text, "is not a list of weekdays", "write e.g. fri or thu,fri (\"\" for none)")
            }
            result.travelDays = days
        }
        if let value = try time(.travelDayDeparture, travelDayDeparture) { result.travelDayDeparture = value }
        if let problem = result.problem() {
            let key = Key.allCases.first { isSet($0) } ?? .trainingHours
            throw SettingsError(
                file: file, line: line(key), key: "", problem: "the day rules do not fit together: \(problem)",
                hint: "change \(Key.allCases.filter(isSet).map(name).joined(separator: ", "))")
        }
        return result
    }

    func isSet(_ key: Key) -> Bool {
        switch key {
        case .trainingHours: trainingHours != nil
        case .trainingStart: trainingStart != nil
        case .earliestDeparture: earliestDeparture != nil
        case .latestArrival: latestArrival != nil
        case .maxDriveHours: maxDriveHours != nil
        case .maxWorkingHours: maxWorkingHours != nil
        case .travelDays: travelDays != nil
        case .travelDayDeparture: travelDayDeparture != nil
        }
    }
}

extension DayRules {
    /// Parses "10:00" (a fixed start) or "09:00-13:00" (a window); nil for anything else.
    package static func window(_ text: String) -> (earliest: LocalTime, latest: LocalTime)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let first = LocalTime(String(parts[0])) else { return nil }
        guard parts.count == 2 else { return (first, first) }
        guard let last = LocalTime(String(parts[1])), first <= last else { return nil }
        return (first, last)
    }
}
