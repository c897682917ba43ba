public import Foundation

/// A stored row that does not read back: a value the store cannot turn into what it stands for
/// (an unknown task kind, a date that is not a date, a missing value).
///
/// The store never drops such a row or replaces the value with a default: it names the table,
/// the row and the column, shows the value, and says what to do.
public struct StoreDecodingError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The table, e.g. `tasks`.
    package var table: String
    /// The row's key (its `id`, or the table's own key such as a volunteer's name).
    package var rowID: String
    /// The column whose value does not read, e.g. `kind`.
    package var column: String
    /// The stored value, shortened (`NULL` for a missing one).
    package var value: String
    /// What is wrong with it: "is not a task kind (followUpCall, reminderCall, reminderText)".
    package var problem: String
    /// What the user can do.
    package var hint: String

    /// Creates the error; `value` is shortened to 60 characters.
    package init(table: String, rowID: String, column: String, value: String, problem: String, hint: String) {
        self.table = table
        self.rowID = rowID
        self.column = column
        self.value = value.count > 60 ? String(value.prefix(59)) + "…" : value
        self.problem = problem
        self.hint = hint
    }

    /// `tasks row "e/1/followUpCall": kind "callBack" is not a task kind (…)` and a hint line.
    public var description: String {
        "\(table) row \"\(rowID)\": \(column) \"\(value)\" \(problem)\n  hint: \(hint)"
    }

    /// The description, for ArgumentParser.
    public var errorDescription: String? { description }

    /// The hint for a row written by another program or a newer TourPlanner.
    static let damagedStoreHint =
        "the store was changed outside TourPlanner or by a newer version; fix or delete the row, or restore a backup"
}
