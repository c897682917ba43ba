import Foundation

/// How a CSV header maps to member fields: the organization's own columns, built-in presets for
/// other organizing tools' exports, or a user mapping file.
public struct ColumnMapping: Sendable, Hashable {
    /// Preset name, e.g. "native", "actionnetwork", or "custom" for a mapping file.
    public var name: String
    /// Header name (as written in the mapping) → field. Headers match case-insensitively, trimmed.
    package var columns: [(header: String, field: MemberField)]
    /// True when `id` must be a decimal integer (the organization's own export).
    package var requiresNumericID: Bool

    /// Creates a mapping; `columns` may list several headers for the same field.
    package init(name: String, columns: [(header: String, field: MemberField)], requiresNumericID: Bool = false) {
        self.name = name
        self.columns = columns
        self.requiresNumericID = requiresNumericID
    }

    /// Mappings are equal when their name, numeric-id rule and columns (headers and fields, in order) are.
    public static func == (lhs: ColumnMapping, rhs: ColumnMapping) -> Bool {
        lhs.name == rhs.name && lhs.requiresNumericID == rhs.requiresNumericID
            && lhs.columns.map(\.header) == rhs.columns.map(\.header)
            && lhs.columns.map(\.field) == rhs.columns.map(\.field)
    }
    /// Hashes the name and the headers (consistent with `==`).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(columns.map(\.header))
    }

    /// Normalizes a header for matching: lowercased, trimmed, inner whitespace collapsed.
    static func normalize(_ header: String) -> String {
        header.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
            .lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The result of matching a header row.
    struct Resolved {
        var mapping: ColumnMapping
        /// Column index (0-based) → field; when two columns map to one field, the first listed in
        /// the mapping is the field's column and the others are its alternates (used when its cell
        /// is empty), except for consent fields: every column of a consent field is read, and any
        /// opt-out among them counts.
        var fieldByColumn: [Int: MemberField]
        /// Further columns of a field already mapped (`phone_number` after `mobile_number`), in
        /// the mapping's order: a row whose mapped cell is empty takes the first non-empty one.
        var alternateColumns: [(column: Int, field: MemberField)] = []
        var unknownColumns: [String]
    }

    /// Matches this mapping against a header row.
    func resolve(header: [String]) -> Resolved {
        let normalizedHeader = header.map(Self.normalize)
        var fieldByColumn: [Int: MemberField] = [:]
        var taken: Set<MemberField> = []
        var alternates: [(column: Int, field: MemberField)] = []
        for (name, field) in columns {
            guard let index = normalizedHeader.firstIndex(of: Self.normalize(name)), fieldByColumn[index] == nil,
                !alternates.contains(where: { $0.column == index })
            else { continue }
            if taken.contains(field) {
                alternates.append((index, field))
            } else {
                fieldByColumn[index] = field
                if !field.isConsent { taken.insert(field) }
            }
        }
        let used = Set(fieldByColumn.keys).union(alternates.map(\.column))
        // A column without a header (Excel's empty trailing columns) is named by its position.
        let unknown = header.indices.filter { !used.contains($0) }.map { index in
            header[index].trimmedForImport.isEmpty ? "column \(index + 1) (no header)" : header[index]
        }
        return Resolved(
            mapping: self, fieldByColumn: fieldByColumn, alternateColumns: alternates, unknownColumns: unknown)
    }

    /// Whether an unmapped header names a consent or opt-out column (`opt_out`, `unsubscribed`,
    /// `Do Not Text`, `SMS consent`, `DNC`, `is_dead`…) that is not only about e-mail or post:
    /// reading the file without it could call or text a member who opted out there.
    static func looksLikeConsent(_ header: String) -> Bool {
        let lower = header.lowercased()
        let squashed = String(lower.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        if squashed.contains("mail") || squashed.contains("trade") || squashed.isEmpty { return false }
        let words = Set(
            lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init))
        if !words.isDisjoint(with: ["dnc", "stop", "stopped", "dead", "optout", "unsubscribed", "blocked"]) {
            return true
        }
        return [
            "optout", "optedout", "optin", "unsub", "donot", "dontcall", "donttext", "nocall", "nocontact",
            "nosms", "notext", "nophone", "deceased", "consent", "suppress", "blacklist", "blocklist", "smsstatus",
        ]
        .contains { squashed.contains($0) }
    }

    /// Picks the preset that recognizes the most columns (ties go to the earlier preset, so the
    /// organization's own format wins).
    static func detect(header: [String]) -> Resolved {
        var best = native.resolve(header: header)
        for preset in presets.dropFirst() {
            let candidate = preset.resolve(header: header)
            if candidate.fieldByColumn.count > best.fieldByColumn.count { best = candidate }
        }
        return best
    }
}
