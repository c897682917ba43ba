public import Foundation

/// A problem with the gazetteer files themselves (missing or damaged).
public struct GazetteerError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public var file: String
    public var problem: String
    public var description: String {
        "\(file): \(problem)\n  hint: rebuild the package, or regenerate Cities/ with Cities/build.py (see Cities/README.md)"
    }
    public var errorDescription: String? { description }
}
