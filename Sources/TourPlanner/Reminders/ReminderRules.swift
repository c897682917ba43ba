import Foundation

/// The outreach cadence, calling hours, retries and scripts: data, not code
/// (`Resources/reminder-rules.toml` by default; `--rules FILE`).
public struct ReminderRules: Hashable, Sendable {
    public var inviteCallOffsetDays = 0
    public var followUpWithinDays = 2
    public var reminderCallDaysBefore = 3
    public var reminderTextTime = LocalTime(hour: 9, minute: 0)
    public var weekdayHours = (LocalTime(hour: 10, minute: 0), LocalTime(hour: 20, minute: 0))
    public var weekendHours = (LocalTime(hour: 12, minute: 0), LocalTime(hour: 18, minute: 0))
    public var textEarliest = LocalTime(hour: 8, minute: 0)
    public var maxAttempts = 3
    public var defaultEventStart = LocalTime(hour: 10, minute: 0)
    /// Language code ("en", "es", "no", "de") → kind → template.
    public var scripts: [String: [ReminderKind: String]] = [:]

    public init() {}

    public static func == (a: ReminderRules, b: ReminderRules) -> Bool {
        a.inviteCallOffsetDays == b.inviteCallOffsetDays && a.followUpWithinDays == b.followUpWithinDays
            && a.reminderCallDaysBefore == b.reminderCallDaysBefore && a.reminderTextTime == b.reminderTextTime
            && a.weekdayHours == b.weekdayHours && a.weekendHours == b.weekendHours && a.maxAttempts == b.maxAttempts
            && a.scripts == b.scripts
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(maxAttempts) }

    /// Parses a rules file; missing keys keep their defaults.
    ///
    /// - Throws: `SettingsError` naming the file, line and key.
    public static func parse(_ text: String, fileName: String) throws -> ReminderRules {
        let tree = try ConfigValue.parse(text, fileName: fileName)
        var rules = ReminderRules()
        func fail(_ key: String, _ problem: String, _ hint: String) -> SettingsError {
            SettingsError(
                file: fileName, line: SettingsError.line(of: key, in: text), key: key, problem: problem, hint: hint)
        }
        func int(_ section: String, _ key: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let value = tree[section]?.tableValue?[key] else { return nil }
            guard case .number(let number) = value,
                let int = Int(exactly: NSDecimalNumber(decimal: number).doubleValue), range.contains(int)
            else {
                throw fail(
                    key, "must be a whole number from \(range.lowerBound) to \(range.upperBound)",
                    "e.g. \(key) = \(range.lowerBound)")
            }
            return int
        }
        func time(_ section: String, _ key: String) throws -> LocalTime? {
            guard let value = tree[section]?.tableValue?[key] else { return nil }
            guard case .string(let text) = value, let time = LocalTime(text) else {
                throw fail(key, "must be a time like \"09:00\"", "write \(key) = \"09:00\"")
            }
            return time
        }
        func range(_ key: String) throws -> (LocalTime, LocalTime)? {
            guard let value = tree["calling_hours"]?.tableValue?[key] else { return nil }
            guard case .string(let text) = value else {
                throw fail(key, "must be a range like \"10:00-20:00\"", "write \(key) = \"10:00-20:00\"")
            }
            let parts = text.split(separator: "-").map(String.init)
            guard parts.count == 2, let start = LocalTime(parts[0]), let end = LocalTime(parts[1]), start < end else {
                throw fail(
                    key, "\"\(text)\" must be a range like \"10:00-20:00\" with the start before the end",
                    "write \(key) = \"10:00-20:00\"")
            }
            return (start, end)
        }
        rules.inviteCallOffsetDays = try int("cadence", "invite_call_offset_days", 0...60) ?? rules.inviteCallOffsetDays
        rules.followUpWithinDays = try int("cadence", "follow_up_within_days", 1...30) ?? rules.followUpWithinDays
        rules.reminderCallDaysBefore =
            try int("cadence", "reminder_call_days_before", 1...60) ?? rules.reminderCallDaysBefore
        rules.reminderTextTime = try time("cadence", "reminder_text_time") ?? rules.reminderTextTime
        rules.weekdayHours = try range("weekday") ?? rules.weekdayHours
        rules.weekendHours = try range("weekend") ?? rules.weekendHours
        rules.textEarliest = try time("calling_hours", "text_earliest") ?? rules.textEarliest
        rules.maxAttempts = try int("retries", "max_attempts", 1...20) ?? rules.maxAttempts
        rules.defaultEventStart = try time("event", "default_start") ?? rules.defaultEventStart
        for (language, value) in tree["scripts"]?.tableValue ?? [:] {
            var templates: [ReminderKind: String] = [:]
            for (kindName, template) in value.tableValue ?? [:] {
                guard let kind = ReminderKind(rawValue: kindName), case .string(let text) = template else {
                    throw fail(
                        kindName, "is not a reminder kind with a text",
                        "kinds: \(ReminderKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                templates[kind] = text
            }
            rules.scripts[language] = templates
        }
        return rules
    }

    /// The bundled default rules.
    public static func loadBundled() throws -> ReminderRules {
        guard
            let url = Bundle.module.url(
                forResource: "reminder-rules", withExtension: "toml", subdirectory: "Resources"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return ReminderRules() }
        return try parse(text, fileName: "reminder-rules.toml")
    }

    /// The script for a kind in the first of `languages` that has one (else English).
    public func script(_ kind: ReminderKind, languages: [String]) -> String {
        let codes = languages.map(Self.languageCode) + ["en"]
        for code in codes { if let text = scripts[code]?[kind] { return text } }
        return "\(kind.rawValue) about {metro} on {date}"
    }

    static func languageCode(_ name: String) -> String {
        switch TextFolding.fold(name) {
        case "english", "en", "englisch", "ingles": return "en"
        case "spanish", "es", "espanol", "castellano", "spansk", "spanisch": return "es"
        case "norwegian", "no", "nb", "nn", "norsk", "bokmal", "nynorsk": return "no"
        case "german", "de", "deutsch", "tysk": return "de"
        default: return TextFolding.fold(name)
        }
    }
}

/// The four touches of the outreach rhythm.
public enum ReminderKind: String, Hashable, Sendable, Codable, CaseIterable {
    case inviteCall, followUpCall, reminderCall, reminderText
    public var isCall: Bool { self != .reminderText }
}

/// A wall-clock time of day (no zone).
public struct LocalTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }
    /// Parses "HH:MM" (24-hour).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        self.init(hour: h, minute: m)
    }
    public var minutes: Int { hour * 60 + minute }
    public var description: String { String(format: "%02d:%02d", hour, minute) }
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minutes < b.minutes }
}
