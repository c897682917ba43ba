import Foundation
import Testing

@testable import TourPlanner

/// Known answers for the hostile inputs found by running the importer on files typed by people,
/// other tools' exports and spreadsheet damage (fixtures `hostile-*.csv`).
@Suite("Import: hostile inputs")
struct HostileInputTests {
    /// An importer with the bundled phone normalizer (the real rules, not the 10-digit stub).
    func realPhoneImporter(maxErrors: Int = 10) throws -> MemberImporter {
        let phones = try #require(PhoneNumberNormalizer.loadBundled())
        var importer = MemberImporter(
            countryCode: testCountryCodes, phoneE164: { raw, region in phones.e164(raw, defaultRegion: region) })
        importer.maxErrors = maxErrors
        return importer
    }

    func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)).path
    }

    func load(_ name: String, maxErrors: Int = 10) async throws -> (ImportReport, [Member]) {
        let store = try TourDatabase.makeInMemory()
        let report = try await realPhoneImporter(maxErrors: maxErrors).importFile(
            path: try fixture(name), displayName: name, into: store, now: testDate)
        return (report, try store.fetchMembers())
    }

    @Test("a consent column no mapping reads (opt_out) refuses the file, naming it; Do Not Mail does not")
    func unreadConsentColumn() async throws {
        // Given a CiviCRM export with an extra opt_out column TourPlanner has no field for
        // When it is imported
        // Then nothing is imported and the error names the column and how to map it
        let store = try TourDatabase.makeInMemory()
        let error = try await #require(throws: ImportError.self) {
            try await realPhoneImporter().importFile(
                path: try fixture("hostile-consent-column.csv"), displayName: "c.csv", into: store, now: testDate)
        }
        #expect(error.location == SourceLocation(file: "c.csv", line: 1, column: 11))
        #expect(error.field == "opt_out")
        #expect(error.problem.hasPrefix("looks like a consent column"))
        #expect(error.hint.contains("do_not_contact") && error.hint.contains("nothing was imported"))
        #expect(try store.fetchMembers().isEmpty)
    }

    @Test(
        "consent-looking headers",
        arguments: [
            ("opt_out", true), ("Opted Out", true), ("unsubscribed", true), ("Do Not Text", true), ("DNC", true),
            ("SMS consent", true), ("Can2Sms Status", true), ("is_dead", true), ("Do Not Mail", false),
            ("email_unsubscribed", false), ("Do Not Trade", false), ("Shoe Size", false), ("", false),
            ("stopwatch", false),
        ])
    func consentHeaders(header: String, looksLikeConsent: Bool) {
        #expect(ColumnMapping.looksLikeConsent(header) == looksLikeConsent)
    }

    @Test("phones: an extension is kept as typed, two numbers, Excel notation and a formula are each named")
    func phonesAndIDs() async throws {
        let (report, members) = try await load("hostile-phones-ids.csv")
        let byID = Dictionary(uniqueKeysWithValues: members.map { ($0.id.rawValue, $0) })
        // The extension is dropped from E.164 (libphonenumber does the same) but kept as typed.
        #expect(byID["5001"]?.phoneE164 == "+16175550161")
        #expect(byID["5001"]?.phoneRaw == "+1-617-555-0161 ext. 12")
        // Two numbers: the first is read, and a warning says the second is not.
        #expect(byID["5002"]?.phoneE164 == "+16175550162")
        let messages = report.problems.map { "\($0.error.location.line ?? 0) \($0.error.field): \($0.error.problem)" }
        #expect(
            messages.contains(
                "3 phone: holds more than one phone number; only the first (+1 617 ••• ••62) is called and texted"))
        #expect(
            messages.contains(
                "4 phone: was turned into a number in scientific notation by a spreadsheet (its last digits are lost); kept as typed"
            ))
        #expect(byID["5003"]?.phoneE164 == nil && byID["5003"]?.joined == nil)
        // 41797 is Excel's serial for 2014-06-07 (41640 = 2014-01-01, + 31+28+31+30+31+6 days).
        let serial = try #require(report.problems.first { $0.error.field == "joined" })
        #expect(serial.error.hint.contains("41797 is 2014-06-07"))
        #expect(
            messages.contains(
                "5 phone: starts with = (a spreadsheet formula); read as +1 617 ••• ••64, but a spreadsheet may have changed it"
            ))
        // "005005" is member 5005, with a warning (a spreadsheet drops or keeps leading zeros).
        #expect(byID["5005"]?.phoneE164 == "+16175550165" && byID["005005"] == nil)
        #expect(messages.contains("6 id: has leading zeros; read as member 5005"))
        #expect(report.errors == 0 && members.count == 5)
    }

    @Test("004603 and 4603 are one member: the second row is a duplicate, not a new member")
    func leadingZeroIDsAreOneMember() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let path = try folder.write("z.csv", "id,city\n004603,Boston\n4603,Boston\n")
        let report = try await makeImporter(maxErrors: 10).importFile(
            path: path, displayName: "z.csv", into: store, now: testDate)
        #expect(try store.fetchMembers().map(\.id.rawValue) == ["4603"])
        #expect(report.added == 1)
    }

    @Test("a phone number in a name column is named (the columns may be shifted); a name with digits is not")
    func phoneInNameColumn() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let path = try folder.write(
            "n.csv", "id,first_name,last_name,city\n1,+1 617 555 0103,Example,Boston\n2,Ann,4th,Boston\n3,Bo,2,Boston\n"
        )
        let report = try await makeImporter(maxErrors: 10).importFile(
            path: path, displayName: "n.csv", into: store, now: testDate)
        #expect(try store.fetchMembers().count == 3)
        let problem = try #require(report.problems.first)
        #expect(report.problems.count == 1)
        #expect(problem.error.location == SourceLocation(file: "n.csv", line: 2, column: 2))
        #expect(problem.error.field == "first_name" && problem.error.value == "+1 617 ••• ••03")
        #expect(problem.error.problem == "looks like a phone number, not a name; kept as typed")
    }

    @Test("a trailer line (\"Total: 2 rows\") is a row error whose hint says what it is")
    func trailerLine() async throws {
        let (report, members) = try await load("hostile-trailer.csv")
        #expect(members.count == 2)
        let problem = try #require(report.problems.first)
        #expect(problem.error.location.line == 4)
        #expect(problem.error.hint.hasPrefix("a line with one field is often a summary a spreadsheet added"))
    }

    @Test("an invisible character in a value is named in the message (a byte-order mark inside the file)")
    func invisibleCharacterNamed() async throws {
        let (report, members) = try await load("hostile-bom-midfile.csv")
        #expect(members.isEmpty)
        let problem = try #require(report.problems.first)
        #expect(problem.error.value == "<U+FEFF>5201")
        #expect(problem.error.location == SourceLocation(file: "hostile-bom-midfile.csv", line: 2, column: 1))
    }

    @Test(
        "format characters are written as codes in messages; ZWJ, ZWNJ and ordinary text are kept",
        arguments: [
            ("\u{202E}evil", "<U+202E>evil"), ("a\u{200B}b", "a<U+200B>b"), ("👩\u{200D}💻", "👩\u{200D}💻"),
            ("می\u{200C}خواهم", "می\u{200C}خواهم"), ("José", "José"),
        ])
    func excerptNamesFormatCharacters(value: String, shown: String) {
        #expect(ImportError.excerpt(value) == shown)
    }
}
