import Foundation

/// Deterministic JSON for scripts: sorted keys, ISO 8601 dates, pretty-printed.
public enum JSONOutput {
    /// `value` as pretty-printed JSON with sorted keys, unescaped slashes and ISO 8601 dates (no
    /// trailing newline).
    ///
    /// - Throws: the `EncodingError` of `JSONEncoder` when a value cannot be encoded (e.g. a non-finite `Double`).
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
