import Foundation

extension String {
    /// Trims ASCII whitespace and no-break spaces from both ends, without Foundation and
    /// without allocating when there is nothing to trim (the importer calls it ~15 times a row).
    @inlinable
    package var trimmedForImport: String {
        let utf8 = self.utf8
        // The common case, nothing to trim, decided from the two end bytes.
        let untouched = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return true }
            return first > 0x20 && first != 0xC2 && last > 0x20 && last != 0xA0
        }
        if untouched == true { return self }
        var start = utf8.startIndex
        var end = utf8.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
        while start < end {
            let byte = utf8[start]
            if isSpace(byte) {
                start = utf8.index(after: start)
            } else if byte == 0xC2, utf8.index(after: start) < end, utf8[utf8.index(after: start)] == 0xA0 {
                start = utf8.index(start, offsetBy: 2)
            } else {
                break
            }
        }
        while start < end {
            let last = utf8.index(before: end)
            let byte = utf8[last]
            if isSpace(byte) {
                end = last
            } else if byte == 0xA0, last > start, utf8[utf8.index(before: last)] == 0xC2 {
                end = utf8.index(before: last)
            } else {
                break
            }
        }
        if start == utf8.startIndex && end == utf8.endIndex { return self }
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
}
