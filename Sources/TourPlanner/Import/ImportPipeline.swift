import DequeModule
import Foundation

/// One row as the reading thread hands it to the writing thread: the validated member (nil
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
        rows.reserveCapacity(RowReadingThread.batchSize)
        encodedIndex.reserveCapacity(RowReadingThread.batchSize)
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

/// What the reading thread learned once the whole file was read.
struct ReadSummary: Sendable {
    var sha256Hex: String
    var byteCount: Int
    var trailingWarnings: [ImportProblem]
}

/// Messages from the reading thread, in file order.
enum ReadMessage: Sendable {
    case rows(ParsedBatch)
    case finished(ReadSummary)
    case failed(ImportError)
}

/// A bounded single-producer, single-consumer hand-off between two threads.
///
/// The writer of an import is GRDB's synchronous database closure, so the reading side runs on
/// its own thread and blocks when the writer falls behind (memory stays flat: at most
/// `capacity` batches in flight). `cancel()` lets the consumer stop the producer early.
final class BoundedChannel<Element: Sendable>: @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var items = Deque<Element>()
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Blocks while the channel is full; false when the consumer has cancelled.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// Blocks until an element arrives.
    func receive() -> Element {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let element = items.removeFirst()
        condition.broadcast()
        return element
    }

    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// Reads and validates the rows of one file on a thread of its own, so parsing (one core)
/// overlaps SQLite's inserts (the other core). Rows arrive in batches, in file order.
final class RowReadingThread: @unchecked Sendable {
    static let batchSize = 256

    let channel = BoundedChannel<ReadMessage>(capacity: 8)
    private let exited = DispatchSemaphore(value: 0)
    // Owned by the reading thread from `start()` until it exits.
    private var source: RowSource
    private let parser: MemberRowParser
    private let fileName: String

    init(source: RowSource, parser: MemberRowParser, fileName: String) {
        self.source = source
        self.parser = parser
        self.fileName = fileName
    }

    func start() {
        let thread = Thread { [self] in
            run()
            exited.signal()
        }
        thread.stackSize = 8 << 20
        thread.name = "import-reader"
        thread.start()
    }

    /// Stops the reader (if it is still running) and waits until it has let go of the file.
    func stopAndWait() {
        channel.cancel()
        exited.wait()
    }

    private func run() {
        var batch = ParsedBatch()
        do {
            switch source {
            // Two loops, not one generic one: a closure around the CSV reader cost 8% of an import.
            case .csv(var csv):
                while let row = try csv.next() {
                    guard add(parse(row), to: &batch) else { return }
                }
                source = .csv(csv)
            case .xml(let xml):
                while let row = try xml.next() {
                    guard add(parse(row), to: &batch) else { return }
                }
            }
            if !batch.isEmpty { guard channel.send(.rows(batch)) else { return } }
            _ = channel.send(
                .finished(
                    ReadSummary(
                        sha256Hex: source.sha256Hex, byteCount: source.byteCount,
                        trailingWarnings: source.trailingWarnings(fileName: fileName))))
        } catch {
            if !batch.isEmpty { guard channel.send(.rows(batch)) else { return } }
            _ = channel.send(.failed(error))
        }
    }

    /// Adds a row, sending the batch when it is full; false when the writer has cancelled.
    private func add(_ row: consuming ParsedRow, to batch: inout ParsedBatch) -> Bool {
        batch.append(row)
        guard batch.count == Self.batchSize else { return true }
        guard channel.send(.rows(batch)) else { return false }
        batch = ParsedBatch()
        return true
    }

    private func parse(_ row: RawMemberRow) -> ParsedRow {
        let parsed = parser.parse(row)
        return ParsedRow(member: parsed.member, line: row.line, problems: parsed.problems)
    }
}
