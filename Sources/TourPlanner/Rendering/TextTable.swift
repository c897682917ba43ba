import Foundation

/// Renders rows as an aligned plain-text table (numbers right-aligned) for people to read.
public struct TextTable {
    /// The column headers; they set the number of columns.
    public var header: [String]
    /// The rows added so far, in order.
    public var rows: [[String]] = []

    /// An empty table with these column headers.
    public init(_ header: [String]) { self.header = header }

    /// Appends a row; it may have fewer cells than the header, never more (`render` would trap).
    public mutating func add(_ row: [String]) { rows.append(row) }

    /// The table: header, a line of dashes, then the rows; columns two spaces apart, a column whose
    /// cells are all numbers (digits and `.,-%`) right-aligned, trailing spaces trimmed.
    public func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func isNumeric(_ column: Int) -> Bool {
            !rows.isEmpty
                && rows.allSatisfy { row in
                    guard row.indices.contains(column) else { return true }
                    let cell = row[column]
                    return cell.isEmpty || cell.allSatisfy { $0.isNumber || ".,-%".contains($0) }
                }
        }
        let numeric = header.indices.map(isNumeric)
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
