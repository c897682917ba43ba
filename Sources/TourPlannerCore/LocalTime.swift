import Foundation

/// A wall-clock time of day (no zone).
public struct LocalTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The hour, 0–23.
    package var hour: Int
    /// The minute, 0–59.
    package var minute: Int
    /// A time from its hour (0–23) and minute (0–59); the caller keeps them in range (not checked).
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
    /// Minutes since midnight (0–1439 in range).
    package var minutes: Int { hour * 60 + minute }
    /// "HH:MM", zero-padded.
    public var description: String { String(format: "%02d:%02d", hour, minute) }
    /// Earlier in the day.
    public static func < (a: LocalTime, b: LocalTime) -> Bool { a.minutes < b.minutes }
}
