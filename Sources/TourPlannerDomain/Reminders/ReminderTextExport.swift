import Foundation
import TourPlannerCore

/// The reminder texts of one day, ready for a person (table), a script (CSV) or Spoke's
/// contact upload.
///
/// Names are exported as stored: `firstName` and `lastName` are the member's own fields, never
/// a split of the full name. A member imported with only a full name goes into `firstName`
/// whole, with an empty `lastName` (the tool does not guess where a name splits).
public struct ReminderTextExport: Sendable, Hashable, Codable {
    /// One text to send.
    public struct Text: Sendable, Hashable, Codable {
        /// The reminder task the text is for.
        package var taskID: String
        /// The member to text.
        package var memberID: MemberID
        /// The member's stored first name; the whole full name when the member has no first or last name.
        package var firstName: String
        /// The member's stored last name; empty when the member has no first or last name.
        package var lastName: String
        /// The name shown to people: the full name, else "first last".
        public var displayName: String
        /// The number to text: the E.164 form when parsed, else as typed.
        public var phone: String
        /// The metro of the event (empty when the event is no longer stored).
        public var eventMetro: String
        /// The event's local start time "HH:MM" (empty when the event is no longer stored).
        public var eventTime: String
        /// The start of the send window, in the member's zone (ISO 8601 with offset).
        public var sendAfter: String
        /// The text, the rules' reminder script with the member's name and the event filled in.
        public var message: String
    }

    /// The day exported, in each member's own zone.
    package var date: CalendarDate
    /// The texts to send, in task order.
    public var texts: [Text]
    /// Pending texts of the day whose member has no phone number (not exported).
    package var withoutPhone: [MemberID]
    /// Pending texts of the day whose member's phone was never read as a number (kept as typed,
    /// e.g. "1-800-FLOWERS"): not exported, since a texting tool cannot send to it.
    package var unreadablePhone: [MemberID] = []
    /// Pending texts of the day whose member is no longer in the store (not exported).
    package var withoutMember: [MemberID]

    /// The pending reminder texts of `date` (in each member's own zone), in task order.
    ///
    /// - Parameters:
    ///   - date: the day, as a calendar date in each member's own zone.
    ///   - tasks: every task (others are ignored).
    ///   - members: the members of those tasks, by id.
    ///   - events: the events, by id.
    ///   - rules: the scripts.
    /// - Returns: the texts to send, and the pending texts left out for want of a readable phone
    ///   number or a member.
    package static func make(
        date: CalendarDate, tasks: [ReminderTask], members: [MemberID: Member], events: [String: OutreachEvent],
        rules: ReminderRules
    ) -> ReminderTextExport {
        var export = ReminderTextExport(date: date, texts: [], withoutPhone: [], withoutMember: [])
        for task in due(tasks, on: date) {
            guard let member = members[task.memberId] else {
                export.withoutMember.append(task.memberId)
                continue
            }
            guard let phone = member.phoneE164, !phone.isEmpty else {
                if let raw = member.phoneRaw, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
                    export.unreadablePhone.append(task.memberId)
                } else {
                    export.withoutPhone.append(task.memberId)
                }
                continue
            }
            let event = events[task.eventId]
            let hasStoredParts = member.firstName != nil || member.lastName != nil
            let firstName = hasStoredParts ? member.firstName ?? "" : member.displayName
            let body = rules.spokenScript(
                .reminderText, languages: member.languages, event: event,
                firstName: firstName.isEmpty ? member.displayName : firstName, volunteer: task.volunteer)
            export.texts.append(
                Text(
                    taskID: task.taskId, memberID: task.memberId, firstName: firstName,
                    lastName: hasStoredParts ? member.lastName ?? "" : "", displayName: member.displayName,
                    phone: phone, eventMetro: event?.metro ?? "", eventTime: event?.start.description ?? "",
                    sendAfter: LocalClock.iso(task.windowStart, zone: task.timeZone), message: body))
        }
        return export
    }

    /// The pending reminder texts whose window starts on `date` in the member's own zone: the
    /// tasks `make` exports (so callers fetch only their members).
    package static func due(_ tasks: [ReminderTask], on date: CalendarDate) -> [ReminderTask] {
        tasks.filter {
            $0.kind == .reminderText && $0.status == .pending
                && LocalClock.localDate($0.windowStart, zone: $0.timeZone) == date
        }
    }

    /// Spoke's contact upload CSV: `firstName,lastName,cell,zip,external_id` and the custom
    /// fields `eventMetro,eventTime,sendAfter,message`. `cell` is a phone column: an E.164
    /// number is written as it is (`+16175550152`).
    package func spokeCSV() -> String {
        var csv = CSVWriter(columns: [
            .text("firstName"), .text("lastName"), .phone("cell"), .text("zip"), .text("external_id"),
            .text("eventMetro"), .text("eventTime"), .text("sendAfter"), .text("message"),
        ])
        for text in texts {
            csv.append([
                text.firstName, text.lastName, text.phone, "", text.memberID.rawValue, text.eventMetro,
                text.eventTime, text.sendAfter, text.message,
            ])
        }
        return csv.render()
    }

    /// `task,member,name,phone,send after,message`, after a UTF-8 byte-order mark; `phone` is a
    /// phone column for people (every number stays text in a spreadsheet).
    package func csv() -> String {
        var csv = CSVWriter(columns: [
            .text("task"), .text("member"), .text("name"), .dialable("phone"), .text("send after"), .text("message"),
        ])
        for text in texts {
            csv.append([
                text.taskID, text.memberID.rawValue, text.displayName, text.phone, text.sendAfter, text.message,
            ])
        }
        return CSVWriter.byteOrderMark + csv.render()
    }

    /// For people: the send time, name and phone, then the message.
    package func table() -> String {
        if texts.isEmpty { return "No reminder texts on \(date).\n" }
        return texts.map { "\($0.sendAfter)  \($0.displayName)  \($0.phone)\n    \($0.message)" }
            .joined(separator: "\n") + "\n"
    }
}
