public import Foundation
import Synchronization

/// A training or meeting to invite members to.
public struct OutreachEvent: Hashable, Sendable, Codable {
    /// Stable id: "2014-06-07-boston" (date and metro), so re-scheduling updates in place.
    public var id: String
    public var metro: String
    public var cities: [String]
    public var date: CalendarDate
    public var start: LocalTime
    /// IANA zone of the event's place.
    public var timeZone: String
    public var latitude: Double
    public var longitude: Double
    public var venue: String
    public var organizer: String

    public init(
        id: String? = nil, metro: String, cities: [String], date: CalendarDate, start: LocalTime, timeZone: String,
        latitude: Double, longitude: Double, venue: String = "venue to be announced",
        organizer: String = "the local organizer"
    ) {
        self.id = id ?? "\(date)-\(TextFolding.fold(metro).replacingOccurrences(of: " ", with: "-"))"
        self.metro = metro
        self.cities = cities
        self.date = date
        self.start = start
        self.timeZone = timeZone
        self.latitude = latitude
        self.longitude = longitude
        self.venue = venue
        self.organizer = organizer
    }

    /// The event's start as an instant.
    public var startInstant: Date? { LocalClock.instant(date: date, time: start, zone: timeZone) }

    /// One event per planned training, starting at the plan's training start (`start` only for
    /// version 1 plans, which carry none).
    public static func make(from plan: TourPlan, start: LocalTime) -> [OutreachEvent] {
        let parser = ISO8601DateFormatter()
        return plan.trips.flatMap { trip in
            trip.stops.map {
                var planned = start
                if let text = $0.trainingStart, let instant = parser.date(from: text),
                    let time = LocalTime(LocalClock.clock(instant, zone: $0.timeZone))
                {
                    planned = time
                }
                return OutreachEvent(
                    metro: $0.metro, cities: $0.cities, date: $0.date, start: planned, timeZone: $0.timeZone,
                    latitude: $0.latitude, longitude: $0.longitude)
            }
        }
    }
}

/// A member to contact for an event.
public struct Invitee: Hashable, Sendable {
    public var memberID: MemberID
    public var firstName: String
    public var name: String
    public var phoneRaw: String?
    public var phoneE164: String?
    public var timeZone: String
    public var languages: [String]
    public var doNotCall: Bool
    public var doNotText: Bool
    public var isUnaffiliated: Bool
    public var phoneFlaggedWrong: Bool
    public init(
        memberID: MemberID, firstName: String, name: String, phoneRaw: String?, phoneE164: String?, timeZone: String,
        languages: [String], doNotCall: Bool, doNotText: Bool, isUnaffiliated: Bool, phoneFlaggedWrong: Bool = false
    ) {
        self.memberID = memberID
        self.firstName = firstName
        self.name = name
        self.phoneRaw = phoneRaw
        self.phoneE164 = phoneE164
        self.timeZone = timeZone
        self.languages = languages
        self.doNotCall = doNotCall
        self.doNotText = doNotText
        self.isUnaffiliated = isUnaffiliated
        self.phoneFlaggedWrong = phoneFlaggedWrong
    }
}

/// A volunteer who makes calls and sends texts.
public struct Volunteer: Hashable, Sendable, Codable {
    public var name: String
    public var phone: String?
    public var timeZone: String
    public var languages: [String]
    public var maxCallsPerDay: Int
    public init(
        name: String, phone: String? = nil, timeZone: String, languages: [String] = ["English"],
        maxCallsPerDay: Int = 40
    ) {
        self.name = name
        self.phone = phone
        self.timeZone = timeZone
        self.languages = languages
        self.maxCallsPerDay = maxCallsPerDay
    }
}

/// The state of a task.
public enum TaskStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case pending, done, cancelled, failed
    /// Could not fit in calling hours before the event: reported, not dropped.
    case unschedulable
}

/// One call or text to make, in a window of the member's calling hours.
public struct ReminderTask: Hashable, Sendable, Codable {
    /// "eventId/memberId/kind": stable across re-scheduling.
    public var taskId: String
    public var memberId: MemberID
    public var kind: ReminderKind
    public var eventId: String
    public var eventStart: Date
    public var windowStart: Date
    public var windowEnd: Date
    /// The member's IANA zone (windows are in it).
    public var timeZone: String
    public var volunteer: String
    public var status: TaskStatus
    public var attempt: Int
    public var note: String?

    public static func id(event: String, member: MemberID, kind: ReminderKind) -> String {
        "\(event)/\(member.rawValue)/\(kind.rawValue)"
    }
}

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
