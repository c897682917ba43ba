public import Foundation

/// Imports member exports (CSV or XML) into the store: streaming, validated, one transaction
/// per file, idempotent.
public struct MemberImporter: Sendable {
    /// Problems kept in the report; beyond this only counts grow, so memory stays flat.
    public static let problemsKept = 1000

    public var format: ImportFormat?
    /// A forced mapping (`--map FILE` or `--preset NAME`); nil detects it from the header.
    public var mapping: ColumnMapping?
    public var encoding: TextEncoding = .utf8
    /// More errors than this and nothing is written.
    public var maxErrors = 0
    public var dryRun = false
    /// Rows a bulk load keeps its duplicate tables in memory for (see `MemberWriteSession`).
    var bulkLoadLimit = MemberWriteSession.bulkLoadLimit
    /// Country text → ISO 3166-1 alpha-2.
    public var countryCode: @Sendable (String) -> String?
    /// Raw phone and default region → E.164.
    public var phoneE164: @Sendable (String, String?) -> String?

    public init(
        countryCode: @escaping @Sendable (String) -> String?,
        phoneE164: @escaping @Sendable (String, String?) -> String?
    ) {
        self.countryCode = countryCode
        self.phoneE164 = phoneE164
    }

    /// Imports one file into `database`.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: the name used in messages (usually the path as the user typed it).
    ///   - now: the import time recorded in the `imports` table.
    /// - Returns: the report; `committed` is false when errors exceeded `maxErrors` or on a dry run.
    /// - Throws: `ImportError` when the file cannot be read at all (missing, not CSV/XML,
    ///   malformed XML, a DOCTYPE, a required column missing); the database is then unchanged.
    public func importFile(path: String, displayName: String, into database: TourDatabase, now: Date) throws
        -> ImportReport
    {
        let format = self.format ?? ImportFormat.guess(fileName: displayName)
        var problems = ProblemLog(limit: Self.problemsKept)
        var mappingName = "native"
        var fatal: (any Error)?
        var consent = ConsentCounts()
        let counts = try database.performImport(startedAt: now, bulkLoadLimit: bulkLoadLimit) { session in
            session.sourceFileName = displayName
            var counts = ImportCounts()
            func record(_ outcome: MemberWriteSession.Outcome, _ member: Member, _ line: Int) {
                switch outcome {
                case .added:
                    counts.added += 1
                    consent.add(member.consent)
                case .updated:
                    counts.updated += 1
                    consent.add(member.consent)
                case .unchanged:
                    counts.unchanged += 1
                    consent.add(member.consent)
                case .duplicateIdentical(let firstLine):
                    duplicate(
                        .warning, "repeats the member on line \(firstLine) with identical values; merged",
                        hint: "remove the repeated row")
                case .duplicateConflict(let firstLine):
                    duplicate(
                        .error,
                        "is also used on line \(firstLine) with different values; the row on line \(firstLine) was kept",
                        hint: "give each member one row, or fix the id on one of the two lines")
                }
                func duplicate(_ severity: ImportProblem.Severity, _ problem: String, hint: String) {
                    counts.skipped += 1
                    problems.append(
                        ImportProblem(
                            severity,
                            ImportError(
                                location: SourceLocation(file: displayName, line: line), field: "id",
                                value: member.id.rawValue, problem: problem, hint: hint)))
                }
            }
            do {
                let rows: RowSource
                switch format {
                case .csv:
                    let csv = try CSVRowSource(path: path, fileName: displayName, encoding: encoding, mapping: mapping)
                    mappingName = csv.mappingName
                    problems += csv.headerWarnings
                    rows = .csv(csv)
                case .xml:
                    rows = .xml(try XMLMemberReader(path: path, fileName: displayName))
                }
                let parser = MemberRowParser(
                    fileName: displayName, requiresNumericID: mapping?.requiresNumericID ?? (mappingName == "native"),
                    countryCode: countryCode, phoneE164: phoneE164)
                // Parsing runs on its own thread, inserts on this one (GRDB's writer).
                let reader = RowReadingThread(source: rows, parser: parser, fileName: displayName)
                reader.start()

                defer { reader.stopAndWait() }
                var summary: ReadSummary?
                while summary == nil {
                    switch reader.channel.receive() {
                    case .failed(let error): throw error
                    case .finished(let finished): summary = finished
                    case .rows(let batch):
                        // Encoded here, not on the reading thread: reading is the longer stage.
                        var encoded = EncodedMemberRows(capacity: batch.members.count)
                        for member in batch.members { encoded.append(member) }
                        for index in batch.rows.indices {
                            if !batch.rows[index].problems.isEmpty { problems += batch.rows[index].problems }
                            let memberIndex = batch.encodedIndex[index]
                            guard memberIndex >= 0 else {
                                counts.skipped += 1
                                continue
                            }
                            let line = batch.rows[index].line
                            let outcome = try session.upsert(
                                batch.members[memberIndex], encoded: encoded, at: memberIndex, line: line)
                            record(outcome, batch.members[memberIndex], line)
                        }
                    }
                }
                for shared in try session.sharedEmails() {
                    problems.append(
                        ImportProblem(
                            .warning,
                            ImportError(
                                location: SourceLocation(file: displayName, line: shared.line), field: "email",
                                value: EmailAddress.masked(shared.email),
                                problem:
                                    "is also the e-mail of member \(shared.firstID) (line \(shared.firstLine)); both kept, not merged",
                                hint:
                                    "households may share an e-mail; if it is the same person, merge them on the website"
                            )))
                }
                guard let summary else { return (counts, false) }
                problems += summary.trailingWarnings
                counts.record = ImportRecord(
                    fileName: displayName, sha256: summary.sha256Hex, byteCount: summary.byteCount,
                    format: format.rawValue,
                    importedAt: now)
            } catch let error as ImportError {
                fatal = error
                return (counts, false)
            }
            counts.errors = problems.errorCount
            counts.warnings = problems.warningCount
            return (counts, !dryRun && counts.errors <= maxErrors)
        }
        if let fatal { throw fatal }
        return ImportReport(
            file: displayName, format: format, mapping: mappingName, added: counts.added, updated: counts.updated,
            unchanged: counts.unchanged, skipped: counts.skipped, warnings: counts.warnings, errors: counts.errors,
            committed: !dryRun && counts.errors <= maxErrors, dryRun: dryRun, sha256: counts.record?.sha256 ?? "",
            previouslyImportedAt: counts.previousImportDate, problems: problems.kept, consent: consent)
    }
}

/// The rows of one file, whichever its format.
enum RowSource {
    case csv(CSVRowSource)
    case xml(XMLMemberReader)

    var sha256Hex: String {
        switch self {
        case .csv(let source): source.reader.sha256Hex
        case .xml(let reader): reader.sha256Hex
        }
    }

    var byteCount: Int {
        switch self {
        case .csv(let source): source.reader.byteCount
        case .xml(let reader): reader.byteCount
        }
    }

    func trailingWarnings(fileName: String) -> [ImportProblem] {
        switch self {
        case .csv(let source):
            return source.reader.warnings.map { ImportProblem(.warning, $0) }
        case .xml(let reader):
            guard !reader.unknownElements.isEmpty else { return [] }
            return [
                ImportProblem(
                    .warning,
                    ImportError(
                        location: SourceLocation(file: fileName), field: "",
                        value: reader.unknownElements.sorted().joined(separator: ", "),
                        problem: "are elements a member export does not define; they were ignored",
                        hint: "see README \"XML member export\" for the elements that are read"))
            ]
        }
    }
}

/// Problems in file order: all counted, the first `limit` kept.
struct ProblemLog {
    let limit: Int
    private(set) var kept: [ImportProblem] = []
    private(set) var errorCount = 0
    private(set) var warningCount = 0

    init(limit: Int) { self.limit = limit }

    mutating func append(_ problem: ImportProblem) {
        if problem.severity == .error { errorCount += 1 } else { warningCount += 1 }
        if kept.count < limit { kept.append(problem) }
    }

    static func += (log: inout ProblemLog, problems: [ImportProblem]) {
        for problem in problems { log.append(problem) }
    }
}
