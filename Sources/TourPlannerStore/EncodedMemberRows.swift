/// The insert's column values of a batch of members as one byte buffer and two cells per
/// `MemberColumn` per member: (offset, count) for a text (count −1 = NULL), (flag, 0) for a
/// flag (flag −1 = NULL). Built by the importer's writer per batch so binding only reads spans.
package struct EncodedMemberRows: Sendable {
    /// Cells per member: two per column.
    static let cellsPerRow = MemberColumn.allCases.count * 2
    private(set) var bytes: [UInt8] = []
    private(set) var cells: [Int32] = []
    /// Per member: `stableHash` of the id and of the e-mail key, the place key, the gender category.
    private(set) var idHashes: [UInt64] = []
    private(set) var emailHashes: [UInt64?] = []
    private(set) var placeKeys: [String] = []
    private(set) var genders: [GenderCategory] = []

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
            emailKey: member.email?.lowercasedCheaply, placeKey: member.placeKey.rawValue,
            genderCategory: GenderCategory.classify(member.gender),
            languages: member.languages.count == 1 ? member.languages[0] : member.languages.joined(separator: ","))
        idHashes.append(stableHash(member.id.rawValue))
        emailHashes.append(derived.emailKey.map(stableHash))
        placeKeys.append(derived.placeKey)
        genders.append(derived.genderCategory)
        for column in MemberColumn.allCases {
            switch column.cell(of: member, derived) {
            case .text(let value): text(value)
            case .flag(let value): flag(value)
            }
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
