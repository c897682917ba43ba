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

    /// What scheduling produced.
    public struct Result: Sendable {
        public var tasks: [ReminderTask]
        /// Members left out, with the reason (no phone, opted out of both channels…).
        public var skipped: [(memberID: MemberID, eventID: String, reason: String)]
    }

    /// Schedules every event.
    ///
    /// - Parameters:
    ///   - existing: tasks already stored: their status, volunteer and attempts are kept.
    ///   - now: when the schedule is made (tasks never start earlier).
    /// - Complexity: O(e · m) for e events and m invitees each; about 1 µs of window arithmetic per task.
    public func schedule(
        events: [(event: OutreachEvent, invitees: [Invitee])], volunteers: [Volunteer], existing: [String: ReminderTask], now: Date
    ) -> Result {
        let hours = CallingHours(rules: rules)
        var tasks: [ReminderTask] = []
        var skipped: [(MemberID, String, String)] = []
        var volunteerOf: [MemberID: String] = [:]
        for task in existing.values { volunteerOf[task.memberId] = task.volunteer }
        var load: [String: Int] = Dictionary(uniqueKeysWithValues: volunteers.map { ($0.name, 0) })
        for (_, name) in volunteerOf where load[name] != nil { load[name, default: 0] += 1 }
        let volunteerLanguages = Dictionary(uniqueKeysWithValues: volunteers.map { ($0.name, Set($0.languages.map(ReminderRules.languageCode))) })

        func assign(_ invitee: Invitee) -> String {
            if let name = volunteerOf[invitee.memberID], load[name] != nil || volunteers.isEmpty { return name }
            guard !volunteers.isEmpty else { return "" }
            let languages = Set(invitee.languages.map(ReminderRules.languageCode))
            let sharing = volunteers.filter { !(volunteerLanguages[$0.name] ?? []).isDisjoint(with: languages) }
            let pool = sharing.isEmpty ? volunteers : sharing
            let chosen = pool.min { (load[$0.name] ?? 0, $0.name) < (load[$1.name] ?? 0, $1.name) }?.name ?? ""
            load[chosen, default: 0] += 1
            volunteerOf[invitee.memberID] = chosen
            return chosen
        }

        for (event, invitees) in events.sorted(by: { ($0.event.date, $0.event.id) < ($1.event.date, $1.event.id) }) {
            guard let eventStart = event.startInstant else { continue }
            for invitee in invitees.sorted(by: { ($0.isUnaffiliated ? 0 : 1, $0.memberID) < ($1.isUnaffiliated ? 0 : 1, $1.memberID) }) {
                let canCall = !invitee.doNotCall && invitee.phoneRaw != nil && !invitee.phoneFlaggedWrong
                let canText = !invitee.doNotText && invitee.phoneRaw != nil && !invitee.phoneFlaggedWrong
                if !canCall && !canText {
                    let reason = invitee.phoneRaw == nil ? "no phone number" : invitee.phoneFlaggedWrong ? "phone flagged as a wrong number" : "asked not to be called or texted"
                    skipped.append((invitee.memberID, event.id, reason))
                    continue
                }
                let volunteer = assign(invitee)
                let zone = invitee.timeZone
                func make(_ kind: ReminderKind, _ window: (start: Date, end: Date)?) {
                    let id = ReminderTask.id(event: event.id, member: invitee.memberID, kind: kind)
                    if let old = existing[id], old.status != .pending && old.status != .unschedulable {
                        tasks.append(old)  // done, cancelled or failed: kept as recorded
                        return
                    }
                    var task = ReminderTask(
                        taskId: id, memberId: invitee.memberID, kind: kind, eventId: event.id, eventStart: eventStart,
                        windowStart: window?.start ?? eventStart, windowEnd: window?.end ?? eventStart, timeZone: zone,
                        volunteer: existing[id]?.volunteer ?? volunteer, status: .pending, attempt: existing[id]?.attempt ?? 0, note: existing[id]?.note)
                    if let old = existing[id], old.status == .pending, old.attempt > 0, old.windowStart > task.windowStart {
                        task.windowStart = old.windowStart  // a retry already moved later
                        task.windowEnd = old.windowEnd
                    }
                    if window == nil || task.windowStart >= eventStart {
                        task.status = .unschedulable
                        task.note = "no calling window before the event starts"
                    }
                    tasks.append(task)
                }
                if canCall {
                    let invite = hours.firstWindow(atOrAfter: now.addingTimeInterval(Double(rules.inviteCallOffsetDays) * 86_400), zone: zone)
                    make(.inviteCall, invite)
                    // Follow-up: from the day after the (planned or recorded) first contact.
                    let contact = existing[ReminderTask.id(event: event.id, member: invitee.memberID, kind: .inviteCall)]
                    let contactTime = contact?.status == .done ? (contact?.windowStart ?? now) : (invite?.start ?? now)
                    var followUp: (start: Date, end: Date)?
                    if let contactDay = LocalClock.localDate(contactTime, zone: zone),
                        let dayStart = LocalClock.instant(date: contactDay.adding(days: 1), time: LocalTime(hour: 0, minute: 0), zone: zone),
                        let window = hours.firstWindow(atOrAfter: dayStart, zone: zone),
                        let deadlineDay = LocalClock.localDate(window.start, zone: zone), deadlineDay <= contactDay.adding(days: rules.followUpWithinDays)
                    {
                        followUp = window
                    }
                    make(.followUpCall, followUp)
                    let reminderDay = event.date.adding(days: -rules.reminderCallDaysBefore)
                    var reminder = hours.window(on: reminderDay, zone: zone)
                    if let window = reminder, window.end <= now { reminder = hours.firstWindow(atOrAfter: now, zone: zone) }
                    if let window = reminder, window.start < now { reminder = (now, window.end) }
                    make(.reminderCall, reminder)
                }
                if canText {
                    let textTime = LocalClock.instant(date: event.date, time: rules.reminderTextTime, zone: zone)
                    let earliest = LocalClock.instant(date: event.date, time: rules.textEarliest, zone: zone)
                    var window: (start: Date, end: Date)?
                    if let textTime, let earliest {
                        let start = textTime < eventStart ? textTime : earliest
                        window = (start, min(eventStart, start.addingTimeInterval(7200)))
                        if start < now { window = nil }
                    }
                    make(.reminderText, window)
                }
            }
        }
        return Result(tasks: tasks.sorted { ($0.windowStart, $0.taskId) < ($1.windowStart, $1.taskId) }, skipped: skipped.map { ($0.0, $0.1, $0.2) })
    }
}
