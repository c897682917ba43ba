import TourPlannerCore

/// The member rows of a CSV export: reads the header, picks the mapping, and yields one
/// `RawMemberRow` per record.
struct CSVRowSource {
    private(set) var reader: CSVReader
    let mappingName: String
    /// The member field of each column (nil: not used), indexed by column.
    private let fieldByColumn: [MemberField?]
    /// Further columns of an already mapped field, read when the field's own cell is empty.
    private let alternateColumns: [(column: Int, field: MemberField)]
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
        try Self.rejectRepeatedColumn(header, fileName: fileName)
        let resolved = mapping.map { $0.resolve(header: header.fields) } ?? ColumnMapping.detect(header: header.fields)
        mappingName = resolved.mapping.name
        fieldByColumn = header.fields.indices.map { resolved.fieldByColumn[$0] }
        alternateColumns = resolved.alternateColumns
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
            throw named(error)
        }
        guard let record = next else { return nil }
        var row = RawMemberRow(line: record.line)
        for (index, text) in record.fields.enumerated() {
            if index < fieldByColumn.count, let field = fieldByColumn[index] {
                if row[field] != nil, field.isConsent {
                    row.extraConsent.append((field, text, index + 1))
                } else {
                    row[field] = (text, index + 1)
                }
            }
        }
        for (index, field) in alternateColumns where index < record.fields.count {
            let text = record.fields[index]
            if row[field].map({ $0.text.trimmedForImport.isEmpty }) ?? true, !text.trimmedForImport.isEmpty {
                row[field] = (text, index + 1)
            }
        }
        if !record.issues.isEmpty { row.readProblems = record.issues.map { problem(for: $0, in: record) } }
        if record.fields.count != columnCount {
            // Short rows leave the missing fields empty; both cases are reported.
            row.fieldCountMismatch = (record.fields.count, columnCount)
        }
        return row
    }

    /// The reader's warnings (text after a closing quote), named and masked like its errors.
    var readerWarnings: [ImportError] { reader.warnings.map(named) }

    /// A reader problem with its column's header as the field (when the position is known) and
    /// its value masked when the column holds phones or e-mails (messages never show them whole).
    private func named(_ error: ImportError) -> ImportError {
        var named = error
        guard let column = error.location.column, header.indices.contains(column - 1) else { return named }
        if named.field.isEmpty { named.field = header[column - 1] }
        switch field(ofColumn: column) {
        case .phone: named.value = PhoneNumber.masked(named.value)
        case .email: named.value = EmailAddress.masked(named.value)
        default: break
        }
        return named
    }

    /// The member field a 1-based column is read as (its own or as an alternate), if any.
    private func field(ofColumn column: Int) -> MemberField? {
        (fieldByColumn.indices.contains(column - 1) ? fieldByColumn[column - 1] : nil)
            ?? alternateColumns.first { $0.column == column - 1 }?.field
    }

    /// A repeated column name (compared as headers are matched: case-blind, trimmed) is fatal:
    /// which of the two holds the member data cannot be known.
    private static func rejectRepeatedColumn(_ header: CSVRecord, fileName: String) throws(ImportError) {
        var firstColumn: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let key = ColumnMapping.normalize(name)
            if key.isEmpty { continue }
            if let first = firstColumn[key] {
                throw ImportError(
                    location: SourceLocation(file: fileName, line: header.line, column: index + 1),
                    field: name.trimmedForImport, value: "",
                    problem: "is a repeated column: columns \(first + 1) and \(index + 1) have the same name",
                    hint: "remove or rename one of the two columns, then import again (nothing was imported)")
            }
            firstColumn[key] = index
        }
    }

    /// The row problem of a reader issue, naming the column's header.
    private func problem(for issue: CSVIssue, in record: CSVRecord) -> ImportProblem {
        func name(_ column: Int) -> String { header.indices.contains(column - 1) ? header[column - 1] : "" }
        func value(_ column: Int) -> String {
            guard record.fields.indices.contains(column - 1) else { return "" }
            let text = record.fields[column - 1]
            let kind = self.field(ofColumn: column)
            if kind == .phone { return PhoneNumber.masked(text) }
            if kind == .email { return EmailAddress.masked(text) }
            return text
        }
        switch issue {
        case .controlCharacter(let line, let column, let byte):
            let code =
                "U+" + String(repeating: "0", count: byte < 0x10 ? 3 : 2) + String(byte, radix: 16, uppercase: true)
            return ImportProblem(
                .error,
                ImportError(
                    location: SourceLocation(file: reader.fileName, line: line, column: column), field: name(column),
                    value: value(column),
                    problem:
                        "contains the control character \(code)\(byte == 0 ? " (NUL)" : ""); the row was not imported",
                    hint:
                        "remove the character (it comes from a damaged file or a copy from another program); only TAB, and line breaks inside quotes, are allowed"
                ))
        case .strayQuote(let line, let column):
            return ImportProblem(
                .warning,
                ImportError(
                    location: SourceLocation(file: reader.fileName, line: line, column: column), field: name(column),
                    value: value(column),
                    problem: "has a quote (\") inside an unquoted field; it was kept as typed",
                    hint:
                        "if the quote belongs to the value, quote the whole field and double the quote: \"5'10\"\"\""))
        }
    }
}
