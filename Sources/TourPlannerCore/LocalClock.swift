public import Foundation
import Synchronization

/// Local wall-clock ↔ instant conversions in any IANA zone (DST-correct via Foundation's tz data).
public enum LocalClock {
    /// Calendars per zone: building one costs more than the date arithmetic it then does.
    private static let calendars = CalendarCache()

    /// A Gregorian calendar in the IANA zone `zone`, cached per zone; nil for an unknown zone.
    package static func calendar(_ zone: String) -> Calendar? { calendars.calendar(zone) }

    /// The instant of a local date and time. In a spring-forward gap the time moves forward by
    /// the gap (02:30 → 03:30), as Foundation resolves it.
    package static func instant(date: CalendarDate, time: LocalTime, zone: String) -> Date? {
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
    /// An offset of zero is written `Z`, as `ISO8601DateFormatter` writes it; an unknown zone
    /// is UTC. Built from the cached calendar (a formatter per call cost a call list a third of
    /// its time).
    package static func iso(_ instant: Date, zone: String) -> String {
        let calendar = calendar(zone) ?? calendar("UTC")
        guard let calendar else { return "" }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        let offset = calendar.timeZone.secondsFromGMT(for: instant)
        let zoneText: String
        if offset == 0 {
            zoneText = "Z"
        } else {
            let minutes = abs(offset) / 60
            zoneText = (offset < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
        }
        return four(parts.year ?? 0) + "-" + two(parts.month ?? 0) + "-" + two(parts.day ?? 0) + "T"
            + two(parts.hour ?? 0) + ":" + two(parts.minute ?? 0) + ":" + two(parts.second ?? 0) + zoneText
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func four(_ value: Int) -> String {
        let text = "\(value)"
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
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
