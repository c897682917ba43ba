/// How one raw place resolved: a gazetteer entry with a confidence, or none with the reason.
public struct PlaceResolution: Hashable, Sendable, Codable {
    /// The gazetteer city the place resolved to; nil when nothing scored at least `CityResolver.threshold`.
    public var entry: GazetteerEntry?
    /// 0…1; below `CityResolver.threshold` nothing is guessed.
    package var confidence: Double
    /// How it resolved ("exact name", "alternate name", "typo (1 edit)", "alias") or why not.
    package var reason: String
    /// Up to three candidates ("Cambridge, Massachusetts, US"), best first.
    package var suggestions: [String]
    /// Region name of the entry, for display.
    package var regionName: String?

    /// True when the place resolved to a city.
    package var isResolved: Bool { entry != nil }

    /// Below this confidence a resolved place is a guess: a misspelling corrected ("Cinncinati"),
    /// or a name several cities share given without the region or country that tells them apart
    /// ("Springfield, US", "Portland"); imports count guesses and `members --unresolved` lists them.
    package static let guessBelow = 0.95

    /// True when the place resolved, but only by a guess (see `guessBelow`).
    package var isGuess: Bool { entry != nil && confidence < Self.guessBelow }
}
