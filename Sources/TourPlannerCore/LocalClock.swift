public import Foundation
import Synchronization

/// Local wall-clock ↔ instant conversions in any IANA zone (DST-correct via Foundation's tz data).
public enum LocalClock {
    /// Calendars per zone: building one costs more than the date arithmetic it then does.
    private static let calendars = CalendarCache()

    public static func calendar(_ zone: String) -> Calendar? { calendars.calendar(zone) }

    /// The instant of a local date and time. In a spring-forward gap the time moves forward by
    /// the gap (02:30 → 03:30), as Foundation resolves it.
    public static func instant(date: CalendarDate, time: LocalTime, zone: String) -> Date? {
        calendar(zone)?.date(
            from: DateComponents(
                year: date.year, month: date.month, day: date.day, hour: time.hour, minute: time.minute))
    }

    /// The local calendar date of an instant.
    public static func localDate(_ instant: Date, zone: String) -> CalendarDate? {
        guard let calendar = calendar(zone) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        guard let y = parts.year, let m = parts.month, let d = parts.day else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// ISO 8601 with the zone's offset at that instant: "2014-06-04T10:00:00-04:00".
    public static func iso(_ instant: Date, zone: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: zone) ?? TimeZone(secondsFromGMT: 0)
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: instant)
    }

    /// "10:00" local.
    public static func clock(_ instant: Date, zone: String) -> String {
        guard let calendar = calendar(zone) else { return "" }
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}

/// A thread-safe cache of Gregorian calendars by IANA zone.
final class CalendarCache: Sendable {
    private let storage = Mutex<[String: Calendar]>([:])

    func calendar(_ zone: String) -> Calendar? {
        if let cached = storage.withLock({ $0[zone] }) { return cached }
        guard let timeZone = TimeZone(identifier: zone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        storage.withLock { $0[zone] = calendar }
        return calendar
    }
}
