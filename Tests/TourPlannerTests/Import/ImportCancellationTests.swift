import Foundation
import GRDB
import Synchronization
import Testing

@testable import TourPlanner

/// Stops the import's writer after a given number of rows until the test has cancelled the task,
/// so "cancelled half-way" is deterministic. The writer runs on the store's writer queue, not on
/// a task, so waiting there on a semaphore holds no thread of the concurrency pool.
private final class HalfwayGate: Sendable {
    let (reached, reachedContinuation) = AsyncStream.makeStream(of: Int.self)
    private let released = DispatchSemaphore(value: 0)
    private let rowsWritten = Mutex(0)
    private let stopAt: Int

    init(stopAt: Int) { self.stopAt = stopAt }

    /// The importer's `afterBatch` hook.
    func afterBatch(_ rows: Int) {
        let first = rowsWritten.withLock { written in
            defer { written = rows }
            return written < stopAt && rows >= stopAt
        }
        guard first else { return }
        reachedContinuation.yield(rows)
        released.wait()
    }

    func release() { released.signal() }
    var rows: Int { rowsWritten.withLock { $0 } }
}

@Suite("Import cancellation")
struct ImportCancellationTests {
    /// Every member row and import row of the store, as text, for before/after comparisons.
    private func snapshot(_ store: TourDatabase) throws -> [String] {
        try store.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT id || '|' || city || '|' || lastImportId || '|' || importLine FROM members ORDER BY id"
            )
                + String.fetchAll(
                    db, sql: "SELECT id || '|' || fileName || '|' || added FROM imports ORDER BY id")
                + String.fetchAll(db, sql: "SELECT placeKey || '|' || members FROM placeStats ORDER BY placeKey")
        }
    }

    private func rows(_ ids: ClosedRange<Int>, city: String) -> String {
        ids.map { "\($0),First\($0),Last\($0),m\($0)@example.org,,\(city),,US,,,,,,,\n" }.joined()
    }

    @Test("cancelling the task half-way stops the import and stores nothing of the file")
    func cancelHalfway() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let first = try folder.write("first.csv", nativeHeader + rows(1...3, city: "Boston"))
        let firstReport = try await makeImporter().importFile(
            path: first, displayName: "first.csv", into: store, now: testDate)
        #expect(firstReport.added == 3)
        let before = try snapshot(store)
        #expect(before.count == 3 + 1 + 1)  // three members, one import, one place

        // 5,000 rows are 20 batches of 256: the writer is held after the second batch (512 rows).
        let big = try folder.write("big.csv", nativeHeader + rows(1...5000, city: "Denver"))
        let gate = HalfwayGate(stopAt: 512)
        var importer = makeImporter()
        importer.afterBatch = { gate.afterBatch($0) }
        let task = Task { try await importer.importFile(path: big, displayName: "big.csv", into: store, now: testDate) }
        var reached = gate.reached.makeAsyncIterator()
        let rowsAtCancel = await reached.next()
        #expect(rowsAtCancel == 512)
        task.cancel()
        gate.release()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(gate.rows == 512)  // nothing was written after the cancellation
        #expect(try snapshot(store) == before)

        // The store is usable afterwards, and the same file then imports in full.
        let again = try await makeImporter().importFile(path: big, displayName: "big.csv", into: store, now: testDate)
        #expect(again.added == 4997)
        #expect(again.updated == 3)
        #expect(try store.memberSummary().total == 5000)
    }

    @Test("a task cancelled before it starts imports nothing")
    func cancelledBeforeStart() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let path = try folder.write("a.csv", nativeHeader + rows(1...10, city: "Boston"))
        let importer = makeImporter()
        let task = Task {
            // Wait for the cancellation, so the import starts in a cancelled task.
            while !Task.isCancelled { await Task.yield() }
            return try await importer.importFile(path: path, displayName: "a.csv", into: store, now: testDate)
        }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try snapshot(store).isEmpty)
    }
}

@Suite("Import batch channel")
struct ImportBatchChannelTests {
    @Test("a full channel suspends the sender until the receiver takes an element; order is kept")
    func boundedAndOrdered() async {
        let channel = ImportBatchChannel<Int>(capacity: 2)
        #expect(await channel.send(1))
        #expect(await channel.send(2))
        let sent = Mutex(false)
        async let third: Bool = {
            let result = await channel.send(3)
            sent.withLock { $0 = true }
            return result
        }()
        // Items are waiting, so receive() returns at once (it only blocks on an empty channel).
        while !channel.hasWaitingSenderForTesting { await Task.yield() }
        #expect(sent.withLock { $0 } == false)
        #expect(channel.receive() == 1)
        #expect(await third)
        #expect(channel.receive() == 2)
        #expect(channel.receive() == 3)
        channel.finish()
        #expect(channel.receive() == nil)
    }

    @Test("cancel releases a suspended sender with false and drops what was waiting")
    func cancelReleasesSender() async {
        let channel = ImportBatchChannel<Int>(capacity: 1)
        #expect(await channel.send(1))
        async let second = channel.send(2)
        while !channel.hasWaitingSenderForTesting { await Task.yield() }
        channel.cancel()
        #expect(await second == false)
        #expect(channel.receive() == nil)
        #expect(await channel.send(3) == false)
    }

    @Test("after finish the receiver drains the channel, then gets nil")
    func finishDrains() async {
        let channel = ImportBatchChannel<String>(capacity: 4)
        #expect(await channel.send("a"))
        #expect(await channel.send("b"))
        channel.finish()
        #expect(channel.receive() == "a")
        #expect(channel.receive() == "b")
        #expect(channel.receive() == nil)
    }
}

@Suite("Import batch channel, received by a task")
struct ImportBatchChannelAsyncTests {
    @Test("next() suspends on an empty channel until an element is sent, and keeps the order")
    func nextWaitsForSend() async {
        let channel = ImportBatchChannel<Int>(capacity: 2)
        async let first = channel.next()
        await Task.yield()
        #expect(await channel.send(1))
        #expect(await first == 1)
        #expect(await channel.send(2))
        #expect(await channel.send(3))
        #expect(await channel.next() == 2)
        #expect(await channel.next() == 3)
    }

    @Test("next() takes a suspended sender's element into the channel, in order")
    func nextReleasesSender() async {
        let channel = ImportBatchChannel<Int>(capacity: 1)
        #expect(await channel.send(1))
        async let second = channel.send(2)
        while !channel.hasWaitingSenderForTesting { await Task.yield() }
        #expect(await channel.next() == 1)
        #expect(await second)
        #expect(await channel.next() == 2)
    }

    @Test("finish and cancel end a waiting next() with nil; after finish the rest is drained first")
    func finishAndCancelEndNext() async {
        let finished = ImportBatchChannel<Int>(capacity: 2)
        async let waiting = finished.next()
        await Task.yield()
        finished.finish()
        #expect(await waiting == nil)

        let drained = ImportBatchChannel<Int>(capacity: 2)
        #expect(await drained.send(7))
        drained.finish()
        #expect(await drained.next() == 7)
        #expect(await drained.next() == nil)

        let cancelled = ImportBatchChannel<Int>(capacity: 2)
        async let parked = cancelled.next()
        await Task.yield()
        cancelled.cancel()
        #expect(await parked == nil)
        #expect(await cancelled.send(1) == false)
    }

    @Test("cancelling the receiving task cancels the channel")
    func cancellingTheTaskCancelsTheChannel() async {
        let channel = ImportBatchChannel<Int>(capacity: 2)
        let task = Task { await channel.next() }
        task.cancel()
        #expect(await task.value == nil)
        #expect(channel.wasCancelled)
    }
}
