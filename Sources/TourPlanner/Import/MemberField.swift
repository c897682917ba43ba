/// The member fields an export column (or XML element) can map to.
package enum MemberField: String, Sendable, CaseIterable, Codable, Hashable {
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
    /// yes = no contact of any kind.
    case doNotContact = "do_not_contact"
    /// yes = the member has died (never contacted).
    case deceased
    /// A texting status word (`subscribed`, `unsubscribed`, `opted out`, `stop`…): an opt-out
    /// sets do-not-text (Action Network `can2_sms_status`, Mobilize `sms_opt_in_status`).
    case smsStatus = "sms_status"
    /// A texting opt-in yes/no: an explicit no sets do-not-text (NationBuilder `mobile_opt_in`).
    case textOptIn = "text_opt_in"
    /// An e-mail subscription status: recognized and documented, but it never stops calls or
    /// texts (we do not send e-mail), so its value is not used.
    case emailStatus = "email_status"

    /// True for the consent columns (several columns may feed one; any opt-out counts).
    var isConsent: Bool {
        switch self {
        case .doNotCall, .doNotText, .doNotContact, .deceased, .smsStatus, .textOptIn, .emailStatus: true
        case .id, .firstName, .lastName, .fullName, .email, .phone, .city, .region, .country, .chapter, .gender,
            .joined, .willingToHost, .organizerInterest, .languages, .notes:
            false
        }
    }

    /// The column name in the organization's own CSV export (and in mapping files).
    package var columnName: String { rawValue }

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
        case .doNotContact: 18
        case .deceased: 19
        case .smsStatus: 20
        case .textOptIn: 21
        case .emailStatus: 22
        }
    }
}

/// One row of an export before validation: the raw text of each mapped field, with its column.
struct RawMemberRow: Sendable {
    var line: Int
    private var storage: [(text: String, column: Int)?] = Array(repeating: nil, count: MemberField.allCases.count)
    /// (fields in the row, fields in the header) when they differ.
    var fieldCountMismatch: (found: Int, expected: Int)?
    /// Consent values from a second (third…) column mapped to the same consent field.
    var extraConsent: [(field: MemberField, text: String, column: Int)] = []
    /// Problems the reader found in the record (control characters: errors; stray quotes: warnings).
    var readProblems: [ImportProblem] = []

    init(line: Int) { self.line = line }

    /// The raw text of a field and its 1-based column (0 when the format has no columns).
    subscript(field: MemberField) -> (text: String, column: Int)? {
        get { storage[field.ordinal] }
        set { storage[field.ordinal] = newValue }
    }

    func text(_ field: MemberField) -> String? { storage[field.ordinal]?.text }
}
