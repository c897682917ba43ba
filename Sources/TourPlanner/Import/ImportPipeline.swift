import Foundation
import Synchronization

/// One row as the reading task hands it to the writer: the validated member (nil
/// when the row was rejected), its line, and the row's problems in the order they were found.
struct ParsedRow: Sendable {
    var member: Member?
    var line: Int
    var problems: [ImportProblem]
}

/// A batch of rows and their members (row `i` with a member is `members[encodedIndex[i]]`;
/// −1: rejected).
struct ParsedBatch: Sendable {
    /// Rows whose `member` has been moved to `members` (row `i`'s is `members[encodedIndex[i]]`).
    var rows: [ParsedRow] = []
    var members: [Member] = []
    var encodedIndex: [Int] = []

    init() {
        rows.reserveCapacity(RowReader.batchSize)
        encodedIndex.reserveCapacity(RowReader.batchSize)
    }

    var count: Int { rows.count }
    var isEmpty: Bool { rows.isEmpty }

    mutating func append(_ row: consuming ParsedRow) {
        if let member = row.member.take() {
            encodedIndex.append(members.count)
            members.append(member)
        } else {
            encodedIndex.append(-1)
        }
        rows.append(row)
    }
}

/// What the reading task learned once the whole file was read.
struct ReadSummary: Sendable {
    var sha256Hex: String
    var byteCount: Int
    var trailingWarnings: [ImportProblem]
}

/// Messages from the reading task, in file order.
enum ReadMessage: Sendable {
    case rows(ParsedBatch)
    case finished(ReadSummary)
    case failed(ImportError)
}

/// Reads and validates the rows of one file in a task of the import's task group, so parsing
/// (one core) overlaps SQLite's inserts (the other core). Rows arrive in batches, in file order.
///
/// Cancelling the task stops the reading between two batches; the channel is then cancelled, so
/// the writer rolls the import back.
struct RowReader {
    static let batchSize = 256
    /// Batches in flight between the reader and the writer.
    static let channelCapacity = 8

    /// Carries a reader (its open file) into the reading task, which takes it once.
    final class HandOff: Sendable {
        private let reader: Mutex<RowReader?>
        init(_ reader: sending RowReader) { self.reader = Mutex(reader) }
        func take() -> sending RowReader? { reader.withLock { $0.take() } }
    }

    private var source: RowSource
    private let parser: MemberRowParser
    private let fileName: String

    init(source: RowSource, parser: MemberRowParser, fileName: String) {
        self.source = source
        self.parser = parser
        self.fileName = fileName
    }

    /// Sends every batch, then `.finished` (or `.failed` when the file turns out to be
    /// unreadable), and finishes the channel; on cancellation it cancels the channel instead.
    mutating func run(into channel: ImportBatchChannel<ReadMessage>) async {
        var batch = ParsedBatch()
        do {
            switch source {
            // Two loops, not one generic one: a closure around the CSV reader cost 8% of an import.
            case .csv(var csv):
                while let row = try csv.next() {
                    guard await add(parse(row), to: &batch, channel) else { return }
                }
                source = .csv(csv)
            case .xml(let xml):
                while let row = try xml.next() {
                    guard await add(parse(row), to: &batch, channel) else { return }
                }
            }
            if !batch.isEmpty { guard await channel.send(.rows(batch)) else { return } }
            let summary = ReadSummary(
                sha256Hex: source.sha256Hex, byteCount: source.byteCount,
                trailingWarnings: source.trailingWarnings(fileName: fileName))
            guard await channel.send(.finished(summary)) else { return }
        } catch {
            if !batch.isEmpty { guard await channel.send(.rows(batch)) else { return } }
            guard await channel.send(.failed(error)) else { return }
        }
        channel.finish()
    }

    /// Adds a row, sending the batch when it is full; false when the import was cancelled.
    private func add(
        _ row: consuming ParsedRow, to batch: inout ParsedBatch, _ channel: ImportBatchChannel<ReadMessage>
    ) async -> Bool {
        batch.append(row)
        guard batch.count == Self.batchSize else { return true }
        if Task.isCancelled {
            channel.cancel()
            return false
        }
        guard await channel.send(.rows(batch)) else { return false }
        batch = ParsedBatch()
        return true
    }

    private func parse(_ row: RawMemberRow) -> ParsedRow {
        let parsed = parser.parse(row)
        return ParsedRow(member: parsed.member, line: row.line, problems: parsed.problems)
    }
}
