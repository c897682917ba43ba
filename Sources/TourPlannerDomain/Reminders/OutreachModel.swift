public import Foundation
import TourPlannerCore

/// A training or meeting to invite members to.
public struct OutreachEvent: Hashable, Sendable, Codable {
    /// Stable id: "2014-06-07-boston" (date and metro), so re-scheduling updates in place.
    public var id: String
    /// The metro the event is in, as `rank` names it.
    public var metro: String
    /// The metro's member cities, for display; invitees are chosen by distance instead
    /// (`TourDatabase.invitees(near:radiusKm:)`).
    package var cities: [String]
    /// The event's day, in the event's zone.
    public var date: CalendarDate
    /// Local start time at the event's place (in `timeZone`).
    public var start: LocalTime
    /// IANA zone of the event's place.
    public var timeZone: String
    /// Latitude of the event's place in decimal degrees (invitees are the members near it).
    package var latitude: Double
    /// Longitude of the event's place in decimal degrees.
    package var longitude: Double
    /// Where it takes place; `nil` until an organizer sets it (`tourplan events add --venue`).
    public var venue: String?
    /// The local organizer; `nil` until set.
    public var organizer: String?
    /// When the event was first scheduled: the contact the follow-up call answers for members
    /// already known. `nil` for an event not stored yet (scheduling uses `now`).
    package var scheduledAt: Date?

    /// Creates an event; `id` defaults to the date and the folded metro name ("2014-06-07-boston").
    public init(
        id: String? = nil, metro: String, cities: [String], date: CalendarDate, start: LocalTime, timeZone: String,
        latitude: Double, longitude: Double, venue: String? = nil, organizer: String? = nil, scheduledAt: Date? = nil
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
        self.scheduledAt = scheduledAt
    }

    /// The event's start as an instant.
    package var startInstant: Date? { LocalClock.instant(date: date, time: start, zone: timeZone) }

    /// One event per planned training, starting at the plan's training start (`start` only for
    /// version 1 plans, which carry none).
    package static func make(from plan: TourPlan, start: LocalTime) -> [OutreachEvent] {
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
    /// The member invited.
    package var memberID: MemberID
    /// Given name, used in the scripts' greeting.
    package var firstName: String
    /// The name shown to volunteers.
    package var name: String
    /// The phone number as typed; nil when the member has none (then neither called nor texted).
    package var phoneRaw: String?
    /// The number in E.164 form, when it could be parsed.
    package var phoneE164: String?
    /// The member's IANA zone: calling windows are in it.
    package var timeZone: String
    /// Languages the member speaks, as imported.
    package var languages: [String]
    /// No calls: the member opted out of calls or of any contact, or is deceased.
    package var doNotCall: Bool
    /// No texts: the member opted out of texts or of any contact, or is deceased.
    package var doNotText: Bool
    /// The member belongs to no chapter (scheduled before affiliated members).
    package var isUnaffiliated: Bool
    /// A call logged that the number is wrong: the member is then neither called nor texted.
    package var phoneFlaggedWrong: Bool
    /// When the member joined, if that is later than the event's scheduling: the contact the
    /// follow-up call answers.
    package var joinedAt: Date?
    /// Creates an invitee.
    public init(
        memberID: MemberID, firstName: String, name: String, phoneRaw: String?, phoneE164: String?, timeZone: String,
        languages: [String], doNotCall: Bool, doNotText: Bool, isUnaffiliated: Bool, phoneFlaggedWrong: Bool = false,
        joinedAt: Date? = nil
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
        self.joinedAt = joinedAt
    }

    /// Whether the member may get a call (`.call`) or a text (`.text`): a phone that is not
    /// flagged wrong, and no opt-out of that channel. The single selection predicate.
    package func isContactable(for channel: Channel) -> Bool {
        guard phoneRaw != nil, !phoneFlaggedWrong else { return false }
        switch channel {
        case .call: return !doNotCall
        case .text: return !doNotText
        }
    }

    /// How a member is reached.
    package enum Channel: Hashable, Sendable { case call, text }
}

/// The state of a task.
public enum TaskStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case pending, done, cancelled, failed
    /// Could not fit in calling hours before the event: reported, not dropped.
    case unschedulable
    /// Folded into another call to the same member on the same day (`mergedInto`).
    case merged
    /// A reminder text held until the member says yes (`reminder_text_to = "yes"`).
    case waitingForYes
    /// A reminder text held until the event has a venue (or the organizer allows texts without one).
    case waitingForVenue

    /// Still to be done, or could become so: rescheduling recomputes it (a merge too).
    package var isOpen: Bool {
        switch self {
        case .pending, .unschedulable, .waitingForYes, .waitingForVenue, .merged: true
        case .done, .cancelled, .failed: false
        }
    }
}

/// One call or text to make, in a window of the member's calling hours.
public struct ReminderTask: Hashable, Sendable, Codable {
    /// The member to call or text.
    public var memberId: MemberID
    /// Which call or text of the sequence (follow-up call, reminder call, reminder text).
    public var kind: ReminderKind
    /// The event the task is for (`OutreachEvent.id`).
    package var eventId: String
    /// The event's start instant.
    package var eventStart: Date
    /// The start of the window the call or text is made in.
    public var windowStart: Date
    /// The end of the window: the call or text is due before it.
    package var windowEnd: Date
    /// The member's IANA zone (windows are in it).
    public var timeZone: String
    /// The volunteer who makes the call or sends the text.
    public var volunteer: String
    /// Where the task stands.
    public var status: TaskStatus
    /// Attempts recorded so far (each `calls log` of a new attempt adds one).
    package var attempt: Int
    /// Why the task is as it is ("one call a day" for a merge, the reason of a cancellation); nil otherwise.
    public var note: String?
    /// The task this one was folded into (status `merged`): one call a day per member.
    package var mergedInto: String?

    /// Creates a task.
    package init(
        memberId: MemberID, kind: ReminderKind, eventId: String, eventStart: Date, windowStart: Date, windowEnd: Date,
        timeZone: String, volunteer: String, status: TaskStatus, attempt: Int, note: String?, mergedInto: String? = nil
    ) {
        self.memberId = memberId
        self.kind = kind
        self.eventId = eventId
        self.eventStart = eventStart
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.timeZone = timeZone
        self.volunteer = volunteer
        self.status = status
        self.attempt = attempt
        self.note = note
        self.mergedInto = mergedInto
    }

    /// "eventId/memberId/kind": stable across re-scheduling (computed, not stored: 400,000 tasks
    /// would hold 400,000 more strings).
    public var taskId: String { Self.id(event: eventId, member: memberId, kind: kind) }

    /// The task id of `kind` for `member` at `event`: "eventId/memberId/kind".
    public static func id(event: String, member: MemberID, kind: ReminderKind) -> String {
        "\(event)/\(member.rawValue)/\(kind.rawValue)"
    }

    enum CodingKeys: String, CodingKey {
        case taskId, memberId, kind, eventId, eventStart, windowStart, windowEnd, timeZone, volunteer, status, attempt
        case note, mergedInto
    }

    /// Decodes a task; a stored `taskId` is ignored (it is recomputed from the fields).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        memberId = try c.decode(MemberID.self, forKey: .memberId)
        kind = try c.decode(ReminderKind.self, forKey: .kind)
        eventId = try c.decode(String.self, forKey: .eventId)
        eventStart = try c.decode(Date.self, forKey: .eventStart)
        windowStart = try c.decode(Date.self, forKey: .windowStart)
        windowEnd = try c.decode(Date.self, forKey: .windowEnd)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        volunteer = try c.decode(String.self, forKey: .volunteer)
        status = try c.decode(TaskStatus.self, forKey: .status)
        attempt = try c.decode(Int.self, forKey: .attempt)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        mergedInto = try c.decodeIfPresent(String.self, forKey: .mergedInto)
    }

    /// Encodes a task with its computed `taskId` first.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(taskId, forKey: .taskId)
        try c.encode(memberId, forKey: .memberId)
        try c.encode(kind, forKey: .kind)
        try c.encode(eventId, forKey: .eventId)
        try c.encode(eventStart, forKey: .eventStart)
        try c.encode(windowStart, forKey: .windowStart)
        try c.encode(windowEnd, forKey: .windowEnd)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(volunteer, forKey: .volunteer)
        try c.encode(status, forKey: .status)
        try c.encode(attempt, forKey: .attempt)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(mergedInto, forKey: .mergedInto)
    }
}
