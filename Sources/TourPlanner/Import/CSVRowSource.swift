/// The member rows of a CSV export: reads the header, picks the mapping, and yields one
/// `RawMemberRow` per record.
struct CSVRowSource {
    private(set) var reader: CSVReader
    let mappingName: String
    /// The member field of each column (nil: not used), indexed by column.
    private let fieldByColumn: [MemberField?]
    private let columnCount: Int
    private let header: [String]
    private(set) var headerWarnings: [ImportProblem] = []

    init(path: String, fileName: String, encoding: TextEncoding, mapping: ColumnMapping?) throws(ImportError) {
        reader = try CSVReader(path: path, fileName: fileName, encoding: encoding)
        guard let header = try reader.next() else {
            throw ImportError(
                location: SourceLocation(file: fileName, line: 1), field: "", value: "", problem: "is empty",
                hint: "export the members again; the first line must name the columns (id,first_name,…,city,…)")
        }
        let resolved = mapping.map { $0.resolve(header: header.fields) } ?? ColumnMapping.detect(header: header.fields)
        mappingName = resolved.mapping.name
        fieldByColumn = header.fields.indices.map { resolved.fieldByColumn[$0] }
        columnCount = header.fields.count
        self.header = header.fields
        let mapped = Set(resolved.fieldByColumn.values)
        let found = header.fields.map { "\"\($0)\"" }.joined(separator: ", ")
        if !mapped.contains(.city) {
            throw ImportError(
                location: SourceLocation(file: fileName, line: header.line), field: "city", value: "",
                problem: "column is missing (columns found: \(found))",
                hint:
                    "add a city column, or map the export's own column with --map FILE (see README \"Column mapping\")")
        }
        if resolved.mapping.requiresNumericID && !mapped.contains(.id) {
            throw ImportError(
                location: SourceLocation(file: fileName, line: header.line), field: "id", value: "",
                problem: "column is missing (columns found: \(found))",
                hint: "the website export has an id column; for other tools' exports use --preset or --map FILE")
        }
        if !mapped.contains(.id) && !mapped.contains(.email) {
            throw ImportError(
                location: SourceLocation(file: fileName, line: header.line), field: "id", value: "",
                problem:
                    "column and email column are both missing, so members cannot be told apart (columns found: \(found))",
                hint: "map a member id or e-mail column with --map FILE")
        }
        if !resolved.unknownColumns.isEmpty {
            headerWarnings.append(
                ImportProblem(
                    .warning,
                    ImportError(
                        location: SourceLocation(file: fileName, line: header.line), field: "",
                        value: resolved.unknownColumns.joined(separator: ", "),
                        problem: "are columns TourPlanner does not use; they were ignored",
                        hint: "if one holds member data, map it with --map FILE")))
        }
    }

    mutating func next() throws(ImportError) -> RawMemberRow? {
        let next: CSVRecord?
        do {
            next = try reader.next()
        } catch {
            // Name the column's header in the message when the position is known.
            var named = error
            if let column = error.location.column, header.indices.contains(column - 1), named.field.isEmpty {
                named.field = header[column - 1]
            }
            throw named
        }
        guard let record = next else { return nil }
        var row = RawMemberRow(line: record.line)
        for (index, text) in record.fields.enumerated() {
            if index < fieldByColumn.count, let field = fieldByColumn[index] { row[field] = (text, index + 1) }
        }
        if record.fields.count != columnCount {
            // Short rows leave the missing fields empty; both cases are reported.
            row.fieldCountMismatch = (record.fields.count, columnCount)
        }
        return row
    }
}
