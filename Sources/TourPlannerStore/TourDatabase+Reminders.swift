public import Foundation
import GRDB
import TourPlannerCore

extension TaskRecord {
    init(_ task: ReminderTask) {
        id = task.taskId
        eventId = task.eventId
        memberId = task.memberId.rawValue
        kind = task.kind.rawValue
        eventStart = task.eventStart
        windowStart = task.windowStart
        windowEnd = task.windowEnd
        timeZone = task.timeZone
        volunteer = task.volunteer
        status = task.status.rawValue
        attempt = task.attempt
        note = task.note
        mergedInto = task.mergedInto
    }

    /// The domain value; the kind and the status are checked against their enums.
    ///
    /// - Throws: `StoreDecodingError` naming the task and the column.
    func task() throws -> ReminderTask {
        ReminderTask(
            memberId: MemberID(memberId),
            kind: try Self.checked(
                kind, as: ReminderKind.self, column: CodingKeys.kind.stringValue, rowID: id, what: "a task kind"),
            eventId: eventId, eventStart: eventStart, windowStart: windowStart, windowEnd: windowEnd,
            timeZone: timeZone, volunteer: volunteer,
            status: try Self.checked(
                status, as: TaskStatus.self, column: CodingKeys.status.stringValue, rowID: id, what: "a task status"),
            attempt: attempt, note: note, mergedInto: mergedInto)
    }
}

extension VolunteerRecord {
    init(_ volunteer: Volunteer) {
        name = volunteer.name
        phone = volunteer.phone
        timeZone = volunteer.timeZone
        languages = volunteer.languages.joined(separator: ",")
        maxCallsPerDay = volunteer.maxCallsPerDay
        callingHours = volunteer.callingHours?.description
        country = volunteer.countryCode
    }

    /// The domain value.
    ///
    /// - Throws: `StoreDecodingError` when the calling hours do not read.
    func volunteer() throws -> Volunteer {
        let hours = try callingHours.map { text in
            guard let hours = HoursRange(text) else {
                throw Self.invalid(
                    text, column: CodingKeys.callingHours.stringValue, rowID: name,
                    problem: "is not a range of hours (HH:MM-HH:MM)",
                    hint: "load the volunteers file again with `tourplan remind schedule --volunteers FILE`")
            }
            return hours
        }
        return Volunteer(
            name: name, phone: phone, timeZone: timeZone, languages: languages.split(separator: ",").map(String.init),
            maxCallsPerDay: maxCallsPerDay, callingHours: hours, countryCode: country)
    }
}

extension TourDatabase {
    /// Every task, by window start and id.
    ///
    /// - Throws: `StoreDecodingError` for a task that does not read back (unknown kind or status, bad date).
    public func tasks() throws -> [ReminderTask] {
        try writer.read { db in
            try TaskRecord.order(TaskRecord.Columns.windowStart, TaskRecord.Columns.id).fetchAllStored(db).map {
                try $0.task()
            }
        }
    }

    /// The tasks assigned to one volunteer, in window order (the call list reads these, not every
    /// task of the store; the `tasks_volunteer` index serves it).
    ///
    /// - Throws: `StoreDecodingError` when a task does not read back.
    package func tasks(volunteer: String) throws -> [ReminderTask] {
        try writer.read { db in
            try TaskRecord.filter(TaskRecord.Columns.volunteer == volunteer)
                .order(TaskRecord.Columns.windowStart, TaskRecord.Columns.id).fetchAllStored(db).map { try $0.task() }
        }
    }

    /// The volunteer's pending tasks whose window starts in `windowStarts`, and every task of the
    /// volunteer merged into another (a call sheet prints a merged call's script under the call it
    /// was merged into), by window start: one day's list without reading the whole season.
    ///
    /// - Throws: `StoreDecodingError` when a task does not read back.
    package func tasks(volunteer: String, pendingWindowStarts windowStarts: Range<Date>) throws -> [ReminderTask] {
        try writer.read { db in
            let columns = TaskRecord.Columns.self
            let pendingThen =
                columns.status == TaskStatus.pending.rawValue && columns.windowStart >= windowStarts.lowerBound
                && columns.windowStart < windowStarts.upperBound
            return try TaskRecord.filter(columns.volunteer == volunteer)
                .filter(pendingThen || columns.status == TaskStatus.merged.rawValue)
                .order(columns.windowStart, columns.id).fetchAllStored(db).map { try $0.task() }
        }
    }

    /// The task with this id, or nil.
    ///
    /// - Throws: `StoreDecodingError` when the task does not read back.
    package func task(id: String) throws -> ReminderTask? {
        try writer.read { db in try TaskRecord.filter(key: id).fetchOneStored(db)?.task() }
    }

    /// Upserts tasks by id in one transaction (outcomes are in their own table and never touched).
    package func saveTasks(_ tasks: [ReminderTask]) throws {
        try writer.write { db in try Self.saveTasks(tasks, in: db) }
    }

    static func saveTasks(_ tasks: [ReminderTask], in db: Database) throws {
        let statement = try db.cachedStatement(sql: TaskRecord.upsertSQL(key: .id))
        for task in tasks { try TaskRecord(task).execute(statement) }
    }

    /// Stores volunteers by name, replacing one stored before.
    package func saveVolunteers(_ volunteers: [Volunteer]) throws {
        try writer.write { db in
            for volunteer in volunteers { try VolunteerRecord(volunteer).insert(db, onConflict: .replace) }
        }
    }

    /// Every volunteer, by name.
    ///
    /// - Throws: `StoreDecodingError` for a volunteer that does not read back.
    public func volunteers() throws -> [Volunteer] {
        try writer.read { db in
            try VolunteerRecord.order(VolunteerRecord.Columns.name).fetchAllStored(db).map { try $0.volunteer() }
        }
    }

    /// Previous outcomes of a member, oldest first: (when, outcome, volunteer, note).
    ///
    /// - Throws: `StoreDecodingError` for an outcome that is not one of `CallOutcome`.
    public func outcomes(memberID: MemberID) throws -> [(
        recordedAt: Date, outcome: String, volunteer: String?, note: String?
    )] {
        try writer.read { db in
            try OutcomeRecord.filter(OutcomeRecord.Columns.memberId == memberID.rawValue)
                .filter(OutcomeRecord.Columns.undoneAt == nil)
                .order(OutcomeRecord.Columns.recordedAt, OutcomeRecord.Columns.id)
                .fetchAllStored(db)
                .map { record in
                    let outcome = try record.callOutcome()
                    return (record.recordedAt, outcome.rawValue, record.volunteer, record.note)
                }
        }
    }

    /// The outcomes recorded for each of `memberIDs` (members without any are absent), in the
    /// order `outcomes(memberID:)` gives them.
    ///
    /// - Throws: `StoreDecodingError` for an outcome row that does not read back.
    package func outcomes(memberIDs: [MemberID]) throws -> [MemberID: [(
        recordedAt: Date, outcome: String, volunteer: String?, note: String?
    )]] {
        try writer.read { db in
            var result: [MemberID: [(recordedAt: Date, outcome: String, volunteer: String?, note: String?)]] = [:]
            let keys = Array(Set(memberIDs.map(\.rawValue))).sorted()
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = keys[start..<min(start + 500, keys.count)]
                let records = try OutcomeRecord.filter(chunk.contains(OutcomeRecord.Columns.memberId))
                    .filter(OutcomeRecord.Columns.undoneAt == nil)
                    .order(OutcomeRecord.Columns.recordedAt, OutcomeRecord.Columns.id).fetchAllStored(db)
                for record in records {
                    let outcome = try record.callOutcome()
                    result[MemberID(record.memberId), default: []].append(
                        (record.recordedAt, outcome.rawValue, record.volunteer, record.note))
                }
            }
            return result
        }
    }

    /// Member names and phones for call sheets.
    ///
    /// - Throws: `StoreDecodingError` for a member row that does not read back.
    package func contactDetails(_ ids: [MemberID]) throws -> [MemberID: (
        name: String, firstName: String, phoneRaw: String?, phoneE164: String?, languages: [String],
        countryCode: String?
    )] {
        try writer.read { db in
            var result: [MemberID: (String, String, String?, String?, [String], String?)] = [:]
            // One query per 500 ids (SQLite's limit on bound values is far above; one query per
            // member cost a call list most of its time).
            let keys = Array(Set(ids.map(\.rawValue))).sorted()
            for start in stride(from: 0, to: keys.count, by: 500) {
                let chunk = keys[start..<min(start + 500, keys.count)]
                let request = ContactRecord.filter(chunk.contains(Column(ContactRecord.CodingKeys.id)))
                for contact in try request.fetchAllStored(db) {
                    let name = contact.displayName
                    result[MemberID(contact.id)] = (
                        name, contact.firstName ?? name, contact.phoneRaw, contact.phoneE164,
                        contact.languages.split(separator: ",").map(String.init), contact.countryCode
                    )
                }
            }
            return result
        }
    }
}
