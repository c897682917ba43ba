/// The member fields an export column (or XML element) can map to.
public enum MemberField: String, Sendable, CaseIterable, Codable, Hashable {
    case id
    case firstName = "first_name"
    case lastName = "last_name"
    case fullName = "full_name"
    case email
    case phone
    case city
    case region
    case country
    case chapter
    case gender
    case joined
    case willingToHost = "willing_to_host"
    case organizerInterest = "organizer_interest"
    case languages
    case doNotCall = "do_not_call"
    case doNotText = "do_not_text"
    case notes

    /// The column name in the organization's own CSV export (and in mapping files).
    public var columnName: String { rawValue }
}

/// One row of an export before validation: the raw text of each mapped field, with its column.
struct RawMemberRow {
    var line: Int
    var values: [MemberField: (text: String, column: Int)] = [:]
    /// (fields in the row, fields in the header) when they differ.
    var fieldCountMismatch: (found: Int, expected: Int)?

    func text(_ field: MemberField) -> String? {
        guard let text = values[field]?.text else { return nil }
        return text
    }
}
