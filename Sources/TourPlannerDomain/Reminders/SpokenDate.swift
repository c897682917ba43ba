import Foundation
import Synchronization
import TourPlannerCore

/// Dates and times as a script says them in the member's language: "sábado 7 de junio" and
/// "10:00" (Spanish), "Saturday, June 7" and "10:00 AM" (English).
///
/// Foundation's formatter supplies the day and month names for the locale; the word order is
/// fixed per language here (checked against Linux Foundation's output), so the text is the same
/// on every machine. Languages not in the table get ISO dates and 24-hour times.
package enum SpokenDate {
    /// Language code → (locale, date pattern, time pattern).
    static let patterns: [String: (locale: String, date: String, time: String)] = [
        "en": ("en_US", "EEEE, MMMM d", "h:mm a"),
        "es": ("es_ES", "EEEE d 'de' MMMM", "HH:mm"),
        "no": ("nb_NO", "EEEE d. MMMM", "HH:mm"),
        "de": ("de_DE", "EEEE, d. MMMM", "HH:mm"),
        "fr": ("fr_FR", "EEEE d MMMM", "HH:mm"),
        "pt": ("pt_PT", "EEEE, d 'de' MMMM", "HH:mm"),
        "it": ("it_IT", "EEEE d MMMM", "HH:mm"),
        "nl": ("nl_NL", "EEEE d MMMM", "HH:mm"),
        "sv": ("sv_SE", "EEEE d MMMM", "HH:mm"),
        "da": ("da_DK", "EEEE d. MMMM", "HH:mm"),
    ]

    /// The date of an event, spoken in the first of `languages` the table knows (else English).
    package static func date(_ date: CalendarDate, languages: [String]) -> String {
        guard let pattern = pattern(for: languages), let noon = noon(date) else { return date.description }
        return format(noon, locale: pattern.locale, pattern: pattern.date)
    }

    /// A local time of day, spoken the same way.
    package static func time(_ time: LocalTime, languages: [String]) -> String {
        guard let pattern = pattern(for: languages),
            let instant = LocalClock.instant(
                date: CalendarDate(year: 2000, month: 1, day: 3), time: time, zone: "UTC")
        else { return time.description }
        return format(instant, locale: pattern.locale, pattern: pattern.time)
    }

    static func pattern(for languages: [String]) -> (locale: String, date: String, time: String)? {
        for code in languages.map(ReminderRules.languageCode) + ["en"] {
            if let pattern = patterns[code] { return pattern }
        }
        return nil
    }

    static func noon(_ date: CalendarDate) -> Date? {
        LocalClock.instant(date: date, time: LocalTime(hour: 12, minute: 0), zone: "UTC")
    }

    /// Formatters by locale and pattern, made once: making an ICU formatter costs far more than
    /// formatting with it (a call list of 90 scripts spent most of its time there). Used under
    /// the lock, so no formatter is shared between threads at the same time.
    private static let formatters = Mutex<[String: DateFormatter]>([:])

    static func format(_ date: Date, locale: String, pattern: String) -> String {
        formatters.withLock { cache in
            let key = locale + "\u{1F}" + pattern
            if let formatter = cache[key] { return formatter.string(from: date) }
            let formatter = formatter(locale, pattern)
            cache[key] = formatter
            return formatter.string(from: date)
        }
    }

    static func formatter(_ locale: String, _ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
