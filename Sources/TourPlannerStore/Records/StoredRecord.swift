import Foundation
import GRDB

/// A record of one table (or one query's rows) that reads back through `decode(_:)`: a row that
/// does not decode raises a `StoreDecodingError` naming the table, the row and the column.
///
/// Records hold the stored values as they are (text, numbers, dates); turning them into domain
/// values, and checking closed sets such as a task's kind, is the `TourDatabase` extensions' job.
protocol StoredRecord: FetchableRecord, Decodable {
    /// The table (or the query) named in errors.
    static var tableNameForErrors: String { get }
    /// The column that names a row in errors: the primary key.
    static var rowIDColumn: String { get }
}

extension StoredRecord where Self: TableRecord {
    static var tableNameForErrors: String { databaseTableName }
}

extension StoredRecord {
    /// Decodes one row, or throws `StoreDecodingError` naming its first column that does not decode.
    static func decode(_ row: Row) throws -> Self {
        do {
            return try Self(row: row)
        } catch {
            let failure = ColumnProbe.firstFailure(Self.self, in: row)
            throw StoreDecodingError(
                table: tableNameForErrors, rowID: rowID(of: row), column: failure?.column ?? "?",
                value: failure.map { ColumnProbe.display($0.value) } ?? "?",
                problem: failure?.problem ?? "does not read (\(type(of: error)))",
                hint: StoreDecodingError.damagedStoreHint)
        }
    }

    /// The row's key, for errors.
    static func rowID(of row: Row) -> String {
        guard let value = row[rowIDColumn] as DatabaseValue? else { return "?" }
        return ColumnProbe.display(value)
    }

    /// A checked value of a closed set (an enum's raw value) read from a stored column.
    ///
    /// - Throws: `StoreDecodingError` naming the table, row and column when `text` is not a case.
    static func checked<Value: RawRepresentable & CaseIterable>(
        _ text: String, as type: Value.Type, column: String, rowID: String, what: String
    ) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            throw StoreDecodingError(
                table: tableNameForErrors, rowID: rowID, column: column, value: text,
                problem: "is not \(what) (\(Value.allCases.map(\.rawValue).joined(separator: ", ")))",
                hint: StoreDecodingError.damagedStoreHint)
        }
        return value
    }

    /// A stored value that failed a domain check (a date, a time, a rate).
    static func invalid(_ text: String, column: String, rowID: String, problem: String, hint: String? = nil)
        -> StoreDecodingError
    {
        StoreDecodingError(
            table: tableNameForErrors, rowID: rowID, column: column, value: text, problem: problem,
            hint: hint ?? StoreDecodingError.damagedStoreHint)
    }
}

extension Database {
    /// Every row of `request`, decoded as `Record`; the first row that does not decode raises a
    /// `StoreDecodingError` (rows are never skipped).
    func fetchAllStored<Record: StoredRecord>(_ type: Record.Type, _ request: some FetchRequest) throws -> [Record] {
        let rows = try Row.fetchCursor(self, request)
        var records: [Record] = []
        while let row = try rows.next() { records.append(try Record.decode(row)) }
        return records
    }

    /// The first row of `request`, decoded as `Record` (see `fetchAllStored`).
    func fetchOneStored<Record: StoredRecord>(_ type: Record.Type, _ request: some FetchRequest) throws -> Record? {
        try Row.fetchOne(self, request).map(Record.decode)
    }
}

extension QueryInterfaceRequest where RowDecoder: StoredRecord {
    /// Every row, decoded; a row that does not decode raises a `StoreDecodingError`.
    func fetchAllStored(_ db: Database) throws -> [RowDecoder] { try db.fetchAllStored(RowDecoder.self, self) }

    /// The first row, decoded; a row that does not decode raises a `StoreDecodingError`.
    func fetchOneStored(_ db: Database) throws -> RowDecoder? { try db.fetchOneStored(RowDecoder.self, self) }
}
