package import Foundation
import TourPlannerCore

/// What an outcome does next: a pure function of the outcome, the task, the member's other
/// tasks and what was recorded before. The store only persists its decision.
///
/// - `reached`: the call is done (the member stays "not yes": a reminder call still invites).
/// - `rsvp-yes`: done; the member's held reminder text for the event is released.
/// - `voicemail`, `no-answer`: retried in the member's next calling window on a later day that
///   has no other call of theirs, until `maxAttempts`; a follow-up call only before the day of
///   the reminder call (which then tries again), a reminder call only before the event day.
///   Past that the call is `failed`.
/// - `rsvp-no`: done; the member's open tasks for the event are cancelled.
/// - `wrong-number`: done; the phone is flagged and every open task of the member cancelled.
/// - `do-not-contact`: done; the member is opted out of calls and texts, every open task cancelled.
///
/// A log repeats an earlier one when the same outcome is already recorded for the same attempt.
/// Without an explicit attempt, a log of the outcome last recorded belongs to that attempt
/// unless the retry it caused is due (`now` at or after the retry window's start).
public enum OutcomePolicy {
    /// An outcome already stored for the task.
    public struct Recorded: Hashable, Sendable {
        /// The outcome recorded.
        package var outcome: CallOutcome
        /// The attempt it was recorded for, from 1.
        package var attempt: Int
        /// Creates a record of a stored outcome.
        package init(outcome: CallOutcome, attempt: Int) {
            self.outcome = outcome
            self.attempt = attempt
        }
    }

    /// The decision for one log.
    package struct Decision: Hashable, Sendable {
        /// The same outcome is already recorded for this attempt: nothing is stored.
        package var isDuplicate: Bool
        /// The attempt this log records.
        package var attempt: Int
        /// Changed tasks, the logged task first (the cancelled ones included).
        package var tasks: [ReminderTask]
        /// The member's other tasks this log cancels (also in `tasks`).
        package var cancellations: [ReminderTask] = []
        /// The member's phone is wrong: it gets flagged.
        package var flagsPhoneWrong = false
        /// The member asked not to be contacted: opted out of calls and texts.
        package var optsOut = false
    }

    /// Decides what a logged outcome does.
    ///
    /// - Parameters:
    ///   - outcome: the outcome logged.
    ///   - task: the task the outcome is for.
    ///   - memberTasks: every task of the same member (the logged one may be among them).
    ///   - recorded: outcomes already stored for this task.
    ///   - requested: the attempt the caller names (`calls log --attempt`), else inferred.
    ///   - eventHasVenue: whether the task's event has a venue (a released text waits for one).
    ///   - now: when the outcome is logged; a retry is searched from it.
    ///   - rules: the reminder rules (retry windows, calling hours).
    /// - Returns: the decision: the attempt, whether it repeats one recorded, the tasks to store and
    ///   cancel, and whether the phone is flagged wrong or the member opts out.
    /// - Complexity: O(t + d) for t member tasks and d days searched for a retry (at most 14).
    package static func decide(
        _ outcome: CallOutcome, task: ReminderTask, memberTasks: [ReminderTask], recorded: [Recorded],
        attempt requested: Int? = nil, eventHasVenue: Bool, now: Date, rules: ReminderRules
    ) -> Decision {
        let last = recorded.max { $0.attempt < $1.attempt }
        let attempt: Int
        if let requested {
            attempt = requested
        } else if let last, last.outcome == outcome, !(task.status == .pending && now >= task.windowStart) {
            attempt = last.attempt
        } else {
            attempt = max(task.attempt, last?.attempt ?? 0) + 1
        }
        if recorded.contains(Recorded(outcome: outcome, attempt: attempt)) {
            return Decision(isDuplicate: true, attempt: attempt, tasks: [])
        }
        var task = task
        task.attempt = max(task.attempt, attempt)
        let others = memberTasks.filter { $0.taskId != task.taskId }
        var changed: [ReminderTask] = []
        var cancelled: [ReminderTask] = []
        func cancel(_ tasks: [ReminderTask]) {
            for var other in tasks where other.status.isOpen {
                other.status = .cancelled
                other.note = "cancelled: \(outcome.rawValue) on \(task.taskId)"
                changed.append(other)
                cancelled.append(other)
            }
        }
        var decision = Decision(isDuplicate: false, attempt: attempt, tasks: [])
        switch outcome {
        case .reached:
            task.status = .done
        case .rsvpYes:
            task.status = .done
            for var other in others where other.eventId == task.eventId && other.status == .waitingForYes {
                other.status = eventHasVenue ? .pending : .waitingForVenue
                other.note = other.status == .pending ? nil : "held: the event has no venue yet"
                changed.append(other)
            }
        case .voicemail, .noAnswer:
            if task.attempt >= rules.maxAttempts {
                task.status = .failed
                task.note = "\(task.attempt) attempts without reaching the member"
            } else if let window = retryWindow(for: task, others: others, now: now, rules: rules) {
                task.status = .pending
                task.windowStart = window.start
                task.windowEnd = window.end
                task.note = "retry \(task.attempt + 1) after \(outcome.rawValue)"
            } else {
                task.status = .failed
                task.note =
                    task.kind == .followUpCall
                    ? "not reached; no calling window left before the reminder call, which tries again"
                    : "not reached; no calling window left before the event"
            }
        case .rsvpNo:
            task.status = .done
            cancel(others.filter { $0.eventId == task.eventId })
        case .wrongNumber:
            task.status = .done
            decision.flagsPhoneWrong = true
            cancel(others)
        case .doNotContact:
            task.status = .done
            decision.optsOut = true
            cancel(others)
        }
        decision.tasks = [task] + changed
        decision.cancellations = cancelled
        return decision
    }

    /// The member's next calling window on a later local day than `now`, on a day with no other
    /// open call of theirs, before the retry limit (see the type's discussion).
    static func retryWindow(for task: ReminderTask, others: [ReminderTask], now: Date, rules: ReminderRules) -> (
        start: Date, end: Date
    )? {
        let zone = task.timeZone
        guard let today = LocalClock.localDate(now, zone: zone),
            let eventDay = LocalClock.localDate(task.eventStart, zone: zone)
        else { return nil }
        var limit = eventDay
        if task.kind == .followUpCall,
            let reminder = others.first(where: {
                $0.eventId == task.eventId && $0.kind == .reminderCall && $0.status.isOpen && $0.status != .merged
            }), let reminderDay = LocalClock.localDate(reminder.windowStart, zone: zone)
        {
            limit = min(limit, reminderDay)
        }
        let busy = Set(
            others.filter { $0.kind.isCall && $0.status == .pending }.compactMap {
                LocalClock.localDate($0.windowStart, zone: zone)
            })
        let hours = CallingHours(rules: rules)
        var day = today.adding(days: 1)
        for _ in 0..<14 where day < limit {
            if !busy.contains(day), let window = hours.window(on: day, zone: zone), window.start < task.eventStart {
                return (window.start, min(window.end, task.eventStart))
            }
            day = day.adding(days: 1)
        }
        return nil
    }
}
