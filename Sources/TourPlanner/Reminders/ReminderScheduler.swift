public import Foundation

/// Turns events and invitees into dated call and text tasks in each member's calling hours,
/// assigned to volunteers.
///
/// Cadence (from `ReminderRules`): an invite call in the first window once the event is
/// scheduled; a follow-up call from the day after the first contact, within
/// `followUpWithinDays`; a reminder call `reminderCallDaysBefore` days before the event; a
/// reminder text on the event day at `reminderTextTime` (never after the event starts).
/// A task whose window would start at or after the event is `unschedulable`: reported, not dropped.
///
/// Assignment: a member keeps the volunteer they already have (across the whole cadence and
/// across re-runs); new members go to the volunteer with the fewest members so far among those
/// sharing a language with the member (all volunteers when none does), ties by name.
public struct ReminderScheduler: Sendable {
    public var rules: ReminderRules
    public init(rules: ReminderRules) { self.rules = rules }

    struct Planned {
        var invite: (start: Date, end: Date)? = nil
        var followUp: (start: Date, end: Date)? = nil
        var reminder: (start: Date, end: Date)? = nil
        var text: (start: Date, end: Date)? = nil
    }

    /// What scheduling produced.
    public struct Result: Sendable {
        public var tasks: [ReminderTask]
        /// Members left out, with the reason (no phone, opted out of both channels…).
        public var skipped: [(memberID: MemberID, eventID: String, reason: String)]
        /// Volunteer days with more calls than the volunteer's maximum (every volunteer was full).
        public var overloadedDays: [String] = []
    }

    /// Schedules every event.
    ///
    /// - Parameters:
    ///   - existing: tasks already stored: their status, volunteer and attempts are kept.
    ///   - now: when the schedule is made (tasks never start earlier).
    /// - Complexity: O(e · m) for e events and m invitees each; about 1 µs of window arithmetic per task.
    public func schedule(
        events: [(event: OutreachEvent, invitees: [Invitee])], volunteers: [Volunteer],
        existing: [String: ReminderTask], now: Date
    ) -> Result {
        let hours = CallingHours(rules: rules)
        // The four windows depend only on the event and the member's zone: computed once per pair.
        var planCache: [String: Planned] = [:]
        func followUpWindow(after contactTime: Date, zone: String) -> (start: Date, end: Date)? {
            guard let contactDay = LocalClock.localDate(contactTime, zone: zone),
                let dayStart = LocalClock.instant(
                    date: contactDay.adding(days: 1), time: LocalTime(hour: 0, minute: 0), zone: zone),
                let window = hours.firstWindow(atOrAfter: dayStart, zone: zone),
                let day = LocalClock.localDate(window.start, zone: zone),
                day <= contactDay.adding(days: rules.followUpWithinDays)
            else { return nil }
            return window
        }
        func windowsFor(event: OutreachEvent, zone: String, eventStart: Date) -> Planned {
            let key = event.id + "|" + zone
            if let cached = planCache[key] { return cached }
            let invite = hours.firstWindow(
                atOrAfter: now.addingTimeInterval(Double(rules.inviteCallOffsetDays) * 86_400), zone: zone)
            let followUp = followUpWindow(after: invite?.start ?? now, zone: zone)
            var reminder = hours.window(on: event.date.adding(days: -rules.reminderCallDaysBefore), zone: zone)
            if let window = reminder, window.end <= now { reminder = hours.firstWindow(atOrAfter: now, zone: zone) }
            if let window = reminder, window.start < now { reminder = (now, window.end) }
            var text: (start: Date, end: Date)?
            if let textTime = LocalClock.instant(date: event.date, time: rules.reminderTextTime, zone: zone),
                let earliest = LocalClock.instant(date: event.date, time: rules.textEarliest, zone: zone)
            {
                let start = textTime < eventStart ? textTime : earliest
                text = start < now ? nil : (start, min(eventStart, start.addingTimeInterval(7200)))
            }
            let planned = Planned(invite: invite, followUp: followUp, reminder: reminder, text: text)
            planCache[key] = planned
            return planned
        }
        var tasks: [ReminderTask] = []
        var skipped: [(MemberID, String, String)] = []
        var volunteerOf: [MemberID: String] = [:]
        for task in existing.values { volunteerOf[task.memberId] = task.volunteer }
        let indexOf = Dictionary(
            volunteers.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var load = [Int](repeating: 0, count: volunteers.count)
        for (_, name) in volunteerOf { if let index = indexOf[name] { load[index] += 1 } }
        let volunteerLanguages = volunteers.map { Set($0.languages.map(ReminderRules.languageCode)) }
        // Volunteers sharing a language, per distinct language list (computed once each).
        var poolOf: [[String]: [Int]] = [:]

        // Calls per volunteer per day (UTC day number), against each volunteer's daily maximum.
        var dayLoad = [[Int: Int]](repeating: [:], count: volunteers.count)
        var overloaded = Set<String>()
        func hasRoom(_ index: Int, _ days: [Int]) -> Bool {
            days.allSatisfy { (dayLoad[index][$0] ?? 0) < volunteers[index].maxCallsPerDay }
        }
        func book(_ index: Int, _ days: [Int]) {
            for day in days {
                dayLoad[index][day, default: 0] += 1
                if (dayLoad[index][day] ?? 0) > volunteers[index].maxCallsPerDay {
                    overloaded.insert("\(volunteers[index].name) on \(CalendarDate(daysSinceEpoch: day))")
                }
            }
        }
        func assign(_ invitee: Invitee, callDays: [Int]) -> String {
            if let name = volunteerOf[invitee.memberID], let index = indexOf[name] {
                book(index, callDays)  // one member, one volunteer, across the cadence
                return name
            }
            if let name = volunteerOf[invitee.memberID], volunteers.isEmpty { return name }
            guard !volunteers.isEmpty else { return "" }
            let pool: [Int]
            if let cached = poolOf[invitee.languages] {
                pool = cached
            } else {
                let languages = Set(invitee.languages.map(ReminderRules.languageCode))
                let sharing = volunteers.indices.filter { !volunteerLanguages[$0].isDisjoint(with: languages) }
                pool = sharing.isEmpty ? Array(volunteers.indices) : sharing
                poolOf[invitee.languages] = pool
            }
            // Least loaded with room on those days: among those sharing a language, else anyone,
            // else (everyone full) the least loaded sharing a language, reported as over capacity.
            func leastLoaded(_ candidates: [Int]) -> Int? {
                candidates.min { (load[$0], volunteers[$0].name) < (load[$1], volunteers[$1].name) }
            }
            let chosen =
                leastLoaded(pool.filter { hasRoom($0, callDays) })
                ?? leastLoaded(volunteers.indices.filter { hasRoom($0, callDays) }) ?? leastLoaded(pool) ?? 0
            load[chosen] += 1
            book(chosen, callDays)
            volunteerOf[invitee.memberID] = volunteers[chosen].name
            return volunteers[chosen].name
        }

        for (event, invitees) in events.sorted(by: { ($0.event.date, $0.event.id) < ($1.event.date, $1.event.id) }) {
            guard let eventStart = event.startInstant else { continue }
            // Unaffiliated first, then by id (numeric ids numerically); keys computed once.
            let ordered = invitees.map {
                ($0.isUnaffiliated ? 0 : 1, Int64($0.memberID.rawValue) ?? Int64.max, $0.memberID.rawValue, $0)
            }
            .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map(\.3)
            var lastZone = ""
            var lastPlanned = Planned()
            for invitee in ordered {
                let canCall = !invitee.doNotCall && invitee.phoneRaw != nil && !invitee.phoneFlaggedWrong
                let canText = !invitee.doNotText && invitee.phoneRaw != nil && !invitee.phoneFlaggedWrong
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
                if zone != lastZone {
                    lastPlanned = windowsFor(event: event, zone: zone, eventStart: eventStart)
                    lastZone = zone
                }
                let callDays =
                    canCall
                    ? [lastPlanned.invite, lastPlanned.followUp, lastPlanned.reminder].compactMap {
                        $0.map { Int(($0.start.timeIntervalSince1970 / 86_400).rounded(.down)) }
                    }
                    : []
                let volunteer = assign(invitee, callDays: callDays)
                func make(_ kind: ReminderKind, _ window: (start: Date, end: Date)?) {
                    let id = ReminderTask.id(event: event.id, member: invitee.memberID, kind: kind)
                    let previous = existing.isEmpty ? nil : existing[id]
                    if let old = previous, old.status != .pending && old.status != .unschedulable {
                        tasks.append(old)  // done, cancelled or failed: kept as recorded
                        return
                    }
                    var task = ReminderTask(
                        taskId: id, memberId: invitee.memberID, kind: kind, eventId: event.id, eventStart: eventStart,
                        windowStart: window?.start ?? eventStart, windowEnd: window?.end ?? eventStart, timeZone: zone,
                        volunteer: previous?.volunteer ?? volunteer, status: .pending, attempt: previous?.attempt ?? 0,
                        note: previous?.note)
                    if let old = previous, old.status == .pending, old.attempt > 0, old.windowStart > task.windowStart {
                        task.windowStart = old.windowStart  // a retry already moved later
                        task.windowEnd = old.windowEnd
                    }
                    if window == nil || task.windowStart >= eventStart {
                        task.status = .unschedulable
                        task.note = "no calling window before the event starts"
                    }
                    tasks.append(task)
                }
                let planned = lastPlanned
                if canCall {
                    make(.inviteCall, planned.invite)
                    let contact =
                        existing.isEmpty
                        ? nil : existing[ReminderTask.id(event: event.id, member: invitee.memberID, kind: .inviteCall)]
                    if contact?.status == .done, let contactTime = contact?.windowStart {
                        make(.followUpCall, followUpWindow(after: contactTime, zone: zone))
                    } else {
                        make(.followUpCall, planned.followUp)
                    }
                    make(.reminderCall, planned.reminder)
                }
                if canText { make(.reminderText, planned.text) }
            }
        }
        // By window, then in generation order (events by date, members as ordered above): deterministic and cheap.
        let sorted = tasks.enumerated().sorted {
            ($0.element.windowStart, $0.offset) < ($1.element.windowStart, $1.offset)
        }.map(\.element)
        return Result(tasks: sorted, skipped: skipped.map { ($0.0, $0.1, $0.2) }, overloadedDays: overloaded.sorted())
    }
}
