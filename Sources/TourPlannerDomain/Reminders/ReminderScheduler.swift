public import Foundation
import TourPlannerCore

/// Turns events and invitees into dated call and text tasks in each member's calling hours,
/// assigned to volunteers whose own calling hours fit.
///
/// The rhythm (from `ReminderRules`): the **follow-up call**, the first call with the invitation,
/// in the first window from `now`, due within `followUpWithinDays` of the contact (the event's
/// scheduling, or the member joining if later; a call past that is still made, with a note);
/// the **reminder call** `reminderCallDaysBefore` days before the event, unless the member said
/// no; the **reminder text** on the event day at `reminderTextTime` (never after the start), held
/// until the member says yes (`textAudience`) and until the event has a venue (unless
/// `textsWithoutVenue`). A task whose window would start at or after the event is
/// `unschedulable`: reported, not dropped. An event that has already started gets no tasks and
/// its stored tasks are left as they are (`Result.pastEvents`).
///
/// One member gets at most one call a day: a call falling on the day of another call of theirs
/// moves to the next free day before its limit (a follow-up call before the reminder call's day,
/// a reminder call before the event day), or is `merged` into the other call.
///
/// Assignment: `VolunteerAssigner`.
public struct ReminderScheduler: Sendable {
    /// The cadence, calling hours and text audience the schedule follows.
    package var rules: ReminderRules
    /// Creates a scheduler following `rules`.
    public init(rules: ReminderRules) { self.rules = rules }

    typealias Window = (start: Date, end: Date)

    /// The windows of one (event, member zone) pair, computed once.
    struct Planned {
        var followUp: Window?
        var reminder: Window?
        var text: Window?
        /// Set when the follow-up call falls past its due day.
        var followUpNote: String?
        /// Member-local day numbers of the two calls.
        var followUpDay = Int.min
        var reminderDay = Int.min
        /// Per volunteer: the two call windows narrowed to the volunteer's hours (nil: no fit).
        var fits: [(followUp: Window?, reminder: Window?)?] = []
    }

    /// What scheduling produced.
    public struct Result: Sendable {
        /// Every task of the scheduled events, new and recomputed ones, and stored ones kept as recorded.
        public var tasks: [ReminderTask]
        /// Members left out, with the reason (no phone, opted out of both channels…).
        package var skipped: [(memberID: MemberID, eventID: String, reason: String)]
        /// Volunteer days with more calls than the volunteer's maximum (every volunteer was full).
        package var overloadedDays: [String] = []
        /// Events that have already started (relative to `now`): no tasks, stored ones untouched.
        package var pastEvents: [OutreachEvent] = []
        /// Calls folded into another call of the same member on the same day.
        package var mergedCalls = 0
    }

    /// Schedules every event.
    ///
    /// - Parameters:
    ///   - events: each event with the members invited to it.
    ///   - volunteers: who makes the calls, with their hours and daily maximum.
    ///   - existing: tasks already stored: done, cancelled and failed ones are kept as recorded;
    ///     open ones (merged too) are recomputed, keeping their volunteer, attempts and a retry's
    ///     later window.
    ///   - rsvps: the member's answer per event, keyed `eventId/memberId` (`rsvp-yes` or `rsvp-no`).
    ///   - now: when the schedule is made (tasks never start earlier).
    ///   - textsWithoutVenue: the organizer allows reminder texts for events with no venue yet.
    /// - Returns: the tasks, the members skipped with the reason, overloaded volunteer days, events
    ///   already started and the number of merged calls.
    /// - Complexity: O(e · m) for e events and m invitees each.
    public func schedule(
        events: [(event: OutreachEvent, invitees: [Invitee])], volunteers: [Volunteer],
        existing: [String: ReminderTask], rsvps: [String: CallOutcome] = [:], now: Date,
        textsWithoutVenue: Bool = false
    ) -> Result {
        let hours = CallingHours(rules: rules)
        var planCache: [String: Planned] = [:]
        func localDay(_ instant: Date, _ zone: String) -> Int {
            LocalClock.localDate(instant, zone: zone)?.daysSinceEpoch ?? Int.min
        }
        func plan(_ event: OutreachEvent, zone: String, eventStart: Date, contact: Date?) -> Planned {
            let key = event.id + "|" + zone
            if contact == nil, let cached = planCache[key] { return cached }
            var planned = Planned()
            planned.followUp = hours.firstWindow(atOrAfter: now, zone: zone)
            if let window = planned.followUp,
                let contactDay = LocalClock.localDate(
                    min(now, contact ?? event.scheduledAt ?? now), zone: zone),
                let day = LocalClock.localDate(window.start, zone: zone),
                day > contactDay.adding(days: rules.followUpWithinDays)
            {
                planned.followUpNote =
                    "late: the contact was on \(contactDay), more than \(rules.followUpWithinDays) days before"
            }
            var reminder = hours.window(on: event.date.adding(days: -rules.reminderCallDaysBefore), zone: zone)
            if let window = reminder, window.end <= now { reminder = hours.firstWindow(atOrAfter: now, zone: zone) }
            if let window = reminder, window.start < now { reminder = (now, window.end) }
            planned.reminder = reminder
            if let textTime = LocalClock.instant(date: event.date, time: rules.reminderTextTime, zone: zone),
                let earliest = LocalClock.instant(date: event.date, time: rules.textEarliest, zone: zone)
            {
                let start = textTime < eventStart ? textTime : earliest
                planned.text = start < now ? nil : (start, min(eventStart, start.addingTimeInterval(7200)))
            }
            planned.followUpDay = planned.followUp.map { localDay($0.start, zone) } ?? Int.min
            planned.reminderDay = planned.reminder.map { localDay($0.start, zone) } ?? Int.min
            planned.fits = volunteers.map { volunteer in
                let followUp = planned.followUp.flatMap { volunteer.fit($0) }
                let reminder = planned.reminder.flatMap { volunteer.fit($0) }
                if (planned.followUp != nil && followUp == nil) || (planned.reminder != nil && reminder == nil) {
                    return nil
                }
                return (followUp, reminder)
            }
            if contact == nil { planCache[key] = planned }
            return planned
        }
        var tasks: [ReminderTask] = []
        tasks.reserveCapacity(events.reduce(0) { $0 + $1.invitees.count } * 3)
        var skipped: [(MemberID, String, String)] = []
        var past: [OutreachEvent] = []
        var merged = 0
        var assigner = VolunteerAssigner(volunteers: volunteers, existing: existing)
        /// Member → (local day, task id) of the member's open calls placed so far in this run.
        var callDays: [MemberID: [CallDay]] = [:]

        var repeated = Set<MemberID>()
        if events.count > 1 {
            var seen = Set<MemberID>()
            for (_, invitees) in events {
                for invitee in invitees where !seen.insert(invitee.memberID).inserted {
                    repeated.insert(invitee.memberID)
                }
            }
        }
        for (event, invitees) in events.sorted(by: { ($0.event.date, $0.event.id) < ($1.event.date, $1.event.id) }) {
            guard let eventStart = event.startInstant, eventStart > now else {
                past.append(event)
                continue
            }
            // Unaffiliated first, then by id (numeric ids numerically); keys computed once.
            // Sorted as small keys, not as invitees: moving 100,000 whole invitees costs more.
            var keys = invitees.indices.map {
                (invitees[$0].isUnaffiliated ? 0 : 1, Int64(invitees[$0].memberID.rawValue) ?? Int64.max, $0)
            }
            keys.sort {
                ($0.0, $0.1) != ($1.0, $1.1)
                    ? ($0.0, $0.1) < ($1.0, $1.1)
                    : (invitees[$0.2].memberID.rawValue, $0.2) < (invitees[$1.2].memberID.rawValue, $1.2)
            }
            var lastZone = ""
            var lastPlanned = Planned()
            for (_, _, position) in keys {
                let invitee = invitees[position]
                /// Only members invited to several events can have two calls on one day.
                let tracked = repeated.contains(invitee.memberID)
                let canCall = invitee.isContactable(for: .call)
                let canText = invitee.isContactable(for: .text)
                if !canCall && !canText {
                    let reason =
                        invitee.phoneRaw == nil
                        ? "no phone number"
                        : invitee.phoneFlaggedWrong
                            ? "phone flagged as a wrong number" : "asked not to be called or texted"
                    skipped.append((invitee.memberID, event.id, reason))
                    continue
                }
                let zone = invitee.timeZone
                let contact = invitee.joinedAt.flatMap { $0 > (event.scheduledAt ?? now) ? $0 : nil }
                if contact != nil || zone != lastZone {
                    lastPlanned = plan(event, zone: zone, eventStart: eventStart, contact: contact)
                    lastZone = contact == nil ? zone : ""
                }
                var planned = lastPlanned
                let answer = rsvps.isEmpty ? nil : rsvps[event.id + "/" + invitee.memberID.rawValue]
                func previous(_ kind: ReminderKind) -> ReminderTask? {
                    existing.isEmpty
                        ? nil : existing[ReminderTask.id(event: event.id, member: invitee.memberID, kind: kind)]
                }
                let wantsReminder = canCall && answer != .rsvpNo
                // One call a day: resolve collisions with this member's calls for earlier events first.
                var followUp = planned.followUp
                var reminder = wantsReminder ? planned.reminder : nil
                var followUpMerged: String?
                var reminderMerged: String?
                var followUpDay = Int.min
                /// The member-local day of a call's window (cached unless the call moved).
                func day(of window: Window?, planned plannedWindow: Window?, _ plannedDay: Int) -> Int {
                    guard let window else { return Int.min }
                    return window.start == plannedWindow?.start ? plannedDay : localDay(window.start, zone)
                }
                if canCall {
                    let taken = tracked ? callDays[invitee.memberID] ?? [] : []
                    if !taken.isEmpty {
                        let limit = reminder.map { localDay($0.start, zone) } ?? localDay(eventStart, zone)
                        let before = followUp?.start
                        (followUp, followUpMerged) = move(
                            followUp, member: invitee.memberID, day: planned.followUpDay, taken: taken, limit: limit,
                            zone: zone,
                            eventStart: eventStart, hours: hours)
                        if followUpMerged != nil || followUp?.start != before { planned.fits = [] }
                    }
                    followUpDay =
                        followUpMerged == nil
                        ? day(of: followUp, planned: planned.followUp, planned.followUpDay) : Int.min
                    if reminder != nil {
                        var occupied = taken
                        if followUpMerged == nil, followUp != nil {
                            occupied.append(CallDay(day: followUpDay, eventID: event.id, kind: .followUpCall))
                        }
                        let day = planned.reminderDay
                        if occupied.contains(where: { $0.day == day }) || (followUpDay != Int.min && day < followUpDay)
                        {
                            (reminder, reminderMerged) = move(
                                reminder, member: invitee.memberID, day: max(day, followUpDay), taken: occupied,
                                limit: localDay(eventStart, zone),
                                zone: zone, eventStart: eventStart, hours: hours)
                            planned.fits = []
                        }
                    }
                }
                // Volunteers whose hours fit both calls.
                let followUpOpen = canCall && followUpMerged == nil && previous(.followUpCall)?.status.isOpen != false
                let reminderOpen =
                    wantsReminder && reminderMerged == nil && previous(.reminderCall)?.status.isOpen != false
                let fits = planned.fits
                func fit(_ index: Int) -> (followUp: Window?, reminder: Window?)? {
                    if !fits.isEmpty { return fits[index] }
                    let volunteer = volunteers[index]
                    let a = followUpOpen ? followUp.flatMap { volunteer.fit($0) } : nil
                    let b = reminderOpen ? reminder.flatMap { volunteer.fit($0) } : nil
                    if (followUpOpen && followUp != nil && a == nil) || (reminderOpen && reminder != nil && b == nil) {
                        return nil
                    }
                    return (a, b)
                }
                let utcDays = [followUpOpen ? followUp : nil, reminderOpen ? reminder : nil].compactMap {
                    $0.map { Int(($0.start.timeIntervalSince1970 / 86_400).rounded(.down)) }
                }
                let assignment =
                    canCall && (followUpOpen || reminderOpen)
                    ? assigner.assign(invitee, callDays: utcDays, fits: { fit($0) != nil })
                    : assigner.assign(invitee, callDays: [], fits: { _ in true })
                var volunteerName = ""
                var narrowed: (followUp: Window?, reminder: Window?)? = (followUp, reminder)
                switch assignment {
                case .unassigned(let name): volunteerName = name
                case .volunteer(let index):
                    volunteerName = volunteers[index].name
                    if canCall { narrowed = fit(index) ?? (followUp, reminder) }
                case .noFit: narrowed = nil
                }
                func make(
                    _ kind: ReminderKind, _ window: Window?, status: TaskStatus = .pending, note: String? = nil,
                    mergedInto: String? = nil
                ) {
                    let old = previous(kind)
                    if let old, !old.status.isOpen {
                        tasks.append(old)  // done, cancelled or failed: kept as recorded
                        return
                    }
                    var task = ReminderTask(
                        memberId: invitee.memberID, kind: kind, eventId: event.id, eventStart: eventStart,
                        windowStart: window?.start ?? eventStart, windowEnd: window?.end ?? eventStart, timeZone: zone,
                        volunteer: volunteerName, status: status, attempt: old?.attempt ?? 0, note: note,
                        mergedInto: mergedInto)
                    if let old, old.status == .pending, old.attempt > 0, old.windowStart > task.windowStart,
                        old.windowStart < eventStart
                    {
                        task.windowStart = old.windowStart  // a retry already moved later
                        task.windowEnd = old.windowEnd
                        task.note = old.note
                    }
                    if status.isOpen, status != .merged, window == nil || task.windowStart >= eventStart {
                        task.status = .unschedulable
                        task.note = status == .unschedulable ? note : "no calling window before the event starts"
                    }
                    tasks.append(task)
                }
                if canCall {
                    if let into = followUpMerged {
                        make(.followUpCall, followUp, status: .merged, note: "one call a day", mergedInto: into)
                        merged += 1
                    } else if narrowed == nil {
                        make(.followUpCall, nil, status: .unschedulable, note: "no volunteer's calling hours fit")
                    } else {
                        make(.followUpCall, narrowed?.followUp ?? followUp, note: planned.followUpNote)
                        if let window = followUp, previous(.followUpCall)?.status.isOpen != false, tracked {
                            callDays[invitee.memberID, default: []].append(
                                CallDay(
                                    day: day(of: window, planned: planned.followUp, planned.followUpDay),
                                    eventID: event.id, kind: .followUpCall))
                        }
                    }
                    if wantsReminder || previous(.reminderCall) != nil {
                        if let into = reminderMerged {
                            make(.reminderCall, reminder, status: .merged, note: "one call a day", mergedInto: into)
                            merged += 1
                        } else if narrowed == nil {
                            make(.reminderCall, nil, status: .unschedulable, note: "no volunteer's calling hours fit")
                        } else {
                            make(.reminderCall, narrowed?.reminder ?? reminder)
                            if let window = reminder, previous(.reminderCall)?.status.isOpen != false, tracked {
                                callDays[invitee.memberID, default: []].append(
                                    CallDay(
                                        day: day(of: window, planned: planned.reminder, planned.reminderDay),
                                        eventID: event.id, kind: .reminderCall))
                            }
                        }
                    }
                }
                if canText {
                    if rules.textAudience == .confirmed && answer != .rsvpYes {
                        make(
                            .reminderText, planned.text, status: .waitingForYes, note: "held until the member says yes")
                    } else if event.venue == nil && !textsWithoutVenue {
                        make(
                            .reminderText, planned.text, status: .waitingForVenue,
                            note: "held: the event has no venue yet")
                    } else {
                        make(.reminderText, planned.text)
                    }
                }
            }
        }
        // By window, then in generation order (events by date, members as ordered above): an
        // index sort and an in-place permutation, so the tasks are never copied.
        var keys = tasks.indices.map { (tasks[$0].windowStart.timeIntervalSince1970, $0) }
        keys.sort { $0 < $1 }
        Self.permute(&tasks, by: keys.map(\.1))
        return Result(
            tasks: tasks, skipped: skipped.map { ($0.0, $0.1, $0.2) }, overloadedDays: assigner.overloaded.sorted(),
            pastEvents: past, mergedCalls: merged)
    }

    /// A call on a day already taken moves to the member's next free calling day before `limit`
    /// (a local day number) and before the event; else it merges into the call holding its day.
    func move(
        _ window: Window?, member: MemberID, day: Int, taken: [CallDay], limit: Int, zone: String, eventStart: Date,
        hours: CallingHours
    ) -> (Window?, mergedInto: String?) {
        guard let window, let holder = taken.first(where: { $0.day == day }) else { return (window, nil) }
        var candidate = day + 1
        while candidate < limit {
            let date = CalendarDate(daysSinceEpoch: candidate)
            if !taken.contains(where: { $0.day == candidate }), let next = hours.window(on: date, zone: zone),
                next.start < eventStart
            {
                return ((next.start, min(next.end, eventStart)), nil)
            }
            candidate += 1
        }
        return (window, ReminderTask.id(event: holder.eventID, member: member, kind: holder.kind))
    }

    /// A call placed for a member in this run: its local day and which task it is.
    struct CallDay {
        var day: Int
        var eventID: String
        var kind: ReminderKind
    }

    /// Reorders `items` so that `items[i]` becomes the old `items[order[i]]`, by following cycles
    /// with swaps (no element is copied out, so no reference counting).
    static func permute<T>(_ items: inout [T], by order: [Int]) {
        var done = [Bool](repeating: false, count: items.count)
        items.withUnsafeMutableBufferPointer { buffer in
            for start in buffer.indices where !done[start] {
                var current = start
                while true {
                    done[current] = true
                    let next = order[current]
                    if next == start { break }
                    buffer.swapAt(current, next)
                    current = next
                }
            }
        }
    }
}
