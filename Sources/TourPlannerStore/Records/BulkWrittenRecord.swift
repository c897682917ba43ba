import Foundation
import GRDB

/// A record written in bulk (a schedule's 300,000 tasks, an import's consent log, the place
/// cache) through one cached statement whose column list is its coding keys.
///
/// GRDB's record methods encode each row through `Encodable` and build a new statement's
/// arguments from a dictionary; measured on 20,000 tasks (debug build), `upsert` took 6–8 times
/// as long as one prepared statement. The values come from `databaseValues`, in the coding keys'
/// order; `BulkWrittenRecordTests` checks them against the `Encodable` encoding, so the keys stay
/// the one declaration of the columns.
protocol BulkWrittenRecord: TableRecord, EncodableRecord {
    /// The columns, in the order of `databaseValues`.
    associatedtype CodingKeys: CodingKey & CaseIterable
    /// The stored values in `CodingKeys.allCases` order.
    var databaseValues: [(any DatabaseValueConvertible)?] { get }
}

extension BulkWrittenRecord {
    /// The column names, from the coding keys.
    static var columnNames: [String] { CodingKeys.allCases.map(\.stringValue) }

    /// `INSERT [OR REPLACE] INTO table (columns) VALUES (?, …)`.
    static func insertSQL(replacing: Bool = false) -> String {
        let names = columnNames
        return "INSERT \(replacing ? "OR REPLACE " : "")INTO \(databaseTableName) ("
            + names.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES ("
            + names.map { _ in "?" }.joined(separator: ", ") + ")"
    }

    /// An insert that updates every other column of the row with the same `key` instead.
    static func upsertSQL(key: CodingKeys) -> String {
        let others = columnNames.filter { $0 != key.stringValue }
        return insertSQL() + " ON CONFLICT(\"\(key.stringValue)\") DO UPDATE SET "
            + others.map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ", ")
    }

    /// Runs `statement` (one of the above) with this record's values.
    func execute(_ statement: Statement) throws {
        try statement.execute(arguments: StatementArguments(databaseValues))
    }
}
