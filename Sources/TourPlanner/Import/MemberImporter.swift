package import Foundation

/// Imports member exports (CSV or XML) into the store: streaming, validated, one transaction
/// per file, idempotent.
package struct MemberImporter: Sendable {
    /// Problems kept in the report; beyond this only counts grow, so memory stays flat.
    package static let problemsKept = 1000

    /// The file's format (`--format`); nil guesses it from the display name (`.xml` is XML, else CSV).
    package var format: ImportFormat?
    /// A forced mapping (`--map FILE` or `--preset NAME`); nil detects it from the header.
    package var mapping: ColumnMapping?
    /// The text encoding of a CSV file (`--encoding`, default UTF-8).
    package var encoding: TextEncoding = .utf8
    /// More errors than this and nothing is written.
    package var maxErrors = 0
    /// Read and validate only (`--dry-run`): nothing is written.
    package var dryRun = false
    /// Rows a bulk load keeps its duplicate tables in memory for (see `MemberWriteSession`).
    var bulkLoadLimit = MemberWriteSession.bulkLoadLimit
    /// Country text → ISO 3166-1 alpha-2.
    package var countryCode: @Sendable (String) -> String?
    /// Raw phone and default region → E.164.
    package var phoneE164: @Sendable (String, String?) -> String?

    /// Creates an importer with the country and phone normalizers (the planner passes its bundled ones).
    package init(
        countryCode: @escaping @Sendable (String) -> String?,
        phoneE164: @escaping @Sendable (String, String?) -> String?
    ) {
        self.countryCode = countryCode
        self.phoneE164 = phoneE164
    }

    /// Told, inside the transaction of a file that commits, the place keys still to resolve.
    var placeKeysPending: PlaceKeysRequest?

    /// Called by the writer after each batch with the number of rows taken so far (tests use it
    /// to cancel an import half-way).
    var afterBatch: (@Sendable (Int) -> Void)?

    /// Imports one file into `database`.
    ///
    /// Reading runs in one task of a task group, validating in `RowReader.lanes` tasks, writing in
    /// GRDB's writer queue, with at most `RowReader.channelCapacity` batches per lane between two
    /// stages. Cancelling
    /// the calling task stops the reading and rolls the import back: nothing of the file is stored.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - displayName: the name used in messages (usually the path as the user typed it).
    ///   - database: the store the members are written to.
    ///   - now: the import time recorded in the `imports` table.
    /// - Returns: the report; `committed` is false when errors exceeded `maxErrors` or on a dry run.
    /// - Throws: `ImportError` when the file cannot be read at all (missing, not CSV/XML,
    ///   malformed XML, a DOCTYPE, a required column missing); `CancellationError` when the task
    ///   was cancelled. The database is then unchanged.
    package func importFile(path: String, displayName: String, into database: TourDatabase, now: Date) async throws
        -> ImportReport
    {
        let format = self.format ?? ImportFormat.guess(fileName: displayName)
        let rows: RowSource
        var mappingName = "native"
        var headerWarnings: [ImportProblem] = []
        switch format {
        case .csv:
            let csv = try CSVRowSource(path: path, fileName: displayName, encoding: encoding, mapping: mapping)
            mappingName = csv.mappingName
            headerWarnings = csv.headerWarnings
            rows = .csv(csv)
        case .xml:
            rows = .xml(try XMLMemberReader(path: path, fileName: displayName))
        }
        let requiresNumericID = mapping?.requiresNumericID ?? (mappingName == "native")
        let raw = (0..<RowReader.lanes).map { _ in ImportBatchChannel<RawMessage>(capacity: RowReader.channelCapacity) }
        let parsed = (0..<RowReader.lanes).map { _ in
            ImportBatchChannel<ReadMessage>(capacity: RowReader.channelCapacity)
        }
        let channels = raw.map(ImportChannel.raw) + parsed.map(ImportChannel.parsed)
        let writer = ImportWriter(
            fileName: displayName, now: now, format: format, maxErrors: maxErrors, dryRun: dryRun,
            headerWarnings: headerWarnings,
            channels: parsed, afterBatch: afterBatch)
        let reader = TaskHandOff(RowReader(source: rows, fileName: displayName))
        // One parser per lane: a parser's country cache belongs to the one task that uses it.
        let places = PlaceNumbering()
        let validators = raw.map { _ in
            TaskHandOff(
                RowValidator(
                    parser: MemberRowParser(
                        fileName: displayName, requiresNumericID: requiresNumericID, countryCode: countryCode,
                        phoneE164: phoneE164),
                    places: places))
        }
        let written = try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    guard var reader = reader.take() else { return }
                    await reader.run(into: raw)
                }
                for lane in raw.indices {
                    group.addTask {
                        guard let validator = validators[lane].take() else { return }
                        await validator.run(from: raw[lane], into: parsed[lane])
                    }
                }
                defer {  // the reading and parsing have finished, or must stop now
                    for channel in channels { channel.cancel() }
                }
                return try await database.performImport(
                    startedAt: now, bulkLoadLimit: bulkLoadLimit, placeKeysPending: placeKeysPending, places: places
                ) { session in
                    try writer.write(into: session)
                }
            }
        } onCancel: {
            for channel in channels { channel.cancel() }
        }
        if let fatal = written.outcome.fatal { throw fatal }
        let counts = written.counts
        return ImportReport(
            file: displayName, format: format, mapping: mappingName, added: counts.added, updated: counts.updated,
            unchanged: counts.unchanged, skipped: counts.skipped, warnings: counts.warnings, errors: counts.errors,
            committed: !dryRun && counts.errors <= maxErrors, dryRun: dryRun, sha256: counts.record?.sha256 ?? "",
            previouslyImportedAt: counts.previousImportDate, problems: written.outcome.problems.kept,
            consent: written.outcome.consent)
    }
}

/// One of an import's channels, to cancel them all alike.
enum ImportChannel: Sendable {
    case raw(ImportBatchChannel<RawMessage>)
    case parsed(ImportBatchChannel<ReadMessage>)

    func cancel() {
        switch self {
        case .raw(let channel): channel.cancel()
        case .parsed(let channel): channel.cancel()
        }
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
            return source.readerWarnings.map { ImportProblem(.warning, $0) }
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
