import Foundation

/// A problem with the gazetteer files themselves (missing or damaged).
package struct GazetteerError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The gazetteer file concerned, e.g. "countries.tsv".
    package var file: String
    /// What is wrong with it.
    package var problem: String
    /// "file: problem", then a hint to rebuild the package or regenerate the gazetteer.
    package var description: String {
        "\(file): \(problem)\n  hint: rebuild the package, or regenerate Cities/ with Cities/build.py (see Cities/README.md)"
    }
    /// The same text as `description`.
    package var errorDescription: String? { description }
}
