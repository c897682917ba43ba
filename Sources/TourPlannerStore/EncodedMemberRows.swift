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

    /// Appends one member's values, one cell pair per `MemberColumn`, in column order.
    package mutating func append(_ member: Member) {
        let derived = MemberColumn.Derived(
            emailKey: member.email?.lowercasedCheaply, genderCategory: GenderCategory.classify(member.gender),
            languages: member.languages.count == 1 ? member.languages[0] : member.languages.joined(separator: ","))
        idHashes.append(stableHash(member.id.rawValue))
        emailHashes.append(derived.emailKey.map(stableHash))
        genders.append(derived.genderCategory)
        for column in MemberColumn.allCases {
            switch column.cell(of: member, derived) {
            case .text(let value): text(value)
            case .flag(let value): flag(value)
            case .place(let city, let region, let country):
                let offset = bytes.count
                bytes.append(contentsOf: city.utf8)
                bytes.append(0x1F)
                if let region { bytes.append(contentsOf: region.utf8) }
                bytes.append(0x1F)
                if let country { bytes.append(contentsOf: country.utf8) }
                cells.append(Int32(offset))
                cells.append(Int32(bytes.count - offset))
                placeHashes.append(
                    bytes.withUnsafeBufferPointer { stableHash(UnsafeBufferPointer(rebasing: $0[offset...])) })
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

    private mutating func flag(_ value: Bool?) {
        cells.append(value.map { $0 ? 1 : 0 } ?? -1)
        cells.append(0)
    }

    private mutating func text(_ value: String?) {
        guard let value else {
            cells.append(0)
            cells.append(-1)
            return
        }
        let offset = bytes.count
        bytes.append(contentsOf: value.utf8)
        cells.append(Int32(offset))
        cells.append(Int32(bytes.count - offset))
    }
}
