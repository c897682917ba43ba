extension CalendarDate {
    /// Reads `2011-03-14`, `2011-03-14T18:22:05Z` (date part) and US `MM/DD/YYYY`; returns the
    /// ISO calendar date (`YYYY-MM-DD`) or nil for anything else or an impossible date.
    ///
    /// Member exports and actuals files write dates these ways.
    package static func isoText(parsingExportDate text: String) -> String? {
        // The bytes in place (an export's cells are native strings); a copy only otherwise. The
        // result is ten bytes: a small string, no allocation.
        let iso =
            text.utf8.withContiguousStorageIfAvailable { isoPrefix(of: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { isoPrefix(of: $0) }
        if let iso { return iso }
        // US MM/DD/YYYY (one- or two-digit month and day).
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 3, parts[2].utf8.count == 4, parts[0].utf8.count <= 2, parts[1].utf8.count <= 2,
            let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2]),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        {
            return CalendarDate(year: year, month: month, day: day).description
        }
        return nil
    }

    /// The ISO date that starts `bytes` (`YYYY-MM-DD`, alone or followed by "T…" or " …") as
    /// text, when it is a real date; nil otherwise (then it may still be a US date).
    private static func isoPrefix(of bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0..<4),
            let month = number(5..<7), let day = number(8..<10)
        else { return nil }
        guard bytes.count == 10 || bytes[10] == 0x54 || bytes[10] == 0x20 else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        // The ten bytes are already the canonical form: four-digit year, two-digit month and day.
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<10]), as: UTF8.self)
    }
}
