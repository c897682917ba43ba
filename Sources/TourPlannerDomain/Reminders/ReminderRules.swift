import Foundation
import TourPlannerCore

/// The outreach cadence, calling hours, retries and scripts: data, not code
/// (`Resources/reminder-rules.toml` by default; `--rules FILE`).
public struct ReminderRules: Hashable, Sendable {
    /// The follow-up call (the first call, with the invitation) within this many days of the contact.
    package var followUpWithinDays = 2
    /// The reminder call is made this many days before the event (`reminder_call_days_before`, 1–60).
    package var reminderCallDaysBefore = 3
    /// The reminder text goes at this local time on the event's day (`reminder_text_time`).
    package var reminderTextTime = LocalTime(hour: 9, minute: 0)
    /// Calling hours Monday to Friday, member-local (start, end) (`[calling_hours] weekday`).
    package var weekdayHours: (LocalTime, LocalTime) {
        get { (weekday.start, weekday.end) }
        set { weekday = Window(start: newValue.0, end: newValue.1) }
    }
    /// Calling hours on Saturday and Sunday, member-local (start, end) (`[calling_hours] weekend`).
    package var weekendHours: (LocalTime, LocalTime) {
        get { (weekend.start, weekend.end) }
        set { weekend = Window(start: newValue.0, end: newValue.1) }
    }
    /// The calling hours as stored: a struct, not a tuple, so that equality and hashing are synthesized.
    private var weekday = Window(start: LocalTime(hour: 10, minute: 0), end: LocalTime(hour: 20, minute: 0))
    private var weekend = Window(start: LocalTime(hour: 12, minute: 0), end: LocalTime(hour: 18, minute: 0))
    /// The reminder text goes at this local time instead when the event starts before `reminderTextTime`
    /// (`[calling_hours] text_earliest`).
    package var textEarliest = LocalTime(hour: 8, minute: 0)
    /// The most attempts of one call before it fails (`[retries] max_attempts`, 1–20).
    package var maxAttempts = 3
    /// Who gets the reminder text on the day: those who said yes, or every invitee not opted out.
    package var textAudience = TextAudience.confirmed
    /// The start of events made from a version 1 plan, which carries no training start (`[event] default_start`).
    package var defaultEventStart = LocalTime(hour: 10, minute: 0)
    /// Language code ("en", "es", "no", "de") → script → template.
    package var scripts: [String: [ScriptKind: String]] = [:]

    /// Rules with the built-in defaults and no scripts (a script then falls back to a generic line).
    public init() {}

    /// A calling window of a day, member-local.
    private struct Window: Hashable, Sendable {
        var start: LocalTime
        var end: LocalTime
    }

    /// Parses a rules file; missing keys keep their defaults.
    ///
    /// - Throws: `SettingsError` naming the file, line and key.
    package static func parse(_ text: String, fileName: String) throws -> ReminderRules {
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
        if tree["cadence"]?.tableValue?["invite_call_offset_days"] != nil {
            throw fail(
                "invite_call_offset_days", "was removed: the follow-up call is now the first call, with the invitation",
                "delete the line; follow_up_within_days sets when the first call is due")
        }
        if let value = tree["cadence"]?.tableValue?["reminder_text_to"] {
            guard case .string(let text) = value, let audience = TextAudience(rawValue: text) else {
                throw fail(
                    "reminder_text_to", "must be \"yes\" (those who said yes) or \"all\" (every invitee not opted out)",
                    "write reminder_text_to = \"yes\"")
            }
            rules.textAudience = audience
        }
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
            var templates: [ScriptKind: String] = [:]
            for (kindName, template) in value.tableValue ?? [:] {
                guard let kind = ScriptKind(rawValue: kindName), case .string(let text) = template else {
                    throw fail(
                        kindName, "is not a script name with a text",
                        "scripts: \(ScriptKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                templates[kind] = text
            }
            rules.scripts[language] = templates
        }
        return rules
    }

    /// The bundled default rules.
    package static func loadBundled() throws -> ReminderRules {
        guard
            let url = Bundle.module.url(
                forResource: "reminder-rules", withExtension: "toml", subdirectory: "Resources")
        else {
            throw SettingsError(
                file: "reminder-rules.toml", line: nil, key: "", problem: "is missing from the installed resources",
                hint: "reinstall tourplan, or pass --rules FILE")
        }
        return try parse(String(contentsOf: url, encoding: .utf8), fileName: "reminder-rules.toml")
    }

    /// The script for a kind in the first of `languages` that has one (else English).
    package func script(_ kind: ScriptKind, languages: [String]) -> String {
        let codes = languages.map(Self.languageCode) + ["en"]
        for code in codes { if let text = scripts[code]?[kind] { return text } }
        return kind == .venueToBeAnnounced ? "venue to be announced" : "\(kind.rawValue) about {metro} on {date}"
    }

    /// The language a member speaking `languages` hears `kind` in: the first of them the rules
    /// have that script in, else English. The script's date and time are spoken in it too, so a
    /// French speaker who gets the English script (when the rules have no French one) never
    /// hears "on samedi 7 juin".
    package func scriptLanguage(_ kind: ScriptKind, languages: [String]) -> String {
        languages.map(Self.languageCode).first { scripts[$0]?[kind] != nil } ?? "en"
    }

    /// Script `kind` for a member speaking `languages`, filled in: the event's metro, its date
    /// and start spoken in the script's language, its venue (or "venue to be announced" in that
    /// language), its organizer, and the member's first name and the volunteer's.
    package func spokenScript(
        _ kind: ScriptKind, languages: [String], event: OutreachEvent?, firstName: String, volunteer: String
    ) -> String {
        let language = [scriptLanguage(kind, languages: languages)]
        let values: [String: String] = [
            "firstName": firstName, "metro": event?.metro ?? "",
            "date": event.map { SpokenDate.date($0.date, languages: language) } ?? "",
            "time": event.map { SpokenDate.time($0.start, languages: language) } ?? "",
            "venue": event?.venue ?? CallSheet.fill(script(.venueToBeAnnounced, languages: language), values: [:]),
            "organizer": event?.organizer ?? "", "volunteer": volunteer,
        ]
        return CallSheet.fill(script(kind, languages: language), values: values)
    }

    /// The two-letter code of a language as members write it: its name in English or in one of
    /// the bundled languages ("Français", "Norsk", "Spanisch"), a code ("es"), a tag ("pt-BR",
    /// "en_GB", "nb-NO") or a qualified name ("Brazilian Portuguese", "Français (Canada)"); any
    /// other name comes back folded (so a rules file's own `[scripts.fi]` still matches "fi").
    package static func languageCode(_ name: String) -> String {
        let folded = TextFolding.fold(name)
        if let code = languageNames[folded] { return code }
        let words = folded.split(separator: " ").map(String.init)
        // A language tag: its primary subtag (pt-BR, en_GB, nb-NO).
        if words.count == 2, (2...3).contains(words[0].count), [2, 3, 4].contains(words[1].count),
            let code = languageNames[words[0]]
        {
            return code
        }
        // A qualified name: its first word that names a language (never a bare "no" or "it").
        for word in words where word.count > 3 { if let code = languageNames[word] { return code } }
        return folded
    }

    /// Folded language names and codes → the bundled scripts' codes.
    static let languageNames: [String: String] = {
        let names: [String: [String]] = [
            "en": ["en", "eng", "english", "englisch", "ingles", "anglais", "inglese", "engels", "engelsk"],
            "es": [
                "es", "spa", "spanish", "espanol", "castellano", "spansk", "spanisch", "espagnol", "spagnolo", "spaans",
                "espanhol",
            ],
            "no": [
                "no", "nb", "nn", "nor", "norwegian", "norsk", "bokmal", "nynorsk", "norwegisch", "noruego",
                "norvegese",
            ],
            "de": [
                "de", "deu", "ger", "german", "deutsch", "tysk", "aleman", "allemand", "tedesco", "duits", "alemao",
            ],
            "fr": ["fr", "fra", "fre", "french", "francais", "frances", "franzosisch", "fransk", "francese", "frans"],
            "pt": ["pt", "por", "portuguese", "portugues", "portugiesisch", "portugisisk", "portoghese", "portugees"],
            "it": ["it", "ita", "italian", "italiano", "italienisch", "italiensk", "italien", "italiaans"],
            "nl": [
                "nl", "nld", "dut", "dutch", "nederlands", "niederlandisch", "nederlandsk", "hollandsk", "flemish",
                "vlaams",
            ],
            "sv": ["sv", "swe", "swedish", "svenska", "svensk", "schwedisch", "sueco", "suedois", "svedese", "zweeds"],
            "da": ["da", "dan", "danish", "dansk", "danisch", "danes", "danois", "danese", "deens"],
        ]
        return Dictionary(
            names.flatMap { code, words in words.map { ($0, code) } }, uniquingKeysWith: { first, _ in first })
    }()
}

/// The three steps of the outreach rhythm.
public enum ReminderKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The first call, with the invitation, within `followUpWithinDays` of the contact.
    case followUpCall
    /// A call `reminderCallDaysBefore` days before the event, to those who said yes or were not reached yet.
    case reminderCall
    /// A text on the day, to those who said yes (or every invitee not opted out, by `textAudience`).
    case reminderText
    /// Whether the task is a call (the follow-up and reminder calls), not a text.
    public var isCall: Bool { self != .reminderText }

    /// The step as people name it: "Follow-up call", "Reminder call", "Reminder text".
    package var label: String {
        switch self {
        case .followUpCall: "Follow-up call"
        case .reminderCall: "Reminder call"
        case .reminderText: "Reminder text"
        }
    }
}

/// The scripts of the rules file: one per step, and the reminder call in two versions, since a
/// script never claims a conversation that did not happen.
package enum ScriptKind: String, Hashable, Sendable, Codable, CaseIterable {
    case followUpCall
    /// The reminder call to a member who said yes.
    case reminderCall
    /// The reminder call to a member not reached yet (or who did not answer yes or no): it invites.
    case reminderCallNotReached
    case reminderText
    /// Said in place of `{venue}` while the event has none.
    case venueToBeAnnounced
}

/// Who gets the reminder text on the event day.
package enum TextAudience: String, Hashable, Sendable, CaseIterable {
    /// Members who said yes (`reminder_text_to = "yes"`, the default).
    case confirmed = "yes"
    /// Every invitee who has not opted out of texts (`reminder_text_to = "all"`).
    case allInvitees = "all"
}
