import Foundation

/// What the writer of one import learned, besides the counts: the problems (all counted, the
/// first `MemberImporter.problemsKept` kept), the consent flags of the rows written, and the
/// error that made the file unreadable (the import is then rolled back and the error thrown).
struct ImportWriteOutcome: Sendable {
    var problems = ProblemLog(limit: MemberImporter.problemsKept)
    var consent = ConsentCounts()
    var fatal: ImportError?
}

/// The writing stage of an import: runs inside the import's transaction on the store's writer
/// queue, takes the parsing tasks' batches from their lanes in turn (so in file order) and upserts their members.
struct ImportWriter: Sendable {
    let fileName: String
    /// The import time recorded in the `imports` table.
    let now: Date
    let format: ImportFormat
    let maxErrors: Int
    let dryRun: Bool
    let headerWarnings: [ImportProblem]
    /// The lanes of parsed batches, taken in turn (batch `k` comes from lane `k % count`).
    let channels: [ImportBatchChannel<ReadMessage>]
    let afterBatch: (@Sendable (Int) -> Void)?

    /// Writes every batch through `session`; the counts, whether to commit, and the outcome.
    ///
    /// - Throws: `CancellationError` when the channel was cancelled before the end of the file;
    ///   a database error. Either rolls the import back.
    func write(into session: MemberWriteSession) throws -> (
        counts: ImportCounts, commit: Bool, outcome: ImportWriteOutcome
    ) {
        session.sourceFileName = fileName
        var counts = ImportCounts()
        var outcome = ImportWriteOutcome()
        outcome.problems += headerWarnings
        var rowsTaken = 0
        var summary: ReadSummary?
        var turn = 0
        do {
            while summary == nil {
                guard let message = channels[turn].receive() else { throw CancellationError() }
                turn = (turn + 1) % channels.count
                switch message {
                case .failed(let error): throw error
                case .finished(let finished): summary = finished
                case .rows(let batch):
                    try write(batch, into: session, counts: &counts, outcome: &outcome)
                    rowsTaken += batch.count
                    afterBatch?(rowsTaken)
                }
            }
            for shared in try session.sharedEmails() {
                outcome.problems.append(
                    ImportProblem(
                        .warning,
                        ImportError(
                            location: SourceLocation(file: fileName, line: shared.line), field: "email",
                            value: EmailAddress.masked(shared.email),
                            problem:
                                "is also the e-mail of member \(shared.firstID) (line \(shared.firstLine)); both kept, not merged",
                            hint: "households may share an e-mail; if it is the same person, merge them on the website")
                    ))
            }
        } catch let error as ImportError {
            outcome.fatal = error
            return (counts, false, outcome)
        }
        if channels.contains(where: \.wasCancelled) { throw CancellationError() }
        if let summary {
            outcome.problems += summary.trailingWarnings
            counts.record = ImportRecord(
                fileName: fileName, sha256: summary.sha256Hex, byteCount: summary.byteCount, format: format.rawValue,
                importedAt: now)
        }
        counts.errors = outcome.problems.errorCount
        counts.warnings = outcome.problems.warningCount
        return (counts, !dryRun && counts.errors <= maxErrors, outcome)
    }

    private func write(
        _ batch: ParsedBatch, into session: MemberWriteSession, counts: inout ImportCounts,
        outcome: inout ImportWriteOutcome
    ) throws {
        let encoded = batch.members
        session.prefetch(encoded)
        for index in batch.rows.indices {
            if !batch.rows[index].problems.isEmpty { outcome.problems += batch.rows[index].problems }
            let memberIndex = batch.rows[index].memberIndex
            guard memberIndex >= 0 else {
                counts.skipped += 1
                continue
            }
            let line = batch.rows[index].line
            switch try session.upsert(encoded: encoded, at: memberIndex, line: line) {
            case .added:
                counts.added += 1
                outcome.consent.add(encoded.consent(memberIndex))
            case .updated:
                counts.updated += 1
                outcome.consent.add(encoded.consent(memberIndex))
            case .unchanged:
                counts.unchanged += 1
                outcome.consent.add(encoded.consent(memberIndex))
            case .duplicateIdentical(let firstLine):
                counts.skipped += 1
                outcome.problems.append(
                    duplicate(
                        .warning, encoded.id(memberIndex), line,
                        "repeats the member on line \(firstLine) with identical values; merged",
                        hint: "remove the repeated row"))
            case .duplicateConflict(let firstLine):
                counts.skipped += 1
                outcome.problems.append(
                    duplicate(
                        .error, encoded.id(memberIndex), line,
                        "is also used on line \(firstLine) with different values; the row on line \(firstLine) was kept",
                        hint: "give each member one row, or fix the id on one of the two lines"))
            }
        }
    }

    private func duplicate(
        _ severity: ImportProblem.Severity, _ id: MemberID, _ line: Int, _ problem: String, hint: String
    ) -> ImportProblem {
        ImportProblem(
            severity,
            ImportError(
                location: SourceLocation(file: fileName, line: line), field: "id", value: id.rawValue,
                problem: problem, hint: hint))
    }
}
