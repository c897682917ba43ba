/// The insert's column values of a batch of members as one byte buffer and two cells per
/// `MemberColumn` per member: (offset, count) for a text (count −1 = NULL), (flag, 0) for a
/// flag (flag −1 = NULL). Built by the importer's writer per batch so binding only reads spans.
package struct EncodedMemberRows: Sendable {
    /// Cells per member: two per column.
    static let cellsPerRow = MemberColumn.allCases.count * 2
    private(set) var bytes: [UInt8] = []
    private(set) var cells: [Int32] = []
    /// Per member: `stableHash` of the id, of the e-mail key and of the place key's stored
    /// form, and the gender category.
    private(set) var idHashes: [UInt64] = []
    private(set) var emailHashes: [UInt64?] = []
    private(set) var placeHashes: [UInt64] = []
    private(set) var genders: [GenderCategory] = []
    /// Per member numbered so far: the place key's number (`PlaceNumbering`).
    private(set) var placeNumbers: [Int32] = []

    /// The number of members encoded.
    package var count: Int { idHashes.count }

    package init(capacity: Int = 1) {
        bytes.reserveCapacity(capacity * 256)
        cells.reserveCapacity(capacity * Self.cellsPerRow)
    }

    /// Row `row`'s text in `column`: its bytes' offset in `bytes` and count (−1: NULL).
    func text(_ row: Int, _ column: MemberColumn) -> (offset: Int, count: Int32) {
        let cell = row * Self.cellsPerRow + 2 * column.rawValue
        return (Int(cells[cell]), cells[cell + 1])
    }

    /// Row `row`'s flag in `column`: 1, 0, or −1 for NULL.
    func flag(_ row: Int, _ column: MemberColumn) -> Int64 {
        Int64(cells[row * Self.cellsPerRow + 2 * column.rawValue])
    }

    /// Appends one member's values (the same cells as the importer's parsing tasks write with
    /// `beginRow()`, `setText`, `setFlag`, `setPlace` and `endRow`).
    package mutating func append(_ member: Member) {
        beginRow()
        for column in MemberColumn.allCases {
            switch column {
            case .id: setText(.id, member.id.rawValue)
            case .firstName: setText(.firstName, member.firstName)
            case .lastName: setText(.lastName, member.lastName)
            case .fullName: setText(.fullName, member.fullName)
            case .email: setText(.email, member.email)
            case .phoneRaw: setText(.phoneRaw, member.phoneRaw)
            case .phoneE164: setText(.phoneE164, member.phoneE164)
            case .city: setText(.city, member.city)
            case .region: setText(.region, member.region)
            case .country: setText(.country, member.country)
            case .countryCode: setText(.countryCode, member.countryCode)
            case .chapter: setText(.chapter, member.chapter)
            case .gender: setText(.gender, member.gender)
            case .joined: setText(.joined, member.joined)
            case .willingToHost: setFlag(.willingToHost, member.willingToHost)
            case .organizerInterest: setFlag(.organizerInterest, member.organizerInterest)
            case .languages: setText(.languages, Self.languagesColumn(member.languages))
            case .doNotCall: setFlag(.doNotCall, member.doNotCall)
            case .doNotText: setFlag(.doNotText, member.doNotText)
            case .notes: setText(.notes, member.notes)
            case .doNotContact: setFlag(.doNotContact, member.doNotContact)
            case .deceased: setFlag(.deceased, member.deceased)
            // Derived in `endRow`.
            case .emailKey, .placeKey, .genderCategory: break
            }
        }
        var city = member.city
        var region = member.region ?? ""
        var country = member.country ?? ""
        city.withUTF8 { city in
            region.withUTF8 { region in
                country.withUTF8 { country in
                    setPlace(
                        city: city, region: member.region == nil ? nil : region,
                        country: member.country == nil ? nil : country)
                }
            }
        }
        endRow(gender: GenderCategory.classify(member.gender))
    }

    /// A member's languages as the `languages` column stores them: comma-separated ("" for none).
    package static func languagesColumn(_ languages: [String]) -> String {
        languages.count == 1 ? languages[0] : languages.joined(separator: ",")
    }

    /// Starts a member: every column NULL until set. Set the columns (any order), the place,
    /// then call `endRow(gender:)`.
    package mutating func beginRow() { cells.append(contentsOf: Self.nullRow) }

    /// The cells of a row with every column NULL.
    private static let nullRow = [Int32]((0..<MemberColumn.allCases.count).flatMap { _ in [Int32(0), -1] })

    /// The first cell of the row being built.
    private var rowStart: Int { cells.count - Self.cellsPerRow }

    /// Sets a text column of the row being built (nil: NULL).
    package mutating func setText(_ column: MemberColumn, _ text: UnsafeBufferPointer<UInt8>?) {
        guard let text else { return }
        let cell = rowStart + 2 * column.rawValue
        cells[cell] = Int32(bytes.count)
        cells[cell + 1] = Int32(text.count)
        bytes.append(contentsOf: text)
    }

    /// Sets a text column of the row being built (nil: NULL).
    package mutating func setText(_ column: MemberColumn, _ text: String?) {
        guard var text else { return }
        text.withUTF8 { setText(column, $0) }
    }

    /// Sets a flag column of the row being built (nil: NULL).
    package mutating func setFlag(_ column: MemberColumn, _ value: Bool?) {
        let cell = rowStart + 2 * column.rawValue
        cells[cell] = value.map { $0 ? 1 : 0 } ?? -1
        cells[cell + 1] = 0
    }

    /// Sets the place key's stored form (`PlaceKey.rawValue`: city, region and country joined
    /// by U+001F), written from the three parts without building it, and its hash.
    package mutating func setPlace(
        city: UnsafeBufferPointer<UInt8>, region: UnsafeBufferPointer<UInt8>?, country: UnsafeBufferPointer<UInt8>?
    ) {
        let offset = bytes.count
        bytes.append(contentsOf: city)
        bytes.append(0x1F)
        if let region { bytes.append(contentsOf: region) }
        bytes.append(0x1F)
        if let country { bytes.append(contentsOf: country) }
        let cell = rowStart + 2 * MemberColumn.placeKey.rawValue
        cells[cell] = Int32(offset)
        cells[cell + 1] = Int32(bytes.count - offset)
        placeHashes.append(bytes.withUnsafeBufferPointer { stableHash(UnsafeBufferPointer(rebasing: $0[offset...])) })
    }

    /// Finishes the row being built: the derived columns (the e-mail key, stored only where it
    /// differs from the e-mail; the gender category) and the id and e-mail hashes.
    package mutating func endRow(gender: GenderCategory) {
        let row = count
        setText(.genderCategory, gender.rawValue)
        genders.append(gender)
        idHashes.append(withText(row, .id) { stableHash($0) })
        let email = text(row, .email)
        guard email.count >= 0 else {
            emailHashes.append(nil)
            return
        }
        let needsFolding = withText(row, .email) { bytes in
            bytes.contains { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }
        }
        if needsFolding, let key = string(row, .email)?.lowercased(), key != string(row, .email) {
            setText(.emailKey, key)
            emailHashes.append(stableHash(key))
        } else {
            emailHashes.append(withText(row, .email) { stableHash($0) })
        }
    }

    /// Numbers the place keys of the rows not numbered yet.
    mutating func numberPlaces(in table: inout ByteKeyTable) {
        let first = placeNumbers.count
        guard first < count else { return }
        placeNumbers.reserveCapacity(count)
        bytes.withUnsafeBufferPointer { buffer in
            for row in first..<count {
                let (offset, length) = text(row, .placeKey)
                let key = UnsafeBufferPointer(rebasing: buffer[offset..<offset + Int(length)])
                placeNumbers.append(Int32(table.number(hash: placeHashes[row], bytes: key).number))
            }
        }
    }

    /// Row `row`'s text in `column` as a string (nil for NULL).
    func string(_ row: Int, _ column: MemberColumn) -> String? {
        let (offset, count) = text(row, column)
        guard count >= 0 else { return nil }
        return String(decoding: bytes[offset..<offset + Int(count)], as: UTF8.self)
    }

    /// Row `row`'s member id.
    package func id(_ row: Int) -> MemberID { MemberID(string(row, .id) ?? "") }

    /// Row `row`'s e-mail key (the lowercased e-mail), nil without an e-mail.
    func emailKey(_ row: Int) -> String? { string(row, .emailKey) ?? string(row, .email) }

    /// Row `row`'s consent flags as encoded (before any stored flag is kept).
    package func consent(_ row: Int) -> ContactConsent {
        ContactConsent(
            doNotCall: flag(row, .doNotCall) == 1, doNotText: flag(row, .doNotText) == 1,
            doNotContact: flag(row, .doNotContact) == 1, deceased: flag(row, .deceased) == 1)
    }

    /// Row `row`'s text in `column` as bytes (empty for NULL), valid inside `body`.
    func withText<Result>(_ row: Int, _ column: MemberColumn, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
        -> Result
    {
        let (offset, count) = text(row, column)
        return bytes.withUnsafeBufferPointer { buffer in
            body(
                count <= 0
                    ? UnsafeBufferPointer(rebasing: buffer[0..<0])
                    : UnsafeBufferPointer(rebasing: buffer[offset..<offset + Int(count)]))
        }
    }
}
