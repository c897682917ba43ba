extension CalendarDate {
    /// Reads `2011-03-14`, `2011-03-14T18:22:05Z` (date part), `2011/03/14`, US `MM/DD/YYYY` and
    /// the European dotted `DD.MM.YYYY` (`14.03.2011`; dots are always day first); returns the ISO
    /// calendar date (`YYYY-MM-DD`) or nil for anything else or an impossible date. A slash date
    /// with the year last is read month first, as the organization's export writes it.
    ///
    /// Member exports and actuals files write dates these ways.
    package static func isoText(parsingExportDate text: String) -> String? {
        // The bytes in place (an export's cells are native strings); a copy only otherwise. The
        // result is ten bytes: a small string, no allocation.
        let iso =
            text.utf8.withContiguousStorageIfAvailable { isoPrefix(of: $0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { isoPrefix(of: $0) }
        if let iso { return iso }
        // US MM/DD/YYYY and YYYY/MM/DD (one- or two-digit month and day).
        let slashed = text.split(separator: "/", omittingEmptySubsequences: false)
        if slashed.count == 3 {
            if slashed[0].utf8.count == 4 { return validated(year: slashed[0], month: slashed[1], day: slashed[2]) }
            return validated(year: slashed[2], month: slashed[0], day: slashed[1])
        }
        // European DD.MM.YYYY.
        let dotted = text.split(separator: ".", omittingEmptySubsequences: false)
        if dotted.count == 3 { return validated(year: dotted[2], month: dotted[1], day: dotted[0]) }
        return nil
    }

    /// The ISO text of a four-digit year and a one- or two-digit month and day, when they are
    /// digits and make a real date.
    private static func validated(year: Substring, month: Substring, day: Substring) -> String? {
        guard year.utf8.count == 4, (1...2).contains(month.utf8.count), (1...2).contains(day.utf8.count),
            [year, month, day].allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
            let year = Int(year), let month = Int(month), let day = Int(day),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return CalendarDate(year: year, month: month, day: day).description
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
