import Foundation

extension CallSheet {
    /// Contact details of a member for the sheet.
    public struct Contact: Sendable {
        public var name: String
        public var firstName: String
        public var phoneRaw: String?
        public var phoneE164: String?
        public var languages: [String]
        public init(name: String, firstName: String, phoneRaw: String?, phoneE164: String?, languages: [String]) {
            self.name = name
            self.firstName = firstName
            self.phoneRaw = phoneRaw
            self.phoneE164 = phoneE164
            self.languages = languages
        }
    }

    /// Builds the sheet of `volunteer` for the tasks whose window starts on `date` on the
    /// volunteer's clock (pending tasks only, in time order).
    public static func make(
        volunteer: Volunteer, date: CalendarDate, tasks: [ReminderTask], events: [String: OutreachEvent],
        contacts: [MemberID: Contact],
        outcomes: [MemberID: [String]], rules: ReminderRules, nationalForm: (String) -> String?
    ) -> CallSheet {
        let mine = tasks.filter { task in
            task.volunteer == volunteer.name && task.status == .pending
                && LocalClock.localDate(task.windowStart, zone: volunteer.timeZone) == date
        }.sorted { ($0.windowStart, $0.taskId) < ($1.windowStart, $1.taskId) }
        let rows = mine.map { task -> Row in
            let contact = contacts[task.memberId]
            let event = events[task.eventId]
            let values: [String: String] = [
                "firstName": contact?.firstName ?? "", "metro": event?.metro ?? "",
                "date": event?.date.description ?? "",
                "time": event?.start.description ?? "", "venue": event?.venue ?? "",
                "organizer": event?.organizer ?? "",
                "volunteer": volunteer.name,
            ]
            let memberWindow =
                "\(LocalClock.clock(task.windowStart, zone: task.timeZone))–\(LocalClock.clock(task.windowEnd, zone: task.timeZone)) \(task.timeZone)"
            let volunteerWindow =
                "\(LocalClock.clock(task.windowStart, zone: volunteer.timeZone))–\(LocalClock.clock(task.windowEnd, zone: volunteer.timeZone))"
            return Row(
                taskId: task.taskId, kind: task.kind, memberId: task.memberId,
                memberName: contact?.name ?? task.memberId.rawValue,
                phoneE164: contact?.phoneE164, phoneNational: contact?.phoneE164.flatMap(nationalForm),
                phoneAsTyped: contact?.phoneRaw,
                memberWindow: memberWindow, volunteerWindow: volunteerWindow, windowStart: task.windowStart,
                event: event.map { "\($0.metro), \($0.date) \($0.start)" } ?? task.eventId,
                previousOutcomes: outcomes[task.memberId] ?? [],
                script: fill(rules.script(task.kind, languages: contact?.languages ?? []), values: values),
                status: task.status)
        }
        return CallSheet(volunteer: volunteer.name, date: date, volunteerTimeZone: volunteer.timeZone, rows: rows)
    }
}

/// Volunteers from a CSV file: `name,phone,time_zone,languages,max_calls_per_day`.
public enum VolunteerFile {
    /// - Throws: `SettingsError` naming the file, line and field.
    public static func parse(_ text: String, fileName: String) throws -> [Volunteer] {
        var volunteers: [Volunteer] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            $0.replacingOccurrences(of: "\r", with: "")
        }
        guard
            let header = lines.first?.lowercased().split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }
            ),
            let nameIndex = header.firstIndex(of: "name"), let zoneIndex = header.firstIndex(of: "time_zone")
        else {
            throw SettingsError(
                file: fileName, line: 1, key: "header",
                problem: "must name the columns name,phone,time_zone,languages,max_calls_per_day",
                hint: "add that header line")
        }
        let phoneIndex = header.firstIndex(of: "phone")
        let languagesIndex = header.firstIndex(of: "languages")
        let maxIndex = header.firstIndex(of: "max_calls_per_day")
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            // Languages may be a quoted comma list: split on commas outside quotes.
            var fields: [String] = []
            var current = ""
            var quoted = false
            for character in line {
                if character == "\"" {
                    quoted.toggle()
                } else if character == "," && !quoted {
                    fields.append(current); current = ""
                } else {
                    current.append(character)
                }
            }
            fields.append(current)
            fields = fields.map { $0.trimmingCharacters(in: .whitespaces) }
            func field(_ index: Int?) -> String {
                index.flatMap { fields.indices.contains($0) ? fields[$0] : nil } ?? ""
            }
            let zone = field(zoneIndex)
            guard TimeZone(identifier: zone) != nil else {
                throw SettingsError(
                    file: fileName, line: offset + 1, key: "time_zone", problem: "\"\(zone)\" is not an IANA time zone",
                    hint: "write e.g. America/New_York or Europe/Oslo")
            }
            let name = field(nameIndex)
            guard !name.isEmpty else {
                throw SettingsError(
                    file: fileName, line: offset + 1, key: "name", problem: "is empty",
                    hint: "give each volunteer a name")
            }
            var maxCalls = 40
            if !field(maxIndex).isEmpty {
                guard let value = Int(field(maxIndex)), value > 0 else {
                    throw SettingsError(
                        file: fileName, line: offset + 1, key: "max_calls_per_day",
                        problem: "\"\(field(maxIndex))\" is not a positive whole number", hint: "write e.g. 40")
                }
                maxCalls = value
            }
            let languages = field(languagesIndex).split(whereSeparator: { ",;/".contains($0) }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            volunteers.append(
                Volunteer(
                    name: name, phone: field(phoneIndex).isEmpty ? nil : field(phoneIndex), timeZone: zone,
                    languages: languages.isEmpty ? ["English"] : languages, maxCallsPerDay: maxCalls))
        }
        return volunteers
    }
}
