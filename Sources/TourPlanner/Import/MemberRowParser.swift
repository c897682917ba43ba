import Foundation
import TourPlannerCore

/// Turns a raw row into a validated member, encoded for the insert: required fields, ids, dates,
/// yes/no flags, language lists, phone normalization and country codes. Never guesses: a value
/// it cannot read is reported (error for required fields, warning for optional ones).
struct MemberRowParser {
    var fileName: String
    var requiresNumericID: Bool
    /// Country text → ISO 3166-1 alpha-2 (from the Cities stage's country table).
    var countryCode: @Sendable (String) -> String?
    /// Raw phone + default region → E.164.
    var phoneE164: @Sendable (String, String?) -> String?
    /// Country answers already looked up (an export repeats a few dozen spellings a million times).
    private let countries = CountryCache()

    init(
        fileName: String, requiresNumericID: Bool, countryCode: @escaping @Sendable (String) -> String?,
        phoneE164: @escaping @Sendable (String, String?) -> String?
    ) {
        self.fileName = fileName
        self.requiresNumericID = requiresNumericID
        self.countryCode = countryCode
        self.phoneE164 = phoneE164
    }

    /// Owned by the one task that parses with this parser (each parsing task has its own parser).
    private final class CountryCache {
        var codes: [String: String?] = [:]
    }

    /// Validates row `row` of `batch` and, unless it is rejected, encodes its member as the next
    /// row of `members`; returns the row's problems in the order they were found.
    ///
    /// The fields are read and trimmed in place (`RawRowBatch.bytes`); a `String` is made only
    /// for the few values a rule reads as text (country, phone, date, yes/no words, gender), most
    /// of them short enough to need no allocation.
    func parse(_ row: Int, of batch: RawRowBatch, into members: inout EncodedMemberRows) -> [ImportProblem] {
        batch.bytes.withUnsafeBufferPointer { bytes in
            parse(row, of: batch, bytes: bytes, into: &members)
        }
    }

    private func parse(
        _ row: Int, of batch: RawRowBatch, bytes: UnsafeBufferPointer<UInt8>, into members: inout EncodedMemberRows
    ) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        let line = batch.lines[row]
        let extras = batch.extras[row]
        func location(_ field: MemberField) -> SourceLocation {
            SourceLocation(
                file: fileName, line: line, column: batch.span(row, field).flatMap { $0.column > 0 ? $0.column : nil })
        }
        func report(
            _ severity: ImportProblem.Severity, _ field: MemberField, _ value: String, _ problem: String, _ hint: String
        ) {
            problems.append(
                ImportProblem(
                    severity,
                    ImportError(
                        location: location(field), field: field.columnName, value: value, problem: problem, hint: hint))
            )
        }
        /// The field's bytes as read (nil when absent).
        func raw(_ field: MemberField) -> UnsafeBufferPointer<UInt8>? {
            batch.span(row, field).map { UnsafeBufferPointer(rebasing: bytes[$0.offset..<$0.offset + $0.count]) }
        }
        /// The field's bytes trimmed, nil when absent or blank.
        func clean(_ field: MemberField) -> UnsafeBufferPointer<UInt8>? {
            guard let text = raw(field) else { return nil }
            let trimmed = ImportBytes.trimmed(text)
            return trimmed.isEmpty ? nil : trimmed
        }
        /// Raw bytes, nil when blank (place strings are kept exactly as imported).
        func nonBlank(_ field: MemberField) -> UnsafeBufferPointer<UInt8>? {
            guard let text = raw(field), !ImportBytes.trimmed(text).isEmpty else { return nil }
            return text
        }
        func string(_ text: UnsafeBufferPointer<UInt8>) -> String { String(decoding: text, as: UTF8.self) }
        func flag(_ field: MemberField) -> Bool? {
            guard let text = clean(field).map(string) else { return nil }
            guard let answer = Self.yesOrNo(text) else {
                report(.warning, field, text, "is not yes or no; left empty", "write yes, no, or leave it empty")
                return nil
            }
            return answer
        }

        if let readProblems = extras?.readProblems, !readProblems.isEmpty {
            problems += readProblems
            if readProblems.contains(where: { $0.severity == .error }) { return problems }
        }
        if let mismatch = extras?.fieldCountMismatch {
            // The fields would shift into the wrong columns: the row is not imported.
            problems.append(
                ImportProblem(
                    .error,
                    ImportError(
                        location: SourceLocation(file: fileName, line: line), field: "", value: "",
                        problem:
                            "has \(mismatch.found) fields but the header has \(mismatch.expected); the row was not imported",
                        hint: mismatch.found == 1
                            ? "a line with one field is often a summary a spreadsheet added (\"Total: 523 rows\"): delete it; otherwise check the delimiters"
                            : "check for a missing or extra delimiter, or an unquoted field that contains one (quote it)"
                    )
                ))
            return problems
        }

        // Identity: the export id, else the normalized e-mail.
        let email = clean(.email)
        let rawID = clean(.id)
        var emailID: String?
        var canonicalID: String?
        if let rawID {
            if requiresNumericID {
                guard let number = UInt64(string(rawID)) else {
                    let text = string(rawID)
                    report(
                        .error, .id, text,
                        PhoneNumber.isScientificNotation(text)
                            ? "is a number a spreadsheet wrote in scientific notation, not a member id"
                            : "is not a decimal member id",
                        PhoneNumber.isScientificNotation(text)
                            ? "format the id column as Text (or Number, no decimals) in the spreadsheet and save again, or export again from the website"
                            : "member ids in the website export are whole numbers like 1042; fix the cell or map another column with --map"
                    )
                    return problems
                }
                // "004603" is member 4603: a spreadsheet keeps or drops leading zeros at will.
                if rawID.count > 1 && rawID[0] == 0x30 {
                    canonicalID = String(number)
                    report(
                        .warning, .id, string(rawID), "has leading zeros; read as member \(number)",
                        "member ids are whole numbers; write \(number)")
                }
            }
        } else if let email {
            emailID = "email:" + string(email).lowercased()
        } else {
            report(
                .error, .id, "", "is empty and there is no e-mail to identify the member",
                "give each row its member id (or at least an e-mail)")
            return problems
        }

        // The place strings are kept exactly as imported (only emptiness is judged).
        guard let city = nonBlank(.city) else {
            report(
                .error, .city, "", "is empty",
                "every member needs a city; fill it in (the place is how tours are planned)")
            return problems
        }
        let region = nonBlank(.region)
        let countryBytes = nonBlank(.country)
        let country = countryBytes.map(string)
        let code = country.flatMap { text -> String? in
            if let known = countries.codes[text] { return known }
            let found = countryCode(text.trimmedForImport)
            if countries.codes.count < 10_000 { countries.codes[text] = found }
            return found
        }
        if let country, code == nil {
            report(
                .warning, .country, country, "is not a country we know",
                "write the country's name or ISO code (e.g. US, Norway, GB)")
        }

        var phoneNormalized: String?
        let phone = clean(.phone)
        if let phone {
            let text = string(phone)
            phoneNormalized = phoneE164(text, code ?? (country == nil ? "US" : nil))
            if phoneNormalized == nil {
                if PhoneNumber.isScientificNotation(text) {
                    report(
                        .warning, .phone, PhoneNumber.masked(text),
                        "was turned into a number in scientific notation by a spreadsheet (its last digits are lost); kept as typed",
                        "format the phone column as Text in the spreadsheet and type the numbers again, or export again from the website"
                    )
                } else {
                    report(
                        .warning, .phone, PhoneNumber.masked(text),
                        "could not be read as a phone number; kept as typed",
                        "write it with the country code, e.g. +1 617 555 0142")
                }
            } else if phone[0] == 0x3D {
                report(
                    .warning, .phone, PhoneNumber.masked(text),
                    "starts with = (a spreadsheet formula); read as \(PhoneNumber.masked(phoneNormalized ?? "")), but a spreadsheet may have changed it",
                    "check the number and write it without =, e.g. +1 617 555 0142")
            } else if phone.contains(where: Self.endsNumber), PhoneNumber.hasSecondNumber(text) {
                report(
                    .warning, .phone, PhoneNumber.masked(text),
                    "holds more than one phone number; only the first (\(PhoneNumber.masked(phoneNormalized ?? ""))) is called and texted",
                    "put one number in the phone column (the mobile, so texts reach it); keep the others in notes")
            }
        }

        var joined: String?
        if let text = clean(.joined).map(string) {
            joined = Self.parseDate(text)
            if joined == nil {
                report(
                    .warning, .joined, text, "is not a date; left empty",
                    Self.excelSerialDate(text).map {
                        "it looks like a spreadsheet's date serial number (\(text) is \($0)); format the column as a date (2011-03-14) and save again"
                    } ?? "use 2011-03-14, 2011-03-14T18:22:05Z, 2011/03/14, 03/14/2011 or 14.03.2011")
            }
        }

        // Most members list one language: no split, no new string.
        let languagesCell = clean(.languages)
        var languagesList: String?
        if let text = languagesCell {
            func isSeparator(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x3B || byte == 0x2F || byte == 0x7C }
            if text.contains(where: isSeparator) {
                languagesList = EncodedMemberRows.languagesColumn(
                    text.split(whereSeparator: isSeparator)
                        .map { String(decoding: $0, as: UTF8.self).trimmedForImport }.filter { !$0.isEmpty })
            }
        }

        let consent = consent(
            of: { field in
                batch.span(row, field).map {
                    (string(UnsafeBufferPointer(rebasing: bytes[$0.offset..<$0.offset + $0.count])), $0.column)
                }
            }, extra: extras?.extraConsent ?? []
        ) { severity, field, column, value, problem, hint in
            problems.append(
                ImportProblem(
                    severity,
                    ImportError(
                        location: SourceLocation(file: fileName, line: line, column: column > 0 ? column : nil),
                        field: field.columnName, value: value, problem: problem, hint: hint)))
        }
        // A name that is a phone number: the columns are shifted, or the cells were mixed up.
        func checkName(_ field: MemberField) {
            guard let name = clean(field), name[0] == 0x2B || (name[0] >= 0x30 && name[0] <= 0x39),
                Self.isPhoneShaped(name)
            else { return }
            report(
                .warning, field, PhoneNumber.masked(string(name)),
                "looks like a phone number, not a name; kept as typed",
                "check that the columns are not shifted (a missing or extra delimiter earlier on the line), or move the number to the phone column"
            )
        }
        checkName(.firstName)
        checkName(.lastName)
        checkName(.fullName)
        let willingToHost = flag(.willingToHost)
        let organizerInterest = flag(.organizerInterest)
        let gender = clean(.gender)

        members.beginRow()
        if let canonicalID {
            members.setText(.id, canonicalID)
        } else if let rawID {
            members.setText(.id, rawID)
        } else {
            members.setText(.id, emailID)
        }
        members.setText(.firstName, clean(.firstName))
        members.setText(.lastName, clean(.lastName))
        members.setText(.fullName, clean(.fullName))
        members.setText(.email, email)
        members.setText(.phoneRaw, phone)
        members.setText(.phoneE164, phoneNormalized)
        members.setText(.city, city)
        members.setText(.region, region)
        members.setText(.country, countryBytes)
        members.setText(.countryCode, code)
        members.setText(.chapter, clean(.chapter))
        members.setText(.gender, gender)
        members.setText(.joined, joined)
        members.setFlag(.willingToHost, willingToHost)
        members.setFlag(.organizerInterest, organizerInterest)
        if let languagesList {
            members.setText(.languages, languagesList)
        } else {
            // No languages is an empty list, stored as "" (not NULL).
            members.setText(.languages, languagesCell ?? UnsafeBufferPointer(rebasing: bytes[0..<0]))
        }
        members.setFlag(.doNotCall, consent.doNotCall)
        members.setFlag(.doNotText, consent.doNotText)
        members.setFlag(.doNotContact, consent.doNotContact)
        members.setFlag(.deceased, consent.deceased)
        members.setText(.notes, raw(.notes).flatMap { $0.isEmpty ? nil : $0 })
        members.setPlace(city: city, region: region, country: countryBytes)
        members.endRow(gender: GenderCategory.classify(gender.map(string)))
        return problems
    }

    /// Reads `2011-03-14`, `2011-03-14T18:22:05Z` (date part) and US `MM/DD/YYYY`; returns the
    /// ISO calendar date or nil (see `CalendarDate.isoText(parsingExportDate:)`).
    static func parseDate(_ text: String) -> String? { CalendarDate.isoText(parsingExportDate: text) }

    /// The date an Excel serial day number stands for (`41797` → `2014-06-07`; day 25569 is
    /// 1970-01-01), for serials of 1990–2099 written as 5 digits; nil otherwise. Only shown in a
    /// hint: the cell is not read as that date (it might be anything else).
    static func excelSerialDate(_ text: String) -> String? {
        guard text.utf8.count == 5, let serial = Int(text), (32874...73050).contains(serial) else { return nil }
        return CalendarDate(daysSinceEpoch: serial - 25569).description
    }

    /// Whether a cell holds only digits and the punctuation of a phone number, with 7 or more digits.
    static func isPhoneShaped(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 {
                digits += 1
            } else if endsNumber(byte) {
                return false
            }
        }
        return digits >= 7
    }

    /// Whether a byte of a phone cell is neither a digit nor the punctuation inside a number
    /// (text after the number starts there: an extension, a comment, another number).
    private static func endsNumber(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x2B, 0x2F: false
        default: true
        }
    }

    /// A yes/no cell, case-blind: yes/no, y/n, true/false, t/f, 1/0, x for yes, and the words of the
    /// organization's languages (ja/nein/nee/nej/nei, oui/non, sí/si/sì, sim/não/nao, tak/nie);
    /// nil for anything else.
    static func yesOrNo(_ text: String) -> Bool? {
        switch text.lowercasedCheaply {
        case "yes", "y", "true", "t", "1", "x", "ja", "oui", "sí", "si", "sì", "sim", "tak": true
        case "no", "n", "false", "f", "0", "nein", "non", "nei", "nee", "nej", "não", "nao", "nie": false
        default: nil
        }
    }
}
