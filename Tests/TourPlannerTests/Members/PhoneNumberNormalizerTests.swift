import Testing

@testable import TourPlanner

@Suite("Phone numbers to E.164")
struct PhoneNumberNormalizerTests {
    let normalizer = PhoneNumberNormalizer.loadBundled()

    @Test(
        arguments: [
            ("(617) 555-0142", "US", "+16175550142"),
            ("+1 617 555 0142", "US", "+16175550142"),
            ("617.555.0142", "US", "+16175550142"),
            ("617-555-0142", "US", "+16175550142"),
            ("1-617-555-0142", "US", "+16175550142"),
            ("(413) 555-0123 x12", "US", "+14135550123"),
            ("011 44 20 7946 0958", "US", "+442079460958"),
            ("0171 1234567", "DE", "+491711234567"),
            ("8 (495) 123-45-67", "RU", "+74951234567"),
            ("06 1234 5678", "IT", "+390612345678"),
            ("+47 412 34 567", "NO", "+4741234567"),
            ("412 34 567", "NO", "+4741234567"),
            ("0047 412 34 567", "US", nil),
            ("0047 412 34 567", "NO", "+4741234567"),
            ("020 7946 0958", "GB", "+442079460958"),
            ("01 45 67 89 01", "FR", "+33145678901"),
            ("0412 345 678", "AU", "+61412345678"),
            ("03-1234-5678", "JP", "+81312345678"),
            ("0664 1234567", "AT", "+436641234567"),
        ] as [(String, String, String?)])
    func normalizes(raw: String, region: String, expected: String?) throws {
        let normalizer = try #require(normalizer)
        #expect(normalizer.e164(raw, defaultRegion: region) == expected)
    }

    @Test(
        "junk and numbers without a region or '+' are not guessed", arguments: ["call me", "", "12", "555-0142", "n/a"])
    func rejects(raw: String) throws {
        let normalizer = try #require(normalizer)
        #expect(normalizer.e164(raw, defaultRegion: "US") == nil)
        #expect(normalizer.e164("617 555 0142", defaultRegion: nil) == nil)
    }
}
