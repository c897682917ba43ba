import Foundation
import GRDB
import GRDBSQLite

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

    /// Runs `statement` (one of the above) with this record's values, bound straight to SQLite
    /// (GRDB's `StatementArguments` built an array of values per row and checked it: half of
    /// writing an import's 30,000 cached places, which its commit waits for).
    ///
    /// - Throws: `DatabaseError` with SQLite's message when the statement fails.
    func execute(_ statement: Statement) throws {
        let sqlite = statement.sqliteStatement
        for (index, value) in databaseValues.enumerated() {
            let parameter = Int32(index + 1)
            switch value?.databaseValue.storage ?? .null {
            case .null: sqlite3_bind_null(sqlite, parameter)
            case .int64(let number): sqlite3_bind_int64(sqlite, parameter, number)
            case .double(let number): sqlite3_bind_double(sqlite, parameter, number)
            // As GRDB binds them: text as a C string (SQLite copies it), blobs by length.
            case .string(let text): sqlite3_bind_text(sqlite, parameter, text, -1, Self.transient)
            case .blob(let data):
                data.withUnsafeBytes { bytes in
                    if let address = bytes.baseAddress, bytes.count > 0 {
                        _ = sqlite3_bind_blob(sqlite, parameter, address, Int32(bytes.count), Self.transient)
                    } else {
                        _ = sqlite3_bind_zeroblob(sqlite, parameter, 0)
                    }
                }
            }
        }
        let status = sqlite3_step(sqlite)
        if status != SQLITE_DONE {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(sqlite)))
            sqlite3_reset(sqlite)
            throw DatabaseError(resultCode: ResultCode(rawValue: status), message: message, sql: statement.sql)
        }
        sqlite3_reset(sqlite)
    }

    /// SQLite copies the bound bytes (`SQLITE_TRANSIENT`).
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }
}
