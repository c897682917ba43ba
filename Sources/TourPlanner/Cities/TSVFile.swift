public import Foundation

/// Reads the gazetteer's TSV files fast: one pass over the bytes, `#` header lines skipped.
enum TSVFile {
    /// Calls `body` with the fields of each data line (as UTF-8 byte slices).
    static func forEachRow(in data: Data, _ body: ([Substring]) throws -> Void) rethrows {
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") { continue }
            try body(line.split(separator: "\t", omittingEmptySubsequences: false))
        }
    }
}

/// A problem with the gazetteer files themselves (missing or damaged).
public struct GazetteerError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public var file: String
    public var problem: String
    public var description: String {
        "\(file): \(problem)\n  hint: rebuild the package, or regenerate Cities/ with Cities/build.py (see Cities/README.md)"
    }
    public var errorDescription: String? { description }
}
