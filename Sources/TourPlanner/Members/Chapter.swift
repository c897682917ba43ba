/// A local chapter: 5+ members meeting monthly, at least 30% women (the definition's numbers
/// live in the markers settings file, not here).
public struct Chapter: Hashable, Sendable, Codable {
    public var name: String
    public var memberCount: Int
    public init(name: String, memberCount: Int) {
        self.name = name
        self.memberCount = memberCount
    }
}
