import Testing

@testable import TourPlanner

/// Expected values are libphonenumber's (Python `phonenumbers` 9.0.43) for the same input.
@Suite("Phone numbers to E.164")
struct PhoneNumberNormalizerTests {
    let normalizer = PhoneNumberNormalizer.loadBundled()

    @Test("the bundled table covers every libphonenumber region")
    func bundled() throws {
        let normalizer = try #require(normalizer)
        #expect(normalizer.regionCount == 245)
    }

    @Test(
        "US formats people type",
        arguments: [
            ("(617) 555-0142", "+16175550142"),
            ("+1 617 555 0142", "+16175550142"),
            ("617.555.0142", "+16175550142"),
            ("617-555-0142", "+16175550142"),
            ("1-617-555-0142", "+16175550142"),
            ("  617 555 0142  ", "+16175550142"),
            ("(413) 555-0123 x12", "+14135550123"),
            ("617-555-0142 ext. 4", "+16175550142"),
            ("617-555-0142 (cell)", "+16175550142"),
            ("011 44 20 7946 0958", "+442079460958"),
            ("+47 412 34 567", "+4741234567"),
        ])
    func unitedStates(raw: String, expected: String) throws {
        let normalizer = try #require(normalizer)
        #expect(normalizer.e164(raw, defaultRegion: "US") == expected)
        #expect(normalizer.e164(raw, defaultRegion: "us") == expected)
    }

    @Test(
        "national and international formats abroad",
        arguments: [
            ("0171 1234567", "DE", "+491711234567"),
            ("+49 (0)171 1234567", "DE", "+491711234567"),
            ("00 47 412 34 567", "DE", "+4741234567"),
            ("8 (495) 123-45-67", "RU", "+74951234567"),
            ("810 49 171 1234567", "RU", "+491711234567"),
            ("06 1234 5678", "IT", "+390612345678"),
            ("+39 06 1234 5678", "IT", "+390612345678"),
            ("412 34 567", "NO", "+4741234567"),
            ("0047 412 34 567", "NO", "+4741234567"),
            ("020 7946 0958", "GB", "+442079460958"),
            ("+44 (0)20 7946 0958", "GB", "+442079460958"),
            ("07700 900123", "GB", "+447700900123"),
            ("0161 496 0123", "GB", "+441614960123"),
            ("01 45 67 89 01", "FR", "+33145678901"),
            ("06 12 34 56 78", "FR", "+33612345678"),
            ("0412 345 678", "AU", "+61412345678"),
            ("(02) 9876 5432", "AU", "+61298765432"),
            ("0011 44 20 7946 0958", "AU", "+442079460958"),
            ("03-1234-5678", "JP", "+81312345678"),
            ("090-1234-5678", "JP", "+819012345678"),
            ("0664 1234567", "AT", "+436641234567"),
            ("01 5123456", "AT", "+4315123456"),
            ("(11) 91234-5678", "BR", "+5511912345678"),
            ("011 2345 6789", "AR", "+541123456789"),
            ("011 15 2345 6789", "AR", "+5491123456789"),
            ("55 1234 5678", "MX", "+525512345678"),
            ("98765 43210", "IN", "+919876543210"),
            ("098765 43210", "IN", "+919876543210"),
            ("+91 98765 43210", "IN", "+919876543210"),
        ])
    func abroad(raw: String, region: String, expected: String) throws {
        let normalizer = try #require(normalizer)
        #expect(normalizer.e164(raw, defaultRegion: region) == expected)
    }

    @Test(
        "digits of other scripts and the full-width plus are read as ASCII digits",
        arguments: [
            (
                "\u{FF10}\u{FF13}-\u{FF11}\u{FF12}\u{FF13}\u{FF14}-\u{FF15}\u{FF16}\u{FF17}\u{FF18}", "JP",
                "+81312345678"
            ),
            (
                "\u{FF0B}\u{FF14}\u{FF17} \u{FF14}\u{FF11}\u{FF12} \u{FF13}\u{FF14} \u{FF15}\u{FF16}\u{FF17}", "US",
                "+4741234567"
            ),
            ("\u{660}\u{666}\u{661}\u{662}\u{663}\u{664}\u{665}\u{666}\u{667}\u{668}", "FR", "+33612345678"),
            ("617 555 014\u{0968}", "US", "+16175550142"),
        ])
    func otherScripts(raw: String, region: String, expected: String) throws {
        let normalizer = try #require(normalizer)
        #expect(normalizer.e164(raw, defaultRegion: region) == expected)
    }

    @Test(
        "junk, wrong lengths and numbers without a region or '+' are not guessed",
        arguments: [
            ("call me", "US"), ("", "US"), ("12", "US"), ("555-0142", "US"), ("n/a", "US"),
            ("0047 412 34 567", "US"), ("617 555 0142", "ZZ"), ("+1 617 555 01", "US"),
            ("++1 617 555 0142", "US"), ("617 555 0142 9999 9999 9999", "US"), ("+999 1234 5678", "US"),
        ])
    func rejects(raw: String, region: String) throws {
        let normalizer = try #require(normalizer)
        #expect(normalizer.e164(raw, defaultRegion: region) == nil)
        #expect(normalizer.e164("617 555 0142", defaultRegion: nil) == nil)
    }

    /// Known answers from Python's phonenumbers 9.0.43 (`format_number` NATIONAL and INTERNATIONAL).
    @Test(
        "numbers grouped as each country writes them, at home and from abroad (as libphonenumber does)",
        arguments: [
            ("+33142685300", "01 42 68 53 00", "+33 1 42 68 53 00"),
            ("+442079460958", "020 7946 0958", "+44 20 7946 0958"),
            ("+61412345678", "0412 345 678", "+61 412 345 678"), ("+4930123456", "030 123456", "+49 30 123456"),
            ("+16175550142", "(617) 555-0142", "+1 617-555-0142"),
            ("+390612345678", "06 1234 5678", "+39 06 1234 5678"),
            ("+5511987654321", "(11) 98765-4321", "+55 11 98765-4321"),
            ("+4791234567", "91 23 45 67", "+47 91 23 45 67"), ("+81312345678", "03-1234-5678", "+81 3-1234-5678"),
            ("+919876543210", "098765 43210", "+91 98765 43210"),
            ("+972501234567", "050-123-4567", "+972 50-123-4567"),
        ])
    func groupedForms(e164: String, national: String, international: String) throws {
        let normalizer = try #require(normalizer)
        #expect(normalizer.nationalForm(e164) == national)
        #expect(normalizer.internationalForm(e164) == international)
        // Grouping only adds separators: the digits are the number's own
        #expect(national.filter(\.isNumber).hasSuffix(String(e164.dropFirst(e164.hasPrefix("+1") ? 2 : 3)).suffix(7)))
    }

    @Test("a number no format matches is not grouped; text that is not E.164 has no form")
    func ungrouped() throws {
        let normalizer = try #require(normalizer)
        #expect(normalizer.nationalForm("617") == nil)
        #expect(normalizer.internationalForm("617") == nil && normalizer.internationalForm("+33 1 42") == nil)
        #expect(normalizer.nationalForm("+3312") == "012")
    }
}

@Suite("Phone text after the number")
struct PhoneTextTests {
    @Test(
        "extensions",
        arguments: [
            ("+1-617-555-0161 ext. 12", "12"), ("617 555 0165 x7", "7"), ("(617) 555-0142 #3", "3"),
            ("+44 20 7946 0958 extension 204", "204"), ("tel:+16175550142;ext=9", nil), ("+16175550142;ext=9", "9"),
            ("617 555 0142", nil), ("617 555 0142 (mobile)", nil), ("617 555 0142 x", nil),
        ] as [(String, String?)])
    func extensionDigits(raw: String, digits: String?) {
        #expect(PhoneNumber.extensionDigits(raw) == digits)
    }

    @Test(
        "a second number",
        arguments: [
            ("+1 617 555 0162, +1 617 555 0163", true), ("617 555 0142 or 617 555 0143", true),
            ("617 555 0142 ext. 12345", false), ("617 555 0142 (mobile)", false), ("617 555 0142", false),
        ])
    func secondNumber(raw: String, expected: Bool) {
        #expect(PhoneNumber.hasSecondNumber(raw) == expected)
    }

    @Test(
        "scientific notation",
        arguments: [
            ("6.17555E+09", true), ("1.61755501E+10", true), ("4.602E+03", true), ("6E9", true),
            ("617-555-0142", false), ("E+09", false), ("1.2.3E+4", false), ("6.17555E+", false),
        ])
    func scientificNotation(raw: String, expected: Bool) {
        #expect(PhoneNumber.isScientificNotation(raw) == expected)
    }
}
