import Foundation
import TourPlannerCore

/// Turns a raw row into a validated `Member`: required fields, ids, dates, yes/no flags,
/// language lists, phone normalization and country codes. Never guesses: a value it cannot
/// read is reported (error for required fields, warning for optional ones).
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

    struct Parsed {
        var member: Member?
        var problems: [ImportProblem]
    }

    func parse(_ row: RawMemberRow) -> Parsed {
        var problems: [ImportProblem] = []
        func location(_ field: MemberField) -> SourceLocation {
            SourceLocation(
                file: fileName, line: row.line, column: row[field].flatMap { $0.column > 0 ? $0.column : nil })
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
        func clean(_ field: MemberField) -> String? {
            guard let text = row.text(field) else { return nil }
            let trimmed = text.trimmedForImport
            return trimmed.isEmpty ? nil : trimmed
        }
        func flag(_ field: MemberField) -> Bool? {
            guard let text = clean(field) else { return nil }
            switch text.lowercasedCheaply {
            case "yes", "y", "true", "t", "1", "x", "ja", "oui", "sí", "si": return true
            case "no", "n", "false", "f", "0", "nein", "non", "nei": return false
            default:
                report(.warning, field, text, "is not yes or no; left empty", "write yes, no, or leave it empty")
                return nil
            }
        }

        if !row.readProblems.isEmpty {
            problems += row.readProblems
            if row.readProblems.contains(where: { $0.severity == .error }) {
                return Parsed(member: nil, problems: problems)
            }
        }
        if let mismatch = row.fieldCountMismatch {
            // The fields would shift into the wrong columns: the row is not imported.
            problems.append(
                ImportProblem(
                    .error,
                    ImportError(
                        location: SourceLocation(file: fileName, line: row.line), field: "", value: "",
                        problem:
                            "has \(mismatch.found) fields but the header has \(mismatch.expected); the row was not imported",
                        hint:
                            "check for a missing or extra delimiter, or an unquoted field that contains one (quote it)")
                ))
            return Parsed(member: nil, problems: problems)
        }

        // Identity: the export id, else the normalized e-mail.
        let email = clean(.email)
        let id: MemberID
        if let rawID = clean(.id) {
            if requiresNumericID && (UInt64(rawID) == nil) {
                report(
                    .error, .id, rawID, "is not a decimal member id",
                    "member ids in the website export are whole numbers like 1042; fix the cell or map another column with --map"
                )
                return Parsed(member: nil, problems: problems)
            }
            id = MemberID(rawID)
        } else if let email {
            id = MemberID("email:" + email.lowercased())
        } else {
            report(
                .error, .id, "", "is empty and there is no e-mail to identify the member",
                "give each row its member id (or at least an e-mail)")
            return Parsed(member: nil, problems: problems)
        }

        // The place strings are kept exactly as imported (only emptiness is judged).
        guard let city = row.text(.city), !city.trimmedForImport.isEmpty else {
            report(
                .error, .city, "", "is empty",
                "every member needs a city; fill it in (the place is how tours are planned)")
            return Parsed(member: nil, problems: problems)
        }
        let region = row.text(.region).flatMap { $0.trimmedForImport.isEmpty ? nil : $0 }
        let country = row.text(.country).flatMap { $0.trimmedForImport.isEmpty ? nil : $0 }
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
            phoneNormalized = phoneE164(phone, code ?? (country == nil ? "US" : nil))
            if phoneNormalized == nil {
                report(
                    .warning, .phone, PhoneNumber.masked(phone), "could not be read as a phone number; kept as typed",
                    "write it with the country code, e.g. +1 617 555 0142")
            }
        }

        var joined: String?
        if let text = clean(.joined) {
            joined = Self.parseDate(text)
            if joined == nil {
                report(
                    .warning, .joined, text, "is not a date; left empty",
                    "use 2011-03-14, 2011-03-14T18:22:05Z or 03/14/2011")
            }
        }

        let languages =
            clean(.languages).map { text -> [String] in
                func isSeparator(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x3B || byte == 0x2F || byte == 0x7C }
                // Most members list one language: no split, no new strings.
                guard text.utf8.contains(where: isSeparator) else { return [text] }
                return text.utf8.split(whereSeparator: isSeparator)
                    .map { String(decoding: $0, as: UTF8.self).trimmedForImport }.filter { !$0.isEmpty }
            } ?? []

        let consent = consent(of: row) { severity, field, column, value, problem, hint in
            problems.append(
                ImportProblem(
                    severity,
                    ImportError(
                        location: SourceLocation(file: fileName, line: row.line, column: column > 0 ? column : nil),
                        field: field.columnName, value: value, problem: problem, hint: hint)))
        }
        let member = Member(
            id: id, firstName: clean(.firstName), lastName: clean(.lastName), fullName: clean(.fullName),
            email: email, phoneRaw: phone, phoneE164: phoneNormalized, city: city, region: region, country: country,
            countryCode: code, chapter: clean(.chapter), gender: clean(.gender), joined: joined,
            willingToHost: flag(.willingToHost), organizerInterest: flag(.organizerInterest), languages: languages,
            doNotCall: consent.doNotCall, doNotText: consent.doNotText, doNotContact: consent.doNotContact,
            deceased: consent.deceased,
            notes: row.text(.notes).flatMap { $0.isEmpty ? nil : $0 })
        return Parsed(member: member, problems: problems)
    }

    /// Reads `2011-03-14`, `2011-03-14T18:22:05Z` (date part) and US `MM/DD/YYYY`; returns the
    /// ISO calendar date or nil (see `CalendarDate.isoText(parsingExportDate:)`).
    static func parseDate(_ text: String) -> String? { CalendarDate.isoText(parsingExportDate: text) }
}
