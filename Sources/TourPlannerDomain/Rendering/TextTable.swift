import Foundation

/// Renders rows as an aligned plain-text table (numbers right-aligned) for people to read.
package struct TextTable {
    /// The column headers.
    package var header: [String]
    /// The rows added so far, in order.
    package var rows: [[String]] = []

    /// An empty table with these column headers.
    package init(_ header: [String]) { self.header = header }

    /// Appends a row. A row may have fewer cells than the header (the rest are blank) or more: each
    /// extra cell gets a column of its own, with a blank header.
    package mutating func add(_ row: [String]) { rows.append(row) }

    /// The table: header, a line of dashes, then the rows; columns two spaces apart, a column whose
    /// cells are all numbers (digits and `.,-%`) right-aligned, trailing spaces trimmed. There are as
    /// many columns as the header or the longest row has cells, whichever is more.
    package func render() -> String {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        func cell(_ row: [String], _ column: Int) -> String { row.indices.contains(column) ? row[column] : "" }
        let widths = (0..<columns).map { column in all.map { cell($0, column).count }.max() ?? 0 }
        func isNumeric(_ column: Int) -> Bool {
            !rows.isEmpty
                && rows.allSatisfy { row in
                    let text = cell(row, column)
                    return text.isEmpty || text.allSatisfy { $0.isNumber || ".,-%".contains($0) }
                }
        }
        let numeric = (0..<columns).map(isNumeric)
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return numeric[index] ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}

extension String {
    package func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
