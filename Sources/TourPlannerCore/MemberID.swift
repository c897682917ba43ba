/// A member's stable key: the export's member id, else the normalized e-mail ("email:ada@example.org").
public struct MemberID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The key's text: the export's id as written (e.g. "1042"), or "email:" followed by the lowercased e-mail.
    public var rawValue: String
    /// Wraps a stored key.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Wraps a key, e.g. `MemberID("1042")`.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The key's text, as in ``rawValue``.
    public var description: String { rawValue }
    /// Orders numeric ids numerically ("9" before "10"), then all other ids lexicographically after them.
    public static func < (lhs: MemberID, rhs: MemberID) -> Bool {
        // Numeric ids sort numerically ("9" < "10"); others lexicographically after them.
        switch (Int64(lhs.rawValue), Int64(rhs.rawValue)) {
        case let (l?, r?): return l < r
        case (.some, .none): return true
        case (.none, .some): return false
        case (.none, .none): return lhs.rawValue < rhs.rawValue
        }
    }
}
