/// A member's stable key: the export's member id, else the normalized e-mail ("email:ada@example.org").
public struct MemberID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
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
