import Testing

@testable import TourPlanner

@Suite("Masking phones and e-mails; e-mail keys")
struct ContactMaskingTests {
    @Test(
        arguments: [
            ("+16175550142", "+1 617 ••• ••42"),
            ("+1 (617) 555-0142", "+1 617 ••• ••42"),
            ("(617) 555-0142", "617 •••••42"),
            ("+442079460958", "+4420 ••••••58"),
            ("555-0142", "•••••42"),
            ("12-34-56", "•••6"),
            ("call me", "•••"),
        ])
    func phones(raw: String, expected: String) {
        #expect(PhoneNumber.masked(raw) == expected)
    }

    @Test func maskedPhoneNeverShowsTheNumber() {
        for raw in ["+16175550142", "(617) 555-0142", "0171 1234567", "+4741234567"] {
            let digits = raw.filter(\.isNumber)
            #expect(!PhoneNumber.masked(raw).filter(\.isNumber).contains(digits))
            #expect(PhoneNumber.masked(raw).contains("•"))
        }
    }

    @Test func emails() {
        #expect(EmailAddress.normalizedKey("  Zoe.Example@Example.ORG \n") == "zoe.example@example.org")
        #expect(EmailAddress.normalizedKey("   ") == nil)
        #expect(EmailAddress.masked("zoe.example@example.org") == "z•••@example.org")
        #expect(EmailAddress.masked(" Zoe@Example.org ") == "Z•••@Example.org")
        #expect(EmailAddress.masked("not an address") == "•••")
        #expect(EmailAddress.masked("@example.org") == "•••")
    }
}
