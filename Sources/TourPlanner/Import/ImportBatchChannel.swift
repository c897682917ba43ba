import DequeModule
import Foundation

/// The bounded hand-off between two stages of an import: the reading task and the parsing
/// task, or the parsing task and the writer.
///
/// The sending side is `async`: when `capacity` elements are waiting it suspends (its
/// continuation is parked here) and never blocks a thread of the concurrency pool. A task
/// receives with `next()`, which suspends the same way while the channel is empty. The writer
/// receives with `receive()`: it is GRDB's synchronous write closure, which runs on the store's
/// own serial writer queue for the whole transaction (every GRDB write runs there, never on the
/// pool); it waits on the condition for the next batch, just as it would wait for the disk.
/// Memory stays flat: at most `capacity` elements plus the one a suspended sender holds are in
/// flight.
///
/// `cancel()` stops both sides: a suspended `send` returns false, a waiting `receive` returns nil.
/// `finish()` is the sender's end of input: the receiver drains what is left, then gets nil.
final class ImportBatchChannel<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property below is read and written only with `condition` locked.
    private let condition = NSCondition()
    private var items: Deque<Element> = []
    /// A sender suspended on a full channel, and the element it will add when there is room.
    private var waitingSender: (continuation: CheckedContinuation<Bool, Never>, element: Element)?
    /// A task suspended in `next()` on an empty channel.
    private var waitingReceiver: CheckedContinuation<Element?, Never>?
    private var isCancelled = false
    private var isFinished = false
    private let capacity: Int

    init(capacity: Int) {
        precondition(capacity > 0, "a channel needs room for one element")
        self.capacity = capacity
    }

    /// Adds `element`, suspending while the channel is full; false once the channel is
    /// cancelled (the element is then dropped). Cancelling the sending task cancels the channel.
    func send(_ element: Element) async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                condition.lock()
                if isCancelled || isFinished {
                    condition.unlock()
                    continuation.resume(returning: false)
                } else if let receiver = waitingReceiver {
                    waitingReceiver = nil
                    condition.unlock()
                    receiver.resume(returning: element)
                    continuation.resume(returning: true)
                } else if items.count < capacity {
                    items.append(element)
                    condition.signal()
                    condition.unlock()
                    continuation.resume(returning: true)
                } else {
                    waitingSender = (continuation, element)
                    condition.unlock()
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// The next element, waiting for one; nil once the channel is cancelled, or finished and empty.
    ///
    /// Blocks the calling thread: call it only from the store's writer queue (see the type's
    /// documentation), never from a task.
    func receive() -> Element? {
        condition.lock()
        while items.isEmpty && !isCancelled && !isFinished { condition.wait() }
        guard !isCancelled, let element = items.popFirst() else {
            condition.unlock()
            return nil
        }
        let resumed = admitWaitingSender()
        condition.unlock()
        resumed?.resume(returning: true)
        return element
    }

    /// With `condition` locked, after an element was taken: moves a suspended sender's element
    /// into the channel; its continuation, to resume once `condition` is unlocked.
    private func admitWaitingSender() -> CheckedContinuation<Bool, Never>? {
        guard let parked = waitingSender else { return nil }
        items.append(parked.element)
        waitingSender = nil
        return parked.continuation
    }

    /// The next element, suspending while the channel is empty; nil once the channel is
    /// cancelled, or finished and empty. For a receiving task (one receiver at a time);
    /// cancelling it cancels the channel.
    func next() async -> Element? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                condition.lock()
                if !isCancelled, let element = items.popFirst() {
                    let resumed = admitWaitingSender()
                    condition.unlock()
                    resumed?.resume(returning: true)
                    continuation.resume(returning: element)
                } else if isCancelled || isFinished {
                    condition.unlock()
                    continuation.resume(returning: nil)
                } else {
                    waitingReceiver = continuation
                    condition.unlock()
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// No more elements will be sent; the receiver still gets those already in the channel.
    func finish() {
        condition.lock()
        isFinished = true
        let parked = items.isEmpty ? waitingReceiver : nil
        if parked != nil { waitingReceiver = nil }
        condition.broadcast()
        condition.unlock()
        parked?.resume(returning: nil)
    }

    /// Stops both sides and drops what is waiting. Safe to call more than once, from any thread.
    func cancel() {
        condition.lock()
        isCancelled = true
        items.removeAll()
        let parked = waitingSender
        waitingSender = nil
        let receiver = waitingReceiver
        waitingReceiver = nil
        condition.broadcast()
        condition.unlock()
        parked?.continuation.resume(returning: false)
        receiver?.resume(returning: nil)
    }

    /// Whether `cancel()` was called.
    var wasCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return isCancelled
    }

    /// Whether a sender is suspended on the full channel (tests wait for it).
    var hasWaitingSenderForTesting: Bool {
        condition.lock()
        defer { condition.unlock() }
        return waitingSender != nil
    }
}
