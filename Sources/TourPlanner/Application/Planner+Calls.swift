public import Foundation

/// One outcome to record (`tourplan calls log --task … --outcome …`, an outcome button).
public struct OutcomeQuery: Sendable {
    /// The task (`event/member/kind`).
    package var taskID: String
    /// What happened.
    package var outcome: CallOutcome
    /// An optional note.
    package var note: String?
    /// Who called (nil: the task's volunteer).
    package var volunteer: String?
    /// The attempt this is for (nil: inferred by `OutcomePolicy`).
    package var attempt: Int?
    /// When it was recorded.
    package var now: Date
    /// The reminder rules (nil: the planner's).
    package var rules: ReminderRules?

    /// An outcome to record.
    public init(
        taskID: String, outcome: CallOutcome, note: String? = nil, volunteer: String? = nil, attempt: Int? = nil,
        now: Date, rules: ReminderRules? = nil
    ) {
        self.taskID = taskID
        self.outcome = outcome
        self.note = note
        self.volunteer = volunteer
        self.attempt = attempt
        self.now = now
        self.rules = rules
    }
}

// These use cases are synchronous on purpose: they block on SQLite (a write may wait for another
// connection's write lock for as long as an import holds it). The CLI calls them directly; the
// web app runs them on NIO's thread pool, so a waiting write never holds one of Swift's few
// cooperative threads while pages are being served.
extension Planner {
    /// The calls and texts of `volunteer` for `date` on the volunteer's clock, in window order.
    ///
    /// - Parameters:
    ///   - volunteer: the volunteer's name, or the start of it when only one name starts so.
    ///   - date: the day, on the volunteer's clock.
    ///   - now: the instant the members' local times are shown for.
    ///   - rules: the scripts (nil: the planner's bundled rules).
    /// - Returns: the volunteer's call sheet and texts for the day.
    /// - Throws: `PlannerError` when there is no store; `ReminderError` for an unknown volunteer.
    public func callList(volunteer: String, date: CalendarDate, now: Date, rules: ReminderRules? = nil) throws
        -> CallListReport
    {
        let store = try requireStore()
        let rules = rules ?? resources.reminderRules
        let volunteer = try Volunteer.find(volunteer, in: try store.volunteers())
        // The day's tasks on the volunteer's clock, read with a day's margin on each side (the
        // sheet keeps those of the day exactly), instead of the volunteer's whole season.
        let midnightUTC = Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400)
        let tasks = try store.tasks(
            volunteer: volunteer.name,
            pendingWindowStarts: midnightUTC.addingTimeInterval(-86_400)..<midnightUTC.addingTimeInterval(2 * 86_400))
        let details = try store.contactDetails(tasks.map(\.memberId))
        var contacts: [MemberID: CallSheet.Contact] = [:]
        var outcomes: [MemberID: [String]] = [:]
        let recorded = try store.outcomes(memberIDs: Array(details.keys))
        for (id, detail) in details {
            contacts[id] = CallSheet.Contact(
                name: detail.name, firstName: detail.firstName, phoneRaw: detail.phoneRaw, phoneE164: detail.phoneE164,
                languages: detail.languages, countryCode: detail.countryCode)
            outcomes[id] = (recorded[id] ?? []).map {
                "\(LocalClock.iso($0.recordedAt, zone: volunteer.timeZone).prefix(10)) \($0.outcome)"
            }
        }
        let events = Dictionary(try store.events().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let phones = resources.phones
        let sheet = CallSheet.make(
            volunteer: volunteer, date: date, tasks: tasks, events: events, contacts: contacts,
            confirmed: Set(try store.rsvps().filter { $0.value == .rsvpYes }.keys), outcomes: outcomes,
            rules: rules, nationalForm: { phones.nationalForm($0) },
            internationalForm: { phones.internationalForm($0) },
            isDomestic: { phones.isDomestic($0, in: $1) })
        return CallListReport(
            sheet: sheet, firstNames: contacts.mapValues(\.firstName),
            zones: Dictionary(tasks.map { ($0.taskId, $0.timeZone) }, uniquingKeysWith: { a, _ in a }), now: now,
            latest: try store.latestOutcomes(taskIDs: sheet.rows.map(\.taskId)))
    }

    /// The nearest days before and after `date` (on the volunteer's clock) with pending calls or
    /// texts of `volunteer`: where a day with nothing to do points to.
    ///
    /// - Throws: `PlannerError` when there is no store; `ReminderError` for an unknown volunteer.
    public func pendingCallDays(volunteer: String, around date: CalendarDate) throws -> PendingCallDays {
        let store = try requireStore()
        let volunteer = try Volunteer.find(volunteer, in: try store.volunteers())
        let days = try store.tasks(volunteer: volunteer.name).filter { $0.status == .pending }
            .compactMap { LocalClock.localDate($0.windowStart, zone: volunteer.timeZone) }
        return PendingCallDays(around: date, days: days)
    }

    /// Records one outcome and applies the rhythm's next step, in one transaction.
    ///
    /// - Throws: `PlannerError` when there is no store; `StoreError` when there is no such task.
    public func logOutcome(_ query: OutcomeQuery) throws -> OutcomeLogReport {
        let store = try requireStore()
        let logged = try store.logOutcome(
            taskID: query.taskID, outcome: query.outcome, note: query.note, volunteer: query.volunteer,
            attempt: query.attempt, now: query.now, rules: query.rules ?? resources.reminderRules)
        return OutcomeLogReport([logged])
    }

    /// Records a file of outcomes (`calls log --file`): all or nothing.
    ///
    /// - Throws: `PlannerError` when there is no store; `ReminderError` listing every line that
    ///   names an unknown task (nothing recorded).
    package func logOutcomes(
        _ entries: [OutcomeFile.Entry], fileName: String, now: Date, rules: ReminderRules? = nil
    ) throws -> OutcomeLogReport {
        let store = try requireStore()
        return OutcomeLogReport(
            try store.logOutcomes(entries, fileName: fileName, now: now, rules: rules ?? resources.reminderRules))
    }

    /// One task of the store, for a front end checking who may see it.
    ///
    /// - Throws: `PlannerError` when there is no store.
    public func task(id: String) throws -> ReminderTask? {
        try requireStore().task(id: id)
    }
}
