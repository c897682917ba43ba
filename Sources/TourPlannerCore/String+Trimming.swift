import Foundation

extension String {
    /// Trims ASCII whitespace and no-break spaces from both ends (`ImportTrimming`), without
    /// Foundation and without allocating when there is nothing to trim.
    @inlinable
    package var trimmedForImport: String {
        let utf8 = self.utf8
        // The common case, nothing to trim, decided from the two end bytes.
        let untouched = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            return first > 0x20 && first != 0xC2 && last > 0x20 && last != 0xA0
        }
        if untouched == true { return self }
        let kept =
            utf8.withContiguousStorageIfAvailable { ImportTrimming.keptRange(of: $0) }
            ?? Array(utf8).withUnsafeBufferPointer { ImportTrimming.keptRange(of: $0) }
        if kept.count == utf8.count { return self }
        // The ends are ASCII or a whole U+00A0, so both offsets fall on character boundaries.
        let start = utf8.index(utf8.startIndex, offsetBy: kept.lowerBound)
        let end = utf8.index(utf8.startIndex, offsetBy: kept.upperBound)
        return String(self[start..<end])
    }

    /// `lowercased()`, without the Unicode case tables when the text is ASCII with no capital
    /// (most e-mails, yes/no answers and genders in an export): then it is the text itself.
    @inlinable
    package var lowercasedCheaply: String {
        for byte in utf8 where byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) { return lowercased() }
        return self
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without Foundation's bridging when both
    /// ends are visible ASCII (almost every place string): then it is the text itself. The place
    /// resolution trims ~90,000 strings per import; through `NSString` that was a third of it.
    package var trimmedOfWhitespaceAndNewlines: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isVisibleASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }
        if isVisibleASCII(first) && isVisibleASCII(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text, or nil when it is empty.
    package var nilIfEmpty: String? { isEmpty ? nil : self }

    /// The text on one line: each run of whitespace, line breaks (CR, LF, U+2028, …) and control
    /// characters becomes one space, and both ends are trimmed ("Hall A\r\n  Room 2\t" → "Hall A
    /// Room 2"). For a typed value shown in tables, CSV, calendars and pages (an event's venue).
    package var singleLine: String {
        var result = ""
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.unicodeScalars.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// The text followed by `tail`, without a doubled period where they meet: a name that ends
    /// with one ("Martin Luther King Jr.") and a sentence's own period give "Jr.", never "Jr..".
    package func joiningSentence(_ tail: some StringProtocol) -> String {
        if hasSuffix("."), tail.hasPrefix(".") { return self + tail.dropFirst() }
        return self + tail
    }
}

/// The one trimming rule of imported values: ASCII whitespace (space, TAB, LF, VT, FF, CR) and
/// no-break spaces (U+00A0, as UTF-8 `C2 A0`) at either end. The importer applies it to a field's
/// bytes in place, and `String.trimmedForImport` to text.
@usableFromInline package enum ImportTrimming {
    /// The range of `bytes` left once the whitespace and no-break spaces at both ends are removed.
    @inlinable @inline(__always)
    package static func keptRange(of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        var start = 0
        var end = bytes.count
        while start < end {
            let byte = bytes[start]
            if isSpace(byte) {
                start += 1
            } else if byte == 0xC2, start + 1 < end, bytes[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while start < end {
            let byte = bytes[end - 1]
            if isSpace(byte) {
                end -= 1
            } else if byte == 0xA0, end - 1 > start, bytes[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return start..<end
    }
}
