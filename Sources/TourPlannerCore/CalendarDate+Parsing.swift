extension CalendarDate {
    /// Reads `2011-03-14`, `2011-03-14T18:22:05Z` (date part) and US `MM/DD/YYYY`; returns the
    /// ISO calendar date (`YYYY-MM-DD`) or nil for anything else or an impossible date.
    ///
    /// Member exports and actuals files write dates these ways.
    package static func isoText(parsingExportDate text: String) -> String? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, !range.isEmpty else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        // ISO date, optionally followed by a time ("T…" or " …").
        if bytes.count >= 10, bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0..<4), let month = number(5..<7),
            let day = number(8..<10)
        {
            guard bytes.count == 10 || bytes[10] == 0x54 || bytes[10] == 0x20 else { return nil }
            guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
                return nil
            }
            return CalendarDate(year: year, month: month, day: day).description
        }
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
}
