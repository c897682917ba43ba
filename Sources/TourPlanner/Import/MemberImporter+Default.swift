extension MemberImporter {
    /// An importer wired to the bundled country table and phone metadata.
    public static func makeDefault() -> MemberImporter {
        // Wired to CountryTable / PhoneNumberNormalizer when those stages land.
        MemberImporter(countryCode: { _ in nil }, phoneE164: { _, _ in nil })
    }
}
