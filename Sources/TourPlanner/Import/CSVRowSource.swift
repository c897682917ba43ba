import TourPlannerCore

/// The member rows of a CSV export: reads the header, picks the mapping, and reads each record
/// into a row of a `RawRowBatch`.
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
        try Self.rejectUnreadConsent(header, used: resolved, fileName: fileName)
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

    /// Reads the next record into a new row of `batch`; false at the end of the file.
    mutating func next(into batch: inout RawRowBatch) throws(ImportError) -> Bool {
        spans.removeAll(keepingCapacity: true)
        let next: (line: Int, issues: [CSVIssue])?
        do {
            next = try reader.nextRecord(into: &batch.bytes, spans: &spans)
        } catch {
            throw named(error)
        }
        guard let record = next else { return false }
        batch.beginRow(line: record.line)
        let fieldCount = spans.count / 2
        var extras = RawRowExtras()
        var assigned: UInt32 = 0
        for index in 0..<min(fieldCount, fieldByColumn.count) {
            guard let field = fieldByColumn[index] else { continue }
            let bit: UInt32 = 1 << field.ordinal
            if assigned & bit != 0, field.isConsent {
                extras.extraConsent.append(
                    (field, batch.string(offset: Int(spans[2 * index]), count: Int(spans[2 * index + 1])), index + 1))
            } else {
                batch.set(field, offset: spans[2 * index], count: spans[2 * index + 1], column: index + 1)
                assigned |= bit
            }
        }
        let row = batch.count - 1
        for (index, field) in alternateColumns where index < fieldCount {
            let offset = Int(spans[2 * index])
            let count = Int(spans[2 * index + 1])
            if batch.span(row, field).map({ batch.isBlank(offset: $0.offset, count: $0.count) }) ?? true,
                !batch.isBlank(offset: offset, count: count)
            {
                batch.set(field, offset: spans[2 * index], count: spans[2 * index + 1], column: index + 1)
            }
        }
        if !record.issues.isEmpty {
            extras.readProblems = record.issues.map {
                problem(for: $0, fieldCount: fieldCount) { column in
                    batch.string(offset: Int(spans[2 * (column - 1)]), count: Int(spans[2 * (column - 1) + 1]))
                }
            }
        }
        if fieldCount != columnCount {
            // Short rows leave the missing fields empty; both cases are reported.
            extras.fieldCountMismatch = (fieldCount, columnCount)
        }
        if !extras.isEmpty { batch.lastExtras = extras }
        return true
    }

    /// The (offset, count) pairs of the record being read.
    private var spans: [Int32] = []

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

    /// A column that looks like consent (`opt_out`, `unsubscribed`, `Do Not Text`) but maps to no
    /// consent field is fatal: importing without it could call or text members who opted out.
    private static func rejectUnreadConsent(
        _ header: CSVRecord, used resolved: ColumnMapping.Resolved, fileName: String
    ) throws(ImportError) {
        let used = Set(resolved.fieldByColumn.keys).union(resolved.alternateColumns.map(\.column))
        for (index, name) in header.fields.enumerated()
        where !used.contains(index) && ColumnMapping.looksLikeConsent(name) {
            throw ImportError(
                location: SourceLocation(file: fileName, line: header.line, column: index + 1),
                field: name.trimmedForImport, value: "",
                problem:
                    "looks like a consent column (an opt-out or unsubscribe), but TourPlanner does not know whether it stops calls, texts or both; importing without it could contact members who opted out there",
                hint:
                    "rename the column to do_not_call, do_not_text, do_not_contact or sms_status (email_status if it is only about e-mail, which TourPlanner does not use), or name it in a mapping file (--map FILE, see README \"Consent from the source tool\"); nothing was imported"
            )
        }
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
    private func problem(for issue: CSVIssue, fieldCount: Int, text field: (Int) -> String) -> ImportProblem {
        func name(_ column: Int) -> String { header.indices.contains(column - 1) ? header[column - 1] : "" }
        func value(_ column: Int) -> String {
            guard column >= 1 && column <= fieldCount else { return "" }
            let text = field(column)
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
