import Foundation

/// A coordinator's batch of outcomes from a filled-in call sheet: CSV with the columns `task`
/// (or `task_id`), `outcome` and optionally `note` and `attempt`, in any order.
public enum OutcomeFile {
    /// One line of the file.
    public struct Entry: Hashable, Sendable {
        /// The 1-based line number of the record in the file (0 for an outcome logged on the command line).
        package var line: Int
        /// The task the outcome is for, as the `task` column gives it (trimmed).
        package var taskID: String
        /// The outcome (case-insensitive in the file).
        package var outcome: CallOutcome
        /// The note, trimmed; nil when empty.
        package var note: String?
        /// The attempt the outcome is for, from 1; nil when the column is absent or empty (inferred).
        package var attempt: Int?

        /// The memberwise initializer, for the store (which logs an outcome given on the command line).
        package init(line: Int, taskID: String, outcome: CallOutcome, note: String? = nil, attempt: Int? = nil) {
            self.line = line
            self.taskID = taskID
            self.outcome = outcome
            self.note = note
            self.attempt = attempt
        }
    }

    /// Parses the whole file; every bad line is reported, none is skipped.
    ///
    /// - Throws: `ReminderError` listing each problem as `file:line: field "value" …`.
    package static func parse(_ text: String, fileName: String) throws -> [Entry] {
        // A spreadsheet's "CSV UTF-8" (and the call sheet itself) starts with a byte-order mark.
        let records = split(text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text)
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw ReminderError(
                problem: "\(fileName): is empty", hint: "the first line must be the header task,outcome,note")
        }
        let taskIndex = header.firstIndex(of: "task") ?? header.firstIndex(of: "task_id")
        let outcomeIndex = header.firstIndex(of: "outcome")
        guard let taskIndex, let outcomeIndex else {
            throw ReminderError(
                problem:
                    "\(fileName):1: the header must name the columns task and outcome (got \(header.joined(separator: ",")))",
                hint: "write the header task,outcome,note")
        }
        let noteIndex = header.firstIndex(of: "note")
        let attemptIndex = header.firstIndex(of: "attempt")
        let choices = CallOutcome.allCases.map(\.rawValue).joined(separator: ", ")
        var entries: [Entry] = []
        var problems: [String] = []
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            func field(_ index: Int?) -> String {
                guard let index, record.fields.indices.contains(index) else { return "" }
                return record.fields[index].trimmingCharacters(in: .whitespaces)
            }
            let where_ = "\(fileName):\(record.line)"
            let task = field(taskIndex)
            let outcomeText = field(outcomeIndex)
            guard !task.isEmpty else {
                problems.append("\(where_): task is empty")
                continue
            }
            guard let outcome = CallOutcome(rawValue: outcomeText.lowercased()) else {
                problems.append("\(where_): outcome \"\(outcomeText)\" is not one of \(choices)")
                continue
            }
            var attempt: Int?
            if !field(attemptIndex).isEmpty {
                guard let value = Int(field(attemptIndex)), value >= 1 else {
                    problems.append("\(where_): attempt \"\(field(attemptIndex))\" is not a whole number from 1")
                    continue
                }
                attempt = value
            }
            let note = field(noteIndex)
            entries.append(
                Entry(
                    line: record.line, taskID: task, outcome: outcome, note: note.isEmpty ? nil : note,
                    attempt: attempt))
        }
        if !problems.isEmpty {
            throw ReminderError(
                problem: problems.joined(separator: "\n"),
                hint: "fix these lines and log the file again: nothing was recorded")
        }
        return entries
    }

    /// RFC 4180 records (quoted fields may hold commas, doubled quotes and line breaks), each
    /// with the 1-based line it starts on.
    static func split(_ text: String) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = Array(text.unicodeScalars.map(Character.init))[...]
        while let character = iterator.popFirst() {
            if quoted {
                if character == "\"" {
                    if iterator.first == "\"" {
                        field.append("\"")
                        iterator = iterator.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" { line += 1 }
                    if character != "\r" { field.append(character) }
                }
            } else if character == "\"" && field.isEmpty {
                quoted = true
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                fields.append(field)
                records.append((recordLine, fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
            } else if character != "\r" {
                field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append((recordLine, fields))
        }
        return records
    }
}
