import Foundation
import Synchronization
import TourPlanner

/// Dates and times as people read them on the pages ("Sat 7 Jun 2014", "09:00 EDT"), always in
/// the zone of the place they happen in. The JSON answers keep the library's ISO 8601 values.
enum WebDates {
    /// "Sat 7 Jun 2014".
    static func day(_ date: CalendarDate) -> String { date.readable }

    /// "Sat 7 Jun 2014 – Sun 8 Jun 2014"; one day when both are the same.
    static func days(_ first: CalendarDate, _ last: CalendarDate) -> String {
        first == last ? day(first) : "\(day(first)) – \(day(last))"
    }

    /// The instant of an ISO 8601 text with an offset ("2014-06-07T05:13:00-04:00"); nil otherwise.
    static func instant(_ iso: String) -> Date? {
        ISO8601DateFormatter().date(from: iso)
    }

    /// "09:00 EDT": the local time in `zone` and the zone's short name at that instant, as US
    /// English writes it (ICU's: "EDT", "CDT"; "GMT+2" for a zone without a US short name —
    /// Foundation's `TimeZone.abbreviation` gives "GMT-4" on Linux; "UTC" for UTC, not ICU's "GMT").
    static func time(_ instant: Date, zone: String) -> String {
        let clock = LocalClock.clock(instant, zone: zone)
        if zone == "UTC" { return "\(clock) UTC" }  // ICU writes "GMT"
        guard let abbreviation = abbreviation(zone, at: instant) else { return clock }
        return "\(clock) \(abbreviation)"
    }

    /// Short zone names by zone and UTC offset: a zone's name changes only with its offset
    /// (EST/EDT), and making a `DateFormatter` costs more than a whole call list's other work.
    private static let abbreviations = Mutex<[String: String]>([:])

    /// The zone's short name at `instant` ("EDT"); nil for an unknown zone.
    private static func abbreviation(_ zone: String, at instant: Date) -> String? {
        guard let timeZone = TimeZone(identifier: zone) else { return nil }
        let key = "\(zone) \(timeZone.secondsFromGMT(for: instant))"
        if let known = abbreviations.withLock({ $0[key] }) { return known }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US")
        formatter.timeZone = timeZone
        formatter.dateFormat = "zzz"
        let made = formatter.string(from: instant)
        abbreviations.withLock { $0[key] = made }
        return made
    }

    /// "Sat 7 Jun 2014, 09:00 EDT".
    static func dayAndTime(_ instant: Date, zone: String) -> String {
        guard let date = LocalClock.localDate(instant, zone: zone) else { return time(instant, zone: zone) }
        return "\(day(date)), \(time(instant, zone: zone))"
    }

    /// "Sat 7 Jun, 10:00 EDT": a day of the coming days and the time, without the year (the call
    /// list's "next try").
    static func dayAndTimeThisYear(_ instant: Date, zone: String) -> String {
        guard let date = LocalClock.localDate(instant, zone: zone) else { return time(instant, zone: zone) }
        return "\(date.readableWithoutYear), \(time(instant, zone: zone))"
    }

    /// `text` with each ISO date in it ("2014-06-14", not part of a longer number or of an id
    /// "2014-06-14-boston") as people read it ("Sat 14 Jun 2014"), and each instant with its
    /// offset ("2014-06-14T13:00:00Z", "2014-06-14 13:00 UTC", "2014-06-14T09:00:00-04:00") as the
    /// day and the clock at that offset ("Sat 14 Jun 2014, 13:00 UTC", "Sat 14 Jun 2014, 09:00
    /// UTC-4"): for the library's messages, which carry ISO 8601 for the command line.
    static func readable(_ text: String) -> String {
        // Swift's regexes have no lookbehind: the character before the date is matched and kept.
        text.replacing(
            /(^|[^0-9-])([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ]([0-9]{2}:[0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)? ?(Z|UTC|[+-][0-9]{2}:?[0-9]{2}))?(?![0-9T:-])/
        ) { match in
            let (whole, before, iso, clock, offset) = match.output
            guard let date = CalendarDate(iso: String(iso)) else { return String(whole) }
            guard let clock, let offset else { return String(before) + day(date) }
            return String(before) + day(date) + ", " + clock + " " + zoneName(offset: String(offset))
        }
    }

    /// "UTC" for "Z", "UTC" and "+00:00"; "UTC-4" for "-04:00", "UTC+5:30" for "+0530".
    private static func zoneName(offset: String) -> String {
        let digits = offset.filter(\.isNumber)
        guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)),
            hours + minutes > 0
        else { return "UTC" }
        return "UTC" + String(offset.prefix(1)) + "\(hours)" + (minutes > 0 ? String(format: ":%02d", minutes) : "")
    }

    /// An itinerary item's span: "09:00–11:00 EDT" within a day and a zone, "09:00 EDT – 10:30 CDT"
    /// across zones, "21:00 EDT – Sun 8 Jun 2014, 07:00 EDT" into the next day. A text that is
    /// not an ISO 8601 instant is shown as it is.
    static func span(start: String, zone: String, end: String, endZone: String?) -> String {
        let endZone = endZone ?? zone
        guard let from = instant(start), let to = instant(end) else { return "\(start) – \(end)" }
        let startText = time(from, zone: zone)
        guard LocalClock.localDate(from, zone: zone) == LocalClock.localDate(to, zone: endZone) else {
            return "\(startText) – \(dayAndTime(to, zone: endZone))"
        }
        let endText = time(to, zone: endZone)
        let startZone = startText.split(separator: " ").dropFirst().joined(separator: " ")
        let endAbbreviation = endText.split(separator: " ").dropFirst().joined(separator: " ")
        if startZone == endAbbreviation {
            return LocalClock.clock(from, zone: zone) + "–" + endText
        }
        return "\(startText) – \(endText)"
    }
}
