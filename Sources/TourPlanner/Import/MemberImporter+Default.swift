extension MemberImporter {
    /// An importer wired to the bundled country table and phone metadata.
    ///
    /// - Throws: `GazetteerError` when the bundled country table is missing.
    package static func makeDefault() throws -> MemberImporter {
        let countries = try CountryTable.loadBundled()
        let phones = PhoneNumberNormalizer.loadBundled()
        return MemberImporter(
            countryCode: { countries.code(for: $0) },
            phoneE164: { raw, region in phones?.e164(raw, defaultRegion: region) })
    }
}
