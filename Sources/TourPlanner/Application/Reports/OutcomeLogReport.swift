import Foundation

/// What logging outcomes did (`tourplan calls log`, the web app's outcome buttons): per outcome,
/// whether it was stored and the rhythm's next step for each task it changed.
public struct OutcomeLogReport: RenderableReport {
    /// One logged outcome.
    public struct Entry: Codable, Sendable, Hashable {
        /// The line of the outcomes file (batches only).
        package var line: Int?
        /// The task the outcome is for.
        package var taskId: String
        /// What happened on the call.
        package var outcome: CallOutcome
        /// The attempt the outcome was recorded for.
        package var attempt: Int
        /// The same outcome was already recorded for this attempt: nothing was stored.
        package var isDuplicate: Bool
        /// The tasks that changed, the logged task first.
        package var steps: [Step]
    }

    /// A task after the outcome: its status and, when it waits for another try, its next window.
    package struct Step: Codable, Sendable, Hashable {
        /// The task.
        package var taskId: String
        /// Its status now.
        package var status: TaskStatus
        /// The start of its next window in the member's zone (ISO 8601), when pending.
        package var nextWindow: String?
        /// The task's note (e.g. why it ended).
        package var note: String?
    }

    /// Plain text (table) or JSON.
    public static let formats: [OutputFormat] = [.table, .json]

    /// The outcomes, in the order given.
    package var entries: [Entry]

    /// The report of what the store did.
    package init(_ logged: [TourDatabase.LoggedOutcome]) {
        entries = logged.map { entry in
            Entry(
                line: entry.line, taskId: entry.taskID, outcome: entry.outcome, attempt: entry.attempt,
                isDuplicate: entry.isDuplicate,
                steps: entry.tasks.map { task in
                    Step(
                        taskId: task.taskId, status: task.status,
                        nextWindow: task.status == .pending
                            ? LocalClock.iso(task.windowStart, zone: task.timeZone) : nil,
                        note: task.note)
                })
        }
    }

    /// One line per task the log changed (status, next window, note), or the repeat that was not
    /// stored; for a batch, a closing count of outcomes recorded and already recorded.
    ///
    /// - Throws: `PlannerError` for a format not in `formats`; `EncodingError` for JSON.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json: return try JSONOutput.encode(self) + "\n"
        case .table:
            var lines: [String] = []
            for entry in entries {
                let place = entry.line.map { "line \($0): " } ?? ""
                if entry.isDuplicate {
                    lines.append(
                        "\(place)\(entry.taskId): \(entry.outcome.rawValue) is already recorded for attempt \(entry.attempt): not stored again"
                    )
                    continue
                }
                for step in entry.steps {
                    lines.append(
                        "\(place)\(step.taskId): \(step.status.rawValue)"
                            + (step.nextWindow.map { " (next window \($0))" } ?? "")
                            + (step.note.map { " — \($0)" } ?? ""))
                }
            }
            let stored = entries.filter { !$0.isDuplicate }.count
            if entries.count > 1 {
                lines.append("\(stored) outcomes recorded, \(entries.count - stored) already recorded.")
            }
            return lines.map { $0 + "\n" }.joined()
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }
}
