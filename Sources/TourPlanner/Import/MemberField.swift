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

    /// Position in `allCases`, for array-indexed rows (the importer's hot path).
    var ordinal: Int {
        switch self {
        case .id: 0
        case .firstName: 1
        case .lastName: 2
        case .fullName: 3
        case .email: 4
        case .phone: 5
        case .city: 6
        case .region: 7
        case .country: 8
        case .chapter: 9
        case .gender: 10
        case .joined: 11
        case .willingToHost: 12
        case .organizerInterest: 13
        case .languages: 14
        case .doNotCall: 15
        case .doNotText: 16
        case .notes: 17
        }
    }
}

/// One row of an export before validation: the raw text of each mapped field, with its column.
struct RawMemberRow {
    var line: Int
    private var storage: [(text: String, column: Int)?] = Array(repeating: nil, count: MemberField.allCases.count)
    /// (fields in the row, fields in the header) when they differ.
    var fieldCountMismatch: (found: Int, expected: Int)?

    init(line: Int) { self.line = line }

    /// The raw text of a field and its 1-based column (0 when the format has no columns).
    subscript(field: MemberField) -> (text: String, column: Int)? {
        get { storage[field.ordinal] }
        set { storage[field.ordinal] = newValue }
    }

    func text(_ field: MemberField) -> String? { storage[field.ordinal]?.text }
}
