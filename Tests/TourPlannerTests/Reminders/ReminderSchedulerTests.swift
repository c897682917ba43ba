import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Reminders: the three-step rhythm, calling hours, one call a day")
struct ReminderSchedulerTests {
    static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }
    static func instant(_ text: String) throws -> Date { try #require(ISO8601DateFormatter().date(from: text)) }
    static func invitee(_ id: String, zone: String, languages: [String] = ["English"], phone: String? = "+13035550101")
        -> Invitee
    {
        Invitee(
            memberID: MemberID(id), firstName: "Ada", name: "Ada Example", phoneRaw: phone, phoneE164: phone,
            timeZone: zone, languages: languages, doNotCall: false, doNotText: false, isUnaffiliated: true)
    }
    static func event(_ day: String, zone: String = "America/New_York", metro: String = "Boston", venue: String? = nil)
        throws -> OutreachEvent
    {
        OutreachEvent(
            metro: metro, cities: [metro], date: try date(day), start: LocalTime(hour: 10, minute: 0), timeZone: zone,
            latitude: 42.36, longitude: -71.06, venue: venue)
    }
    static func iso(_ task: ReminderTask?) -> String {
        task.map { LocalClock.iso($0.windowStart, zone: $0.timeZone) } ?? "none"
    }

    /// An event in Denver on Saturday 2014-06-14 at 10:00 MDT, scheduled on Sunday 2014-06-01 at
    /// 07:00 MDT (13:00 UTC).
    @Test("three steps: the follow-up call (first call), the reminder call 3 days before, the text on the day")
    func threeSteps() throws {
        let event = try Self.event("2014-06-14", zone: "America/Denver", metro: "Denver", venue: "Union Hall")
        let volunteer = Volunteer(name: "Rosa", timeZone: "America/New_York")
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, [Self.invitee("7", zone: "America/Denver")])], volunteers: [volunteer], existing: [:],
            rsvps: ["\(event.id)/7": .rsvpYes], now: try Self.instant("2014-06-01T13:00:00Z"))
        #expect(result.tasks.map(\.kind) == [.followUpCall, .reminderCall, .reminderText])
        let byKind = Dictionary(uniqueKeysWithValues: result.tasks.map { ($0.kind, $0) })
        // Follow-up: the first window after the contact: Sunday weekend hours from 12:00 MDT.
        #expect(Self.iso(byKind[.followUpCall]) == "2014-06-01T12:00:00-06:00")
        // Reminder call: 3 days before, Wednesday 2014-06-11, 10:00–20:00 MDT (12:00 on the New York clock).
        let reminder = try #require(byKind[.reminderCall])
        #expect(Self.iso(reminder) == "2014-06-11T10:00:00-06:00")
        #expect(LocalClock.iso(reminder.windowEnd, zone: "America/Denver") == "2014-06-11T20:00:00-06:00")
        #expect(LocalClock.clock(reminder.windowStart, zone: "America/New_York") == "12:00")
        // Text: the morning of the event at 09:00, before the 10:00 start; the member said yes.
        let text = try #require(byKind[.reminderText])
        #expect(Self.iso(text) == "2014-06-14T09:00:00-06:00" && text.status == .pending)
        #expect(text.windowEnd == (try Self.instant("2014-06-14T16:00:00Z")))
        #expect(result.tasks.allSatisfy { $0.volunteer == "Rosa" && $0.status == .pending })
    }

    @Test("the text waits for a yes (by default) and for a venue, unless the organizer allows it")
    func textHolds() throws {
        let now = try Self.instant("2014-06-02T14:00:00Z")
        let member = [Self.invitee("1", zone: "America/New_York")]
        let scheduler = ReminderScheduler(rules: ReminderRules())
        let noVenue = try Self.event("2014-06-14")
        let text = { (result: ReminderScheduler.Result) in result.tasks.first { $0.kind == .reminderText }?.status }
        #expect(
            text(scheduler.schedule(events: [(noVenue, member)], volunteers: [], existing: [:], now: now))
                == .waitingForYes)
        let yes = ["\(noVenue.id)/1": CallOutcome.rsvpYes]
        #expect(
            text(scheduler.schedule(events: [(noVenue, member)], volunteers: [], existing: [:], rsvps: yes, now: now))
                == .waitingForVenue)
        #expect(
            text(
                scheduler.schedule(
                    events: [(noVenue, member)], volunteers: [], existing: [:], rsvps: yes, now: now,
                    textsWithoutVenue: true)) == .pending)
        var everyone = ReminderRules()
        everyone.textAudience = .allInvitees
        let withVenue = try Self.event("2014-06-14", venue: "Library")
        #expect(
            text(
                ReminderScheduler(rules: everyone).schedule(
                    events: [(withVenue, member)], volunteers: [], existing: [:], now: now))
                == .pending)
    }

    @Test("a follow-up call past its due day (2 days after the contact) is still made, with a note")
    func lateFollowUp() throws {
        var event = try Self.event("2014-06-14", venue: "Library")
        event.scheduledAt = try Self.instant("2014-06-01T12:00:00Z")
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, [Self.invitee("1", zone: "America/New_York")])], volunteers: [], existing: [:],
            now: try Self.instant("2014-06-05T14:00:00Z"))
        let call = try #require(result.tasks.first { $0.kind == .followUpCall })
        #expect(call.status == .pending && Self.iso(call) == "2014-06-05T10:00:00-04:00")
        #expect(call.note == "late: the contact was on 2014-06-01, more than 2 days before")
    }

    @Test("a member who said no gets no reminder call")
    func noReminderAfterNo() throws {
        let event = try Self.event("2014-06-14", venue: "Library")
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, [Self.invitee("1", zone: "America/New_York")])], volunteers: [], existing: [:],
            rsvps: ["\(event.id)/1": .rsvpNo], now: try Self.instant("2014-06-02T14:00:00Z"))
        #expect(!result.tasks.contains { $0.kind == .reminderCall })
    }

    /// Two Boston events, Saturdays 06-14 and 06-21, scheduled on Wednesday 2014-06-11 at 10:00 EDT.
    /// Event 1: follow-up Wed; its reminder (3 days before = Wed) moves to Thu. Event 2: its
    /// follow-up (Wed) finds Wed and Thu taken and moves to Fri; its reminder stays on Wed 06-18.
    @Test("one member gets at most one call a day: a colliding call moves to the next free day")
    func oneCallADay() throws {
        let first = try Self.event("2014-06-14", venue: "Library")
        let second = try Self.event("2014-06-21", venue: "Library")
        let member = Self.invitee("1", zone: "America/New_York")
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(first, [member]), (second, [member])], volunteers: [], existing: [:],
            now: try Self.instant("2014-06-11T14:00:00Z"))
        let calls = result.tasks.filter { $0.kind.isCall }
        func start(_ event: OutreachEvent, _ kind: ReminderKind) -> String {
            Self.iso(calls.first { $0.eventId == event.id && $0.kind == kind })
        }
        #expect(start(first, .followUpCall) == "2014-06-11T10:00:00-04:00")
        #expect(start(first, .reminderCall) == "2014-06-12T10:00:00-04:00")
        #expect(start(second, .followUpCall) == "2014-06-13T10:00:00-04:00")
        #expect(start(second, .reminderCall) == "2014-06-18T10:00:00-04:00")
        #expect(calls.allSatisfy { $0.status == .pending })
    }

    /// Scheduled Friday 2014-06-13 at 10:00 EDT for Saturday 10:00: the follow-up takes Friday and
    /// no day is left for the reminder call before the event: it merges into the follow-up.
    @Test("a call with no free day left merges into the other call of that day")
    func mergesWhenNoDayLeft() throws {
        let event = try Self.event("2014-06-14", venue: "Library")
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, [Self.invitee("1", zone: "America/New_York")])], volunteers: [], existing: [:],
            now: try Self.instant("2014-06-13T14:00:00Z"))
        let reminder = try #require(result.tasks.first { $0.kind == .reminderCall })
        #expect(reminder.status == .merged)
        #expect(reminder.mergedInto == ReminderTask.id(event: event.id, member: MemberID("1"), kind: .followUpCall))
        #expect(result.mergedCalls == 1)
    }

    @Test("an event that has already started is reported as past and gets no tasks")
    func pastEvent() throws {
        let past = try Self.event("2014-06-07")
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(past, [Self.invitee("1", zone: "America/New_York")])], volunteers: [], existing: [:],
            now: try Self.instant("2026-12-01T12:00:00Z"))
        #expect(result.tasks.isEmpty)
        #expect(result.pastEvents.map(\.id) == ["2014-06-07-boston"])
        #expect(result.overloadedDays.isEmpty)
    }

    /// Europe/Oslo springs forward on Sunday 2015-03-29 at 02:00. A reminder call for an event on
    /// Wednesday 2015-04-01 falls on that Sunday: weekend hours 12:00–18:00 are CEST (UTC+2) that day.
    @Test(
        "a reminder on a DST switch day uses that day's offset",
        arguments: [
            ("Europe/Oslo", "2015-04-01", "2015-03-29T12:00:00+02:00"),
            ("America/Denver", "2015-03-11", "2015-03-08T12:00:00-06:00"),
            ("Australia/Sydney", "2015-04-08", "2015-04-05T12:00:00+10:00"),
            ("America/Phoenix", "2015-03-11", "2015-03-08T12:00:00-07:00"),
        ])
    func dstSwitch(zone: String, eventDate: String, expected: String) throws {
        let event = OutreachEvent(
            metro: "X", cities: ["X"], date: try Self.date(eventDate), start: LocalTime(hour: 18, minute: 0),
            timeZone: zone, latitude: 0, longitude: 0)
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, [Self.invitee("1", zone: zone)])], volunteers: [], existing: [:],
            now: try Self.instant("2015-01-10T00:00:00Z"))
        #expect(Self.iso(result.tasks.first { $0.kind == .reminderCall }) == expected)
    }

    /// A Los Angeles member; Kari calls from Oslo 17:00–21:00 her time. On Monday 2014-06-02 the
    /// member's 10:00–20:00 PDT is 19:00–05:00 in Oslo: the overlap is 19:00–21:00 Oslo =
    /// 10:00–12:00 PDT. On Sunday 2014-06-01 the member's 12:00–18:00 PDT is 21:00–03:00 in Oslo:
    /// no overlap, so the call goes to Rosa in New York (no hours given).
    @Test("calls go only to a volunteer whose own hours overlap the member's window")
    func volunteerHours() throws {
        let event = try Self.event("2014-06-14", zone: "America/Los_Angeles", metro: "Los Angeles", venue: "Hall")
        let kari = Volunteer(
            name: "Kari", timeZone: "Europe/Oslo",
            callingHours: HoursRange(start: LocalTime(hour: 17, minute: 0), end: LocalTime(hour: 21, minute: 0)))
        let rosa = Volunteer(name: "Rosa", timeZone: "America/New_York")
        let member = [Self.invitee("1", zone: "America/Los_Angeles")]
        let scheduler = ReminderScheduler(rules: ReminderRules())
        let monday = scheduler.schedule(
            events: [(event, member)], volunteers: [kari], existing: [:], now: try Self.instant("2014-06-02T15:00:00Z"))
        let call = try #require(monday.tasks.first { $0.kind == .followUpCall })
        #expect(call.volunteer == "Kari")
        #expect(Self.iso(call) == "2014-06-02T10:00:00-07:00")
        #expect(LocalClock.iso(call.windowEnd, zone: "America/Los_Angeles") == "2014-06-02T12:00:00-07:00")
        let sunday = scheduler.schedule(
            events: [(event, member)], volunteers: [kari, rosa], existing: [:],
            now: try Self.instant("2014-06-01T15:00:00Z"))
        #expect(sunday.tasks.filter { $0.kind.isCall }.allSatisfy { $0.volunteer == "Rosa" })
        let nobody = scheduler.schedule(
            events: [(event, member)], volunteers: [kari], existing: [:], now: try Self.instant("2014-06-01T15:00:00Z"))
        #expect(nobody.tasks.filter { $0.kind.isCall }.allSatisfy { $0.status == .unschedulable })
    }

    @Test("assignment prefers a shared language, balances load, and keeps a member with one volunteer")
    func assignment() throws {
        let event = try Self.event("2014-06-14", zone: "Europe/Oslo", metro: "Oslo")
        let volunteers = [
            Volunteer(name: "Anne", timeZone: "Europe/Oslo", languages: ["Norwegian"]),
            Volunteer(name: "Bob", timeZone: "Europe/Oslo", languages: ["English"]),
        ]
        let invitees = [
            Self.invitee("1", zone: "Europe/Oslo", languages: ["Norsk"]), Self.invitee("2", zone: "Europe/Oslo"),
            Self.invitee("3", zone: "Europe/Oslo", languages: ["Norwegian", "English"]),
        ]
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, invitees)], volunteers: volunteers, existing: [:],
            now: try Self.instant("2014-06-01T08:00:00Z"))
        let volunteerOf = Dictionary(
            result.tasks.map { ($0.memberId.rawValue, $0.volunteer) },
            uniquingKeysWith: { a, b in a == b ? a : "MIXED" })
        #expect(volunteerOf == ["1": "Anne", "2": "Bob", "3": "Anne"])
    }

    @Test("a volunteer's daily maximum of calls is respected while anyone has room, and reported when nobody has")
    func dailyMaximum() throws {
        let event = try Self.event("2014-06-14", zone: "Europe/Oslo", metro: "Oslo")
        let volunteers = [
            Volunteer(name: "Anne", timeZone: "Europe/Oslo", maxCallsPerDay: 2),
            Volunteer(name: "Bob", timeZone: "Europe/Oslo", maxCallsPerDay: 2),
        ]
        let invitees = (1...5).map { Self.invitee("\($0)", zone: "Europe/Oslo") }
        let result = ReminderScheduler(rules: ReminderRules()).schedule(
            events: [(event, invitees)], volunteers: volunteers, existing: [:],
            now: try Self.instant("2014-06-02T08:00:00Z"))
        // Every member has two calls on two days; two volunteers × 2 calls a day hold four members.
        let calls = result.tasks.filter { $0.kind == .followUpCall }
        let perVolunteer = Dictionary(grouping: calls, by: \.volunteer).mapValues(\.count)
        #expect(perVolunteer["Anne", default: 0] + perVolunteer["Bob", default: 0] == 5)
        #expect(result.overloadedDays.count == 2)  // the fifth member's two call days
        #expect(result.overloadedDays.allSatisfy { $0.hasPrefix("Anne on ") })
    }

    @Test("the in-place permutation puts every element where the order says")
    func permutation() {
        var items = ["a", "b", "c", "d", "e", "f"]
        ReminderScheduler.permute(&items, by: [2, 0, 1, 5, 4, 3])
        #expect(items == ["c", "a", "b", "f", "e", "d"])
    }

    @Test(
        "CSV cells that a spreadsheet would evaluate are neutralized",
        arguments: [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1 617 555 0142", "'+1 617 555 0142"), ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTab", "'\tTab"), ("Ada", "Ada"), ("a\rb", "a\rb"),
        ])
    func spreadsheetSafety(cell: String, safe: String) {
        #expect(SpreadsheetSafety.neutralize(cell) == safe)
    }
}
