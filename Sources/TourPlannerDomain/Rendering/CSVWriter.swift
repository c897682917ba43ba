import Foundation

/// The one writer of every CSV file the tool produces: RFC 4180 quoting, CRLF line ends, and
/// every cell made safe to open in a spreadsheet (see `SpreadsheetSafety`).
///
/// Columns are typed: `.text` cells that a spreadsheet would evaluate get a leading `'`;
/// `.phone` cells (for programs) let an exact E.164 number (`+16175550152`) through and guard
/// anything else; `.dialable` cells (phones for people) also guard E.164 and digits-only numbers,
/// which a spreadsheet would turn into numbers.
/// Cells containing a comma, a double quote, a semicolon, an apostrophe, TAB, CR or LF are
/// quoted (double quotes doubled), so a reader in any locale keeps each cell whole.
///
/// ```swift
/// var csv = CSVWriter(columns: [.text("name"), .phone("cell")])
/// csv.append(["=1+1", "+16175550152"])
/// csv.render()  // "name,cell\r\n\"'=1+1\",+16175550152\r\n"
/// ```
public struct CSVWriter: Sendable {
    /// How a column's cells are guarded.
    public enum Kind: Sendable, Hashable {
        /// Any text: a leading `= + - @`, TAB, CR, LF or NUL gets a `'`.
        case text
        /// A phone number for a program (Spoke's `cell`): an exact E.164 number passes; anything
        /// else is guarded as text.
        case phone
        /// A phone number for people, who open the file in a spreadsheet (call sheets, texts):
        /// every value stays text there. Besides what `.text` guards, an exact E.164 number
        /// (`+16175550152`, which a spreadsheet reads as the number 16175550152) and a value of
        /// digits only (`02079460958`, whose leading 0 it would drop) get the leading `'`.
        case dialable
    }

    /// One column: its header and kind.
    public struct Column: Sendable, Hashable {
        /// The header written in the first line.
        package var name: String
        /// How the column's values are guarded (text or phone).
        package var kind: Kind

        /// A text column.
        package static func text(_ name: String) -> Column { Column(name: name, kind: .text) }
        /// A phone column read by a program (E.164 passes as it is).
        package static func phone(_ name: String) -> Column { Column(name: name, kind: .phone) }
        /// A phone column read by people in a spreadsheet (every number stays text).
        package static func dialable(_ name: String) -> Column { Column(name: name, kind: .dialable) }
    }

    /// The columns, in order; every row appended must have one cell per column (checked by a precondition).
    package let columns: [Column]
    private var lines: [String]

    /// A writer whose first line is the columns' headers.
    package init(columns: [Column]) {
        self.columns = columns
        lines = [Self.line(columns.map(\.name), kinds: columns.map { _ in .text })]
    }

    /// A writer whose columns are all text.
    package init(header: [String]) {
        self.init(columns: header.map(Column.text))
    }

    /// Appends one record.
    ///
    /// - Precondition: `cells` has one cell per column (a programming error otherwise, never
    ///   caused by input).
    package mutating func append(_ cells: [String]) {
        precondition(cells.count == columns.count, "CSV row has \(cells.count) cells for \(columns.count) columns")
        lines.append(Self.line(cells, kinds: columns.map(\.kind)))
    }

    /// Appends records in order.
    package mutating func append(contentsOf rows: [[String]]) {
        for row in rows { append(row) }
    }

    /// The CSV text: the header and every record, each ended by CRLF.
    public func render() -> String {
        lines.map { $0 + "\r\n" }.joined()
    }

    /// The CSV text of a header and rows of text cells.
    public static func render(header: [String], rows: [[String]]) -> String {
        var writer = CSVWriter(header: header)
        writer.append(contentsOf: rows)
        return writer.render()
    }

    /// One cell, guarded for its kind and quoted when needed.
    package static func cell(_ text: String, kind: Kind) -> String {
        let safe: String
        switch kind {
        case .text: safe = SpreadsheetSafety.neutralize(text)
        case .phone: safe = SpreadsheetSafety.neutralizePhone(text)
        case .dialable: safe = SpreadsheetSafety.neutralizeDialable(text)
        }
        let needsQuotes = safe.unicodeScalars.contains { Self.quotedScalars.contains($0) }
        return needsQuotes ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }

    /// U+FEFF, written first in CSV files meant for people: Excel reads a CSV without it in the
    /// Windows code page, so "Zoë" shows as "ZoÃ«"; LibreOffice and Python (`utf-8-sig`) skip it.
    package static let byteOrderMark = "\u{FEFF}"

    static let quotedScalars: Set<Unicode.Scalar> = [",", "\"", ";", "'", "\t", "\r", "\n"]

    static func line(_ cells: [String], kinds: [Kind]) -> String {
        zip(cells, kinds).map { cell($0, kind: $1) }.joined(separator: ",")
    }
}
