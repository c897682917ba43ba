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

/// A batch of export rows before validation: the raw bytes of each mapped field (UTF-8, already
/// validated by the reader) in one buffer, and per row and field its span and column.
///
/// The reader writes each field once into `bytes`; the parsing task reads and trims the spans in
/// place and encodes a member from them, so no `String` is made per field (they were the largest
/// share of an import's work: creating, retaining and freeing ~15 strings a row).
struct RawRowBatch: Sendable {
    /// Cells per row: (offset in `bytes`, count, column) per `MemberField`; count −1 = absent.
    static let cellsPerRow = MemberField.allCases.count * 3
    /// The cells of a row with every field absent.
    private static let absentRow = [Int32](
        (0..<MemberField.allCases.count).flatMap { _ in [Int32(0), -1, 0] })
    /// The fields' bytes (CSV: every field of the record, mapped or not).
    var bytes: [UInt8] = []
    private(set) var cells: [Int32] = []
    private(set) var lines: [Int] = []
    /// What few rows have beyond their fields (nil for almost every row).
    private(set) var extras: [RawRowExtras?] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity * 160)
        cells.reserveCapacity(capacity * Self.cellsPerRow)
        lines.reserveCapacity(capacity)
        extras.reserveCapacity(capacity)
    }

    var count: Int { lines.count }
    var isEmpty: Bool { lines.isEmpty }

    /// Starts a row read at `line`, with every field absent.
    mutating func beginRow(line: Int) {
        cells.append(contentsOf: Self.absentRow)
        lines.append(line)
        extras.append(nil)
    }

    /// Removes the row being read (a reader that fails inside a row).
    mutating func removeLastRow() {
        cells.removeLast(Self.cellsPerRow)
        lines.removeLast()
        extras.removeLast()
    }

    /// Sets a field of the last row to `count` bytes at `offset` of `bytes`, read from `column`
    /// (1-based; 0 when the format has no columns).
    mutating func set(_ field: MemberField, offset: Int32, count: Int32, column: Int) {
        let cell = cells.count - Self.cellsPerRow + 3 * field.ordinal
        cells[cell] = offset
        cells[cell + 1] = count
        cells[cell + 2] = Int32(column)
    }

    /// Sets a field of the last row to `text`, copied into `bytes`.
    mutating func set(_ field: MemberField, text: String, column: Int) {
        let offset = Int32(bytes.count)
        bytes.append(contentsOf: text.utf8)
        set(field, offset: offset, count: Int32(bytes.count) - offset, column: column)
    }

    /// The rare parts of the last row, for the reader to fill in.
    var lastExtras: RawRowExtras {
        get { extras[extras.count - 1] ?? RawRowExtras() }
        set { extras[extras.count - 1] = newValue }
    }

    /// Row `row`'s field: its span in `bytes` and column, nil when absent.
    func span(_ row: Int, _ field: MemberField) -> (offset: Int, count: Int, column: Int)? {
        let cell = row * Self.cellsPerRow + 3 * field.ordinal
        let count = cells[cell + 1]
        return count < 0 ? nil : (Int(cells[cell]), Int(count), Int(cells[cell + 2]))
    }

    /// Whether the bytes at `offset` are empty or only spaces (as `trimmedForImport` trims).
    func isBlank(offset: Int, count: Int) -> Bool {
        bytes.withUnsafeBufferPointer {
            ImportBytes.trimmed(UnsafeBufferPointer(rebasing: $0[offset..<offset + count])).isEmpty
        }
    }

    /// The text of `count` bytes at `offset`.
    func string(offset: Int, count: Int) -> String {
        String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }
}

/// What a raw row can carry beyond its fields.
struct RawRowExtras: Sendable {
    /// (fields in the row, fields in the header) when they differ.
    var fieldCountMismatch: (found: Int, expected: Int)?
    /// Consent values from a second (third…) column mapped to the same consent field.
    var extraConsent: [(field: MemberField, text: String, column: Int)] = []
    /// Problems the reader found in the record (control characters: errors; stray quotes: warnings).
    var readProblems: [ImportProblem] = []

    var isEmpty: Bool { fieldCountMismatch == nil && extraConsent.isEmpty && readProblems.isEmpty }
}

/// Byte-level versions of the import's text rules, for fields read in place.
enum ImportBytes {
    /// `bytes` without the ASCII whitespace and no-break spaces (U+00A0) at either end: the rule
    /// of `ImportTrimming`, which `String.trimmedForImport` also applies.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[ImportTrimming.keptRange(of: bytes)])
    }
}
