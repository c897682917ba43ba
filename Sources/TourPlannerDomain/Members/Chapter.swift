/// A local chapter: 5+ members meeting monthly, at least 30% women (the definition's numbers
/// live in the markers settings file, not here).
public struct Chapter: Hashable, Sendable, Codable {
    /// The chapter's name, as members' `chapter` field spells it.
    package var name: String
    /// Number of members who belong to it.
    package var memberCount: Int
    /// Creates a chapter.
    package init(name: String, memberCount: Int) {
        self.name = name
        self.memberCount = memberCount
    }
}
