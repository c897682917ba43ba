package import Foundation

/// Reads the gazetteer's TSV files fast: one pass over the bytes, `#` header lines skipped.
package enum TSVFile {
    /// Calls `body` with the fields of each data line (as UTF-8 byte slices).
    package static func forEachRow(in data: Data, _ body: ([Substring]) throws -> Void) rethrows {
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") { continue }
            try body(line.split(separator: "\t", omittingEmptySubsequences: false))
        }
    }
}
