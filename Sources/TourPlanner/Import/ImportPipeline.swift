import Foundation
import Synchronization
import TourPlannerStore

/// One row as the parsing task hands it to the writer: its line, the row's problems in the
/// order they were found, and its member's index in the batch's `members` (−1: rejected).
struct ParsedRow: Sendable {
    var line: Int
    var problems: [ImportProblem]
    var memberIndex: Int
}

/// A batch of rows and their members, encoded for the insert.
///
/// The parsing task encodes each member as it validates it, from the raw bytes in place, so the
/// writer only binds and steps.
struct ParsedBatch: Sendable {
    var rows: [ParsedRow] = []
    var members = EncodedMemberRows(capacity: RowReader.batchSize)

    init() { rows.reserveCapacity(RowReader.batchSize) }

    var count: Int { rows.count }
    var isEmpty: Bool { rows.isEmpty }
}

/// What the reading task learned once the whole file was read.
struct ReadSummary: Sendable {
    var sha256Hex: String
    var byteCount: Int
    var trailingWarnings: [ImportProblem]
}

/// Messages from the parsing task to the writer, in file order.
enum ReadMessage: Sendable {
    case rows(ParsedBatch)
    case finished(ReadSummary)
    case failed(ImportError)
}

/// Messages from the reading task to the parsing task, in file order.
enum RawMessage: Sendable {
    case rows(RawRowBatch)
    case finished(ReadSummary)
    case failed(ImportError)
}

/// Carries a value that is not `Sendable` (an open file, a parser's cache) into the one task
/// that uses it, which takes it once.
final class TaskHandOff<Value>: Sendable {
    private let value: Mutex<Value?>
    init(_ value: sending Value) { self.value = Mutex(value) }
    func take() -> sending Value? { value.withLock { $0.take() } }
}

/// The first stage of an import: reads the rows of one file (CSV records or XML members, as
/// raw bytes by field) in a task of the import's task group, and deals them in batches, in file
/// order, to the parsing tasks (`RowValidator`): batch `k` to channel `k % lanes`, and the end of
/// the file (or the error that stopped it) to the channel whose turn is next.
///
/// Reading takes about a sixth of an import's work, parsing and encoding about half, writing
/// about a third: with one parsing task that task was the slowest stage and the two cores were
/// busy 85% of the time; with two, each stage is shorter than the whole work shared by two cores.
/// The writer takes the batches from the lanes in the same turn, so it sees them in file order.
/// Cancelling the task stops the reading between two batches; the channels are then cancelled,
/// so the writer rolls the import back.
struct RowReader {
    static let batchSize = 256
    /// Batches in flight between two stages, per lane.
    static let channelCapacity = 4
    /// Parsing tasks (and channels, "lanes") between the reading task and the writer.
    static let lanes = 2

    private var source: RowSource
    private let fileName: String

    init(source: RowSource, fileName: String) {
        self.source = source
        self.fileName = fileName
    }

    /// Sends every batch, then `.finished` (or `.failed` when the file turns out to be
    /// unreadable), and finishes the channels; on cancellation it cancels them instead.
    mutating func run(into channels: [ImportBatchChannel<RawMessage>]) async {
        var batch = RawRowBatch(capacity: Self.batchSize)
        var turn = 0
        /// Sends `message` to the lane whose turn it is; false when the import was cancelled.
        func send(_ message: RawMessage) async -> Bool {
            defer { turn = (turn + 1) % channels.count }
            return await channels[turn].send(message)
        }
        /// Sends a full batch and starts the next; false when the import was cancelled.
        func sendFull() async -> Bool {
            if Task.isCancelled {
                for channel in channels { channel.cancel() }
                return false
            }
            guard await send(.rows(batch)) else { return false }
            batch = RawRowBatch(capacity: Self.batchSize)
            return true
        }
        do {
            switch source {
            // Two loops, not one generic one: a closure around the CSV reader cost 8% of an import.
            case .csv(var csv):
                while try csv.next(into: &batch) {
                    if batch.count == Self.batchSize { guard await sendFull() else { return } }
                }
                source = .csv(csv)
            case .xml(let xml):
                while try xml.next(into: &batch) {
                    if batch.count == Self.batchSize { guard await sendFull() else { return } }
                }
            }
            if !batch.isEmpty { guard await send(.rows(batch)) else { return } }
            let summary = ReadSummary(
                sha256Hex: source.sha256Hex, byteCount: source.byteCount,
                trailingWarnings: source.trailingWarnings(fileName: fileName))
            guard await send(.finished(summary)) else { return }
        } catch {
            if !batch.isEmpty { guard await send(.rows(batch)) else { return } }
            guard await send(.failed(error)) else { return }
        }
        for channel in channels { channel.finish() }
    }
}

/// The second stage of an import, one task per lane: validates the reading task's rows into
/// members, encodes them for the insert (`ParsedBatch`), numbers their places, and sends the
/// batches on, in the order received, to the writer.
struct RowValidator {
    private let parser: MemberRowParser
    private let places: PlaceNumbering

    init(parser: MemberRowParser, places: PlaceNumbering) {
        self.parser = parser
        self.places = places
    }

    /// Parses every batch of `input` into `output` and passes `.finished` and `.failed` on; when
    /// either side is cancelled, cancels the other.
    func run(from input: ImportBatchChannel<RawMessage>, into output: ImportBatchChannel<ReadMessage>) async {
        while let message = await input.next() {
            let parsed: ReadMessage
            switch message {
            case .rows(let rows):
                var batch = ParsedBatch()
                for row in 0..<rows.count {
                    let before = batch.members.count
                    let problems = parser.parse(row, of: rows, into: &batch.members)
                    batch.rows.append(
                        ParsedRow(
                            line: rows.lines[row], problems: problems,
                            memberIndex: batch.members.count > before ? before : -1))
                }
                places.number(&batch.members)
                parsed = .rows(batch)
            case .finished(let summary): parsed = .finished(summary)
            case .failed(let error): parsed = .failed(error)
            }
            guard !Task.isCancelled, await output.send(parsed) else {
                input.cancel()
                output.cancel()
                return
            }
        }
        if input.wasCancelled { output.cancel() } else { output.finish() }
    }
}
