package import Foundation
import TourPlannerCore

/// A volunteer who makes calls and sends texts.
public struct Volunteer: Hashable, Sendable, Codable {
    /// The volunteer's name, unique in the schedule; tasks and accounts refer to it.
    public var name: String
    /// The volunteer's own phone number, as given in the volunteers file; nil when not given.
    package var phone: String?
    /// The volunteer's own IANA zone: their calling hours and their sheet are on this clock.
    public var timeZone: String
    /// Languages the volunteer speaks: assignment prefers a volunteer sharing a language with the member.
    package var languages: [String]
    /// The most calls the volunteer makes on one day of their clock (default 40); more are reported as over capacity.
    package var maxCallsPerDay: Int
    /// When the volunteer can call, on their own clock (`nil`: any time within the member's window).
    package var callingHours: HoursRange?
    /// ISO 3166 country of the volunteer (e.g. "NO"): numbers of members elsewhere are shown
    /// in international format.
    package var countryCode: String?
    /// Creates a volunteer.
    public init(
        name: String, phone: String? = nil, timeZone: String, languages: [String] = ["English"],
        maxCallsPerDay: Int = 40, callingHours: HoursRange? = nil, countryCode: String? = nil
    ) {
        self.name = name
        self.phone = phone
        self.timeZone = timeZone
        self.languages = languages
        self.maxCallsPerDay = maxCallsPerDay
        self.callingHours = callingHours
        self.countryCode = countryCode
    }

    /// The part of a member's window (`start..<end`) inside this volunteer's calling hours,
    /// when at least `minimum` seconds of it are left; the whole window when the volunteer
    /// gave no hours.
    package func fit(_ window: (start: Date, end: Date), minimum: TimeInterval = 1800) -> (start: Date, end: Date)? {
        guard let hours = callingHours else { return window }
        guard let first = LocalClock.localDate(window.start, zone: timeZone) else { return nil }
        // A member window spans at most two of the volunteer's days.
        for day in [first.adding(days: -1), first, first.adding(days: 1)] {
            guard let from = LocalClock.instant(date: day, time: hours.start, zone: timeZone),
                let to = LocalClock.instant(date: day, time: hours.end, zone: timeZone)
            else { continue }
            let start = max(from, window.start)
            let end = min(to, window.end)
            if end.timeIntervalSince(start) >= minimum { return (start, end) }
        }
        return nil
    }

    /// The volunteer a name refers to: an exact name (any case), else the only one whose name
    /// starts with `text` (any case, accents kept).
    ///
    /// - Throws: `ReminderError` listing the candidates when none or several match.
    package static func find(_ text: String, in volunteers: [Volunteer]) throws -> Volunteer {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let exact = volunteers.first(where: { $0.name.lowercased() == wanted }) { return exact }
        let matches = volunteers.filter { !wanted.isEmpty && $0.name.lowercased().hasPrefix(wanted) }
            .sorted { $0.name < $1.name }
        if matches.count == 1 { return matches[0] }
        if matches.isEmpty {
            throw ReminderError(
                problem: "no volunteer called \"\(text)\"",
                hint: volunteers.isEmpty
                    ? "add volunteers with `tourplan remind schedule --volunteers FILE`"
                    : "volunteers: \(volunteers.map(\.name).sorted().joined(separator: ", "))")
        }
        throw ReminderError(
            problem: "\"\(text)\" matches \(matches.count) volunteers: \(matches.map(\.name).joined(separator: ", "))",
            hint: "give more of the name, e.g. --volunteer \"\(matches[0].name)\"")
    }
}

/// A daily span of wall-clock time, "17:00-21:00" (start before end, same day).
public struct HoursRange: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The start of the span, on the wall clock.
    package var start: LocalTime
    /// The end of the span, on the wall clock; after `start`.
    package var end: LocalTime
    /// Creates a span; the caller keeps `start` before `end`.
    package init(start: LocalTime, end: LocalTime) {
        self.start = start
        self.end = end
    }
    /// Parses "HH:MM-HH:MM" with the start before the end.
    package init?(_ text: String) {
        let parts = text.split(separator: "-").map(String.init)
        guard parts.count == 2, let start = LocalTime(parts[0]), let end = LocalTime(parts[1]), start < end else {
            return nil
        }
        self.init(start: start, end: end)
    }
    /// The span as "HH:MM-HH:MM".
    public var description: String { "\(start)-\(end)" }
}

/// A reminders problem a user can fix (a volunteer name, an outcomes file): what is wrong,
/// where, and how to fix it.
package struct ReminderError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// What is wrong; one line per problem (`file:line: …` for files).
    package var problem: String
    /// How to fix it.
    package var hint: String
    /// Creates an error.
    package init(problem: String, hint: String) {
        self.problem = problem
        self.hint = hint
    }
    /// The problem and its hint on the next line, as the CLI prints them.
    package var description: String { "\(problem)\n  hint: \(hint)" }
    /// The same text as `description`.
    package var errorDescription: String? { description }
}
