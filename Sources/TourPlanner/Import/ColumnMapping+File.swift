import Foundation

extension ColumnMapping {
    /// Parses a user mapping file: one `field = "Column Header"` per line, `#` comments, an
    /// optional `[columns]` heading. Fields are the organization's column names
    /// (`id`, `first_name`, … see `MemberField`); a field may be listed more than once
    /// (the first header present in the file wins).
    ///
    /// ```
    /// [columns]
    /// id = "Supporter ID"
    /// city = "Town"
    /// phone = "Mobile"
    /// ```
    ///
    /// - Throws: `ImportError` naming the line of an unknown field or a malformed line.
    package static func parseMappingFile(_ text: String, fileName: String) throws(ImportError) -> ColumnMapping {
        var columns: [(header: String, field: MemberField)] = []
        let known = MemberField.allCases.map(\.columnName).joined(separator: ", ")
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        {
            let lineNumber = offset + 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line == "[columns]" { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ImportError(
                    location: SourceLocation(file: fileName, line: lineNumber, column: 1), field: "", value: line,
                    problem: "is not a mapping line", hint: "write field = \"Column Header\", e.g. city = \"Town\"")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var header = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if header.count >= 2, header.hasPrefix("\""), header.hasSuffix("\"") {
                header = String(header.dropFirst().dropLast())
            }
            guard let field = MemberField(rawValue: key) else {
                throw ImportError(
                    location: SourceLocation(file: fileName, line: lineNumber, column: 1), field: key, value: header,
                    problem: "is not a member field", hint: "use one of: \(known)")
            }
            guard !header.isEmpty else {
                throw ImportError(
                    location: SourceLocation(file: fileName, line: lineNumber, column: 1), field: key, value: "",
                    problem: "has no column header", hint: "write the export's column name in quotes after =")
            }
            columns.append((header, field))
        }
        guard columns.contains(where: { $0.field == .city }) else {
            throw ImportError(
                location: SourceLocation(file: fileName), field: "city", value: "",
                problem: "is not mapped", hint: "add a line city = \"<the export's city column>\"")
        }
        return ColumnMapping(name: "custom", columns: columns)
    }
}
