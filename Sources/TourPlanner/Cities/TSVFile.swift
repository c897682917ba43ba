public import Foundation

/// Reads the gazetteer's TSV files fast: one pass over the bytes, `#` header lines skipped.
enum TSVFile {
    /// Calls `body` with the tab-separated fields of each data line (substrings of the decoded UTF-8 text).
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
    /// The data file concerned, e.g. "countries.tsv".
    public var file: String
    /// What is wrong with it, e.g. "is missing from this build".
    public var problem: String
    /// "FILE: problem", then a hint line on how to rebuild the data (Cities/README.md).
    public var description: String {
        "\(file): \(problem)\n  hint: rebuild the package, or regenerate Cities/ with Cities/build.py (see Cities/README.md)"
    }
    /// The same text as ``description``, for `LocalizedError`.
    public var errorDescription: String? { description }
}
