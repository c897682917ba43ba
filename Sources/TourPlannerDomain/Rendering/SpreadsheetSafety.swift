import Foundation

/// Makes cells safe to open in a spreadsheet (OWASP "CSV injection").
///
/// A cell whose first character (after any spaces) is `=`, `+`, `-`, `@`, TAB, CR, LF or NUL
/// could be evaluated as a formula, so it gets a leading `'` and is shown, not evaluated.
/// Nothing else changes (TAB, CR and LF inside a cell are kept, in quotes): the text after the
/// `'` is the original text, so a reader that drops that one `'` gets the cell back exactly.
///
/// A plain decimal number (`-122.41940`, `-12.50`: an optional `-`, ASCII digits, optionally a
/// `.` and more digits) is a value, not a formula, and is kept as it is in every column.
///
/// In a phone column, a value that is exactly an E.164 number (`+` then 8 to 15 ASCII digits,
/// such as `+16175550152`) carries no formula payload and is let through as it is, so dialers
/// and Spoke's importer can read it. Any other phone text (`+1 617 555 0142`, `+1+1`) is
/// guarded like every other cell. In a phone column for people (call sheets, texts lists) every
/// number stays text: E.164 and digits-only numbers get the `'` too (see `neutralizeDialable`).
package enum SpreadsheetSafety {
    /// The first characters a spreadsheet may evaluate.
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\n", "\u{0}"]

    /// True when `cell` would be evaluated (or split) by a spreadsheet: its first character,
    /// after any spaces (an importer may trim them), is one of `= + - @`, TAB, CR, LF or NUL.
    package static func needsGuard(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first(where: { $0 != " " }) else { return false }
        return formulaTriggers.contains(first)
    }

    /// The cell with a leading `'` when it would be evaluated, else unchanged.
    package static func neutralize(_ cell: String) -> String {
        needsGuard(cell) && !isPlainNumber(cell) ? "'" + cell : cell
    }

    /// True when `text` is an optional `-`, one or more ASCII digits, and optionally a `.` followed
    /// by one or more ASCII digits.
    package static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        let parts = scalars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// The cell for a phone column: an exact E.164 number is kept as it is; anything else is
    /// neutralized like text.
    package static func neutralizePhone(_ cell: String) -> String {
        isE164(cell) ? cell : neutralize(cell)
    }

    /// The cell for a phone column people open in a spreadsheet: guarded like text, and also when
    /// it is an exact E.164 number or only digits (a spreadsheet would store `+16175550152` as
    /// the number 16175550152 and `02079460958` as 2079460958), so every number stays as written.
    package static func neutralizeDialable(_ cell: String) -> String {
        let digitsOnly = !cell.isEmpty && cell.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        return isE164(cell) || digitsOnly ? "'" + cell : neutralize(cell)
    }

    /// True when `text` is exactly `+` followed by 8 to 15 ASCII digits.
    package static func isE164(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "+", (9...16).contains(scalars.count) else { return false }
        return scalars.dropFirst().allSatisfy { ("0"..."9").contains($0) }
    }
}
