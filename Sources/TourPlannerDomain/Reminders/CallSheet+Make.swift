import Foundation
import TourPlannerCore

extension CallSheet {
    /// Contact details of a member for the sheet.
    package struct Contact: Sendable {
        /// The member's name as shown on the sheet.
        package var name: String
        /// Given name, filled into the script's `{firstName}`.
        package var firstName: String
        /// The number exactly as typed (dialled when it has no E.164 form).
        package var phoneRaw: String?
        /// The number in E.164 form, when it could be parsed.
        package var phoneE164: String?
        /// Languages the member speaks: the script is in the first one the rules have a script in, else English.
        package var languages: [String]
        /// ISO 3166 country of the member, when known.
        package var countryCode: String?
        /// Creates a member's contact details.
        package init(
            name: String, firstName: String, phoneRaw: String?, phoneE164: String?, languages: [String],
            countryCode: String? = nil
        ) {
            self.name = name
            self.firstName = firstName
            self.phoneRaw = phoneRaw
            self.phoneE164 = phoneE164
            self.languages = languages
            self.countryCode = countryCode
        }
    }

    /// Builds the sheet of `volunteer` for the tasks whose window starts on `date` on the
    /// volunteer's clock (pending tasks only, in time order). A call merged into another shows
    /// on that call's row (`also`).
    ///
    /// - Parameters:
    ///   - volunteer: the volunteer whose sheet it is.
    ///   - date: the day, on the volunteer's clock.
    ///   - tasks: every task (those of other volunteers or days are ignored).
    ///   - events: the events, by id.
    ///   - contacts: the members' contact details, by id.
    ///   - confirmed: `eventId/memberId` of members who said yes (their reminder call thanks them;
    ///     others get the version that invites, since no conversation is claimed).
    ///   - outcomes: outcomes already recorded per member, shown in the row's "Before" column.
    ///   - rules: the scripts.
    ///   - nationalForm: the dialable national form of an E.164 number, used when the number is
    ///     domestic for the volunteer (or, when that cannot be told, the volunteer and the member
    ///     are in the same country or either country is unknown).
    ///   - internationalForm: the number grouped as dialled from abroad, shown (never dialled
    ///     from: links keep E.164) when the volunteer dials it in full.
    ///   - isDomestic: whether an E.164 number has the calling code of a country (nil: unknown):
    ///     the number decides, not the member's address (a Boston member's +44 phone is dialled
    ///     in full).
    /// - Returns: the volunteer's sheet for the day, one row per pending task.
    package static func make(
        volunteer: Volunteer, date: CalendarDate, tasks: [ReminderTask], events: [String: OutreachEvent],
        contacts: [MemberID: Contact], confirmed: Set<String> = [],
        outcomes: [MemberID: [String]], rules: ReminderRules, nationalForm: (String) -> String?,
        internationalForm: (String) -> String? = { _ in nil },
        isDomestic: (String, String) -> Bool? = { _, _ in nil }
    ) -> CallSheet {
        let mine = tasks.filter { task in
            task.volunteer == volunteer.name && task.status == .pending
                && LocalClock.localDate(task.windowStart, zone: volunteer.timeZone) == date
        }.sorted { ($0.windowStart, $0.taskId) < ($1.windowStart, $1.taskId) }
        let mergedInto = Dictionary(grouping: tasks.filter { $0.status == .merged && $0.mergedInto != nil }) {
            $0.mergedInto ?? ""
        }
        func script(_ task: ReminderTask, _ contact: Contact?) -> (text: String, event: OutreachEvent?) {
            let event = events[task.eventId]
            let languages = contact?.languages ?? []
            let kind: ScriptKind
            switch task.kind {
            case .followUpCall: kind = .followUpCall
            case .reminderCall:
                kind =
                    confirmed.contains(task.eventId + "/" + task.memberId.rawValue)
                    ? .reminderCall : .reminderCallNotReached
            case .reminderText: kind = .reminderText
            }
            let text = rules.spokenScript(
                kind, languages: languages, event: event, firstName: contact?.firstName ?? "", volunteer: volunteer.name
            )
            return (text, event)
        }
        let rows = mine.map { task -> Row in
            let contact = contacts[task.memberId]
            let (text, event) = script(task, contact)
            let memberWindow =
                "\(LocalClock.clock(task.windowStart, zone: task.timeZone))–\(LocalClock.clock(task.windowEnd, zone: task.timeZone)) \(task.timeZone)"
            let volunteerWindow =
                "\(LocalClock.clock(task.windowStart, zone: volunteer.timeZone))–\(LocalClock.clock(task.windowEnd, zone: volunteer.timeZone))"
            let byNumber = volunteer.countryCode.flatMap { country in
                contact?.phoneE164.flatMap { isDomestic($0, country) }
            }
            let abroad =
                byNumber.map { !$0 }
                ?? (volunteer.countryCode != nil && contact?.countryCode != nil
                    && volunteer.countryCode?.uppercased() != contact?.countryCode?.uppercased())
            let national = contact?.phoneE164.flatMap(nationalForm)
            // libphonenumber's E.164 form drops an extension; the caller still needs it.
            let phoneExtension =
                contact?.phoneE164 == nil ? nil : contact?.phoneRaw.flatMap(PhoneNumber.extensionDigits)
            let number = (abroad ? contact?.phoneE164 : national ?? contact?.phoneE164)
            var warnings: [String] = []
            if let event, event.venue == nil {
                warnings.append("venue not set yet: do not name one (`tourplan events add … --venue`)")
            }
            return Row(
                taskId: task.taskId, kind: task.kind, memberId: task.memberId,
                memberName: contact?.name ?? task.memberId.rawValue,
                phoneE164: contact?.phoneE164, phoneNational: national,
                phoneInternational: contact?.phoneE164.flatMap(internationalForm), phoneAsTyped: contact?.phoneRaw,
                dial: number.map { $0 + (phoneExtension.map { " ext. " + $0 } ?? "") } ?? contact?.phoneRaw ?? "",
                memberWindow: memberWindow, volunteerWindow: volunteerWindow, windowStart: task.windowStart,
                windowEnd: task.windowEnd,
                event: event.map { "\($0.metro), \($0.date) \($0.start)" } ?? task.eventId,
                previousOutcomes: outcomes[task.memberId] ?? [],
                script: text, status: task.status,
                also: (mergedInto[task.taskId] ?? []).sorted { $0.taskId < $1.taskId }.map {
                    script($0, contact).text
                },
                warnings: warnings, phoneExtension: phoneExtension)
        }
        return CallSheet(volunteer: volunteer.name, date: date, volunteerTimeZone: volunteer.timeZone, rows: rows)
    }
}

/// Volunteers from a CSV file: `name,phone,time_zone,languages,max_calls_per_day,calling_hours,country`
/// (`calling_hours` "17:00-21:00" on the volunteer's clock, empty = any time in the member's
/// window; `country` an ISO 3166 code such as NO).
package enum VolunteerFile {
    /// - Throws: `SettingsError` naming the file, line and field.
    package static func parse(_ text: String, fileName: String) throws -> [Volunteer] {
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
        let hoursIndex = header.firstIndex(of: "calling_hours")
        let countryIndex = header.firstIndex(of: "country")
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
            var callingHours: HoursRange?
            if !field(hoursIndex).isEmpty {
                guard let hours = HoursRange(field(hoursIndex)) else {
                    throw SettingsError(
                        file: fileName, line: offset + 1, key: "calling_hours",
                        problem: "\"\(field(hoursIndex))\" is not a range like 17:00-21:00 with the start first",
                        hint: "write the hours on the volunteer's own clock, e.g. 17:00-21:00, or leave it empty")
                }
                callingHours = hours
            }
            let country = field(countryIndex).uppercased()
            guard country.isEmpty || (country.count == 2 && country.allSatisfy { $0.isASCII && $0.isLetter }) else {
                throw SettingsError(
                    file: fileName, line: offset + 1, key: "country",
                    problem: "\"\(field(countryIndex))\" is not a two-letter ISO 3166 country code",
                    hint: "write e.g. US or NO, or leave it empty")
            }
            let languages = field(languagesIndex).split(whereSeparator: { ",;/".contains($0) }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
            volunteers.append(
                Volunteer(
                    name: name, phone: field(phoneIndex).isEmpty ? nil : field(phoneIndex), timeZone: zone,
                    languages: languages.isEmpty ? ["English"] : languages, maxCallsPerDay: maxCalls,
                    callingHours: callingHours, countryCode: country.isEmpty ? nil : country))
        }
        return volunteers
    }
}
