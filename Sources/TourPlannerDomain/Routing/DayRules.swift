import Foundation
import TourPlannerCore

/// A trainer's day: how long a training lasts, when it may start, and the limits on each
/// day's driving, so that every plan can be handed to volunteers as it is.
///
/// Times are local wall-clock times at the place concerned: a leg's departure at its start,
/// its arrival at its end, a training's start at its stop. A drive to the day's training
/// arrives `handoverMinutes` before it starts; a drive after the training leaves
/// `handoverMinutes` after it ends. A drive-only day inside a run of allowed days leaves at
/// `earliestDeparture`; a drive-only evening on a travel day (`travelDays`, outside the
/// allowed weekdays) leaves at `travelDayDeparture`. README "Day rules" documents every rule
/// and the settings keys.
public struct DayRules: Hashable, Sendable, Codable {
    /// Length of a training, in hours (default 8).
    package var trainingHours: Double
    /// Earliest local start of a training (default 09:00).
    package var trainingStartEarliest: LocalTime
    /// Latest local start of a training (default 13:00); equal to the earliest for a fixed start.
    package var trainingStartLatest: LocalTime
    /// No leg leaves before this local time (default 07:00).
    package var earliestDeparture: LocalTime
    /// No leg arrives after this local time (default 22:00), so no drive crosses midnight.
    package var latestArrival: LocalTime
    /// At most this many hours of driving a day (default 6).
    package var maxDriveHours: Double
    /// A day's driving plus its training stays within this many hours (default 12).
    package var maxWorkingHours: Double
    /// ISO weekdays (1 = Monday … 7 = Sunday) on which the team may drive the evening before a
    /// run of allowed days and sleep at the first stop (a night away); default none.
    package var travelDays: Set<Int>
    /// Departure time of a travel-day evening drive (default 17:00, after work).
    package var travelDayDeparture: LocalTime

    /// Minutes between arriving and the training's start, and between its end and leaving.
    package static let handoverMinutes = 30
    /// Training starts are chosen on this grid of minutes from the window's start.
    package static let startStepMinutes = 15

    /// Creates day rules; every default is the README's (8 h training starting 09:00–13:00, drives 07:00–22:00, at most
    /// 6 h driving and 12 h working a day, no travel days, travel-day departure 17:00).
    public init(
        trainingHours: Double = 8, trainingStartEarliest: LocalTime = LocalTime(hour: 9, minute: 0),
        trainingStartLatest: LocalTime = LocalTime(hour: 13, minute: 0),
        earliestDeparture: LocalTime = LocalTime(hour: 7, minute: 0),
        latestArrival: LocalTime = LocalTime(hour: 22, minute: 0), maxDriveHours: Double = 6,
        maxWorkingHours: Double = 12, travelDays: Set<Int> = [],
        travelDayDeparture: LocalTime = LocalTime(hour: 17, minute: 0)
    ) {
        self.trainingHours = trainingHours
        self.trainingStartEarliest = trainingStartEarliest
        self.trainingStartLatest = trainingStartLatest
        self.earliestDeparture = earliestDeparture
        self.latestArrival = latestArrival
        self.maxDriveHours = maxDriveHours
        self.maxWorkingHours = maxWorkingHours
        self.travelDays = travelDays
        self.travelDayDeparture = travelDayDeparture
    }

    /// The first problem with these rules, or nil when they are consistent.
    ///
    /// - Returns: a sentence naming the rule and its value, e.g. "the training window 13:00–09:00 is empty".
    package func problem() -> String? {
        if !(trainingHours > 0 && trainingHours <= 16) {
            return "training length \(Self.hours(trainingHours)) h must be more than 0 and at most 16"
        }
        if trainingStartLatest < trainingStartEarliest {
            return "the training start window \(trainingStartEarliest)–\(trainingStartLatest) is empty"
        }
        if Double(trainingStartEarliest.minutes) + trainingHours * 60 > 24 * 60 {
            return
                "a training starting at \(trainingStartEarliest) for \(Self.hours(trainingHours)) h ends after midnight"
        }
        if !(latestArrival > earliestDeparture) {
            return "the latest arrival \(latestArrival) is not after the earliest departure \(earliestDeparture)"
        }
        if !(maxDriveHours > 0 && maxDriveHours <= 24) {
            return "max driving \(Self.hours(maxDriveHours)) h a day must be more than 0 and at most 24"
        }
        if !(maxWorkingHours > 0 && maxWorkingHours <= 24) {
            return "max working day \(Self.hours(maxWorkingHours)) h must be more than 0 and at most 24"
        }
        if let bad = travelDays.first(where: { !(1...7).contains($0) }) { return "travel day \(bad) is not a weekday" }
        return nil
    }

    /// "6" or "7.5" (hours in messages and settings).
    static func hours(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }

    /// Parses a comma-separated list of weekdays ("fri", "sat,sun", "Friday"); an empty text is no day.
    ///
    /// - Returns: ISO weekdays, or nil when a part is not a weekday.
    package static func weekdays(_ text: String) -> Set<Int>? {
        var days: Set<Int> = []
        for part in text.lowercased().split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard name.count >= 3, let day = weekdayNames.firstIndex(of: String(name.prefix(3))), day >= 1,
                weekdayFullNames[day].hasPrefix(name)
            else { return nil }
            days.insert(day)
        }
        return days
    }

    /// "fri,sat" from ISO weekdays, in week order.
    package static func weekdayList(_ days: Set<Int>) -> String {
        days.sorted().map { weekdayNames[max(0, min(7, $0))] }.joined(separator: ",")
    }

    enum CodingKeys: String, CodingKey {
        case trainingHours, trainingStartEarliest, trainingStartLatest, earliestDeparture, latestArrival
        case maxDriveHours, maxWorkingHours, travelDays, travelDayDeparture
    }

    /// Times are "HH:MM" strings and travel days a list like "fri" in PLAN.json.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func time(_ key: CodingKeys) throws -> LocalTime {
            let text = try c.decode(String.self, forKey: key)
            guard let time = LocalTime(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "\"\(text)\" is not a time (HH:MM)")
            }
            return time
        }
        trainingHours = try c.decode(Double.self, forKey: .trainingHours)
        trainingStartEarliest = try time(.trainingStartEarliest)
        trainingStartLatest = try time(.trainingStartLatest)
        earliestDeparture = try time(.earliestDeparture)
        latestArrival = try time(.latestArrival)
        maxDriveHours = try c.decode(Double.self, forKey: .maxDriveHours)
        maxWorkingHours = try c.decode(Double.self, forKey: .maxWorkingHours)
        let list = try c.decode(String.self, forKey: .travelDays)
        guard let days = Self.weekdays(list) else {
            throw DecodingError.dataCorruptedError(
                forKey: .travelDays, in: c, debugDescription: "\"\(list)\" is not a list of weekdays")
        }
        travelDays = days
        travelDayDeparture = try time(.travelDayDeparture)
    }

    /// Encodes the rules for PLAN.json: times as "HH:MM", `travelDays` as a comma-separated list of weekday names
    /// ("fri", "" for none).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(trainingHours, forKey: .trainingHours)
        try c.encode(trainingStartEarliest.description, forKey: .trainingStartEarliest)
        try c.encode(trainingStartLatest.description, forKey: .trainingStartLatest)
        try c.encode(earliestDeparture.description, forKey: .earliestDeparture)
        try c.encode(latestArrival.description, forKey: .latestArrival)
        try c.encode(maxDriveHours, forKey: .maxDriveHours)
        try c.encode(maxWorkingHours, forKey: .maxWorkingHours)
        try c.encode(Self.weekdayList(travelDays), forKey: .travelDays)
        try c.encode(travelDayDeparture.description, forKey: .travelDayDeparture)
    }

    static let weekdayNames = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let weekdayFullNames = ["", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}
