package import Foundation
import TourPlannerCore

/// Polite calling windows in a member's own zone: weekday and weekend hours from the rules.
package final class CallingHours {
    /// The rules whose weekday and weekend hours the windows follow.
    package let rules: ReminderRules
    /// Windows by zone and day: scheduling 100,000 members touches a few hundred distinct ones.
    private var windows: [String: (start: Date, end: Date)?] = [:]

    /// Creates the calling hours of `rules`, with an empty cache of windows (not thread-safe: one per task).
    package init(rules: ReminderRules) { self.rules = rules }

    /// The calling window of a local day.
    package func window(on date: CalendarDate, zone: String) -> (start: Date, end: Date)? {
        let key = zone + "|" + date.description
        if let cached = windows[key] { return cached }
        let hours = date.isoWeekday >= 6 ? rules.weekendHours : rules.weekdayHours
        var window: (start: Date, end: Date)?
        if let start = LocalClock.instant(date: date, time: hours.0, zone: zone),
            let end = LocalClock.instant(date: date, time: hours.1, zone: zone)
        {
            window = (start, end)
        }
        windows[key] = window
        return window
    }

    /// The first window (or rest of one) at or after `instant`, starting at least 30 minutes
    /// before its end; searched over 60 days.
    ///
    /// - Complexity: O(days searched).
    package func firstWindow(atOrAfter instant: Date, zone: String) -> (start: Date, end: Date)? {
        guard var day = LocalClock.localDate(instant, zone: zone) else { return nil }
        for _ in 0..<60 {
            if let window = window(on: day, zone: zone),
                window.end.timeIntervalSince(max(instant, window.start)) >= 1800
            {
                return (max(instant, window.start), window.end)
            }
            day = day.adding(days: 1)
        }
        return nil
    }
}
