import Foundation

/// Renders rows as an aligned plain-text table (numbers right-aligned) for people to read.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(_ header: [String]) { self.header = header }

    public mutating func add(_ row: [String]) { rows.append(row) }

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
