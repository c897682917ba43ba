import Foundation

/// Makes cells safe to open in a spreadsheet (OWASP CSV injection): a cell starting with
/// `=`, `+`, `-`, `@`, TAB, CR or NUL gets a leading `'`, so it is shown, not evaluated; tabs
/// and carriage returns inside become spaces. Note that phone numbers like "+1 617 555 0142"
/// are prefixed too: that is expected.
public enum SpreadsheetSafety {
    public static func neutralize(_ cell: String) -> String {
        var text = cell.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: " ")
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r", "\u{0}"].contains(first) {
            text = "'" + text
        }
        return text
    }

    /// One CSV line of neutralized, RFC 4180-quoted cells.
    public static func csvLine(_ cells: [String]) -> String {
        cells.map { cell in
            let safe = neutralize(cell)
            return safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "'" || $0 == ";" })
                ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }.joined(separator: ",")
    }
}
