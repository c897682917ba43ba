import Foundation
import GRDB

/// Finds the column of a row that a record cannot decode.
///
/// GRDB's decoding error describes the whole row (with every value, personal data included);
/// the probe decodes the record again with a decoder that converts one column at a time and stops
/// at the first that does not convert, so the store's error names that column and its value only.
struct ColumnProbe: Decoder {
    /// The column that does not decode, its stored value, and why.
    struct Failure: Error {
        var column: String
        var value: DatabaseValue
        var problem: String
    }

    let row: Row
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The first column of `row` that `Record` cannot decode; nil when the probe finds none.
    static func firstFailure<Record: Decodable>(_ type: Record.Type, in row: Row) -> Failure? {
        do {
            _ = try Record(from: ColumnProbe(row: row))
            return nil
        } catch let failure as Failure {
            return failure
        } catch {
            return nil
        }
    }

    /// A stored value as shown in errors: text as it is, numbers in decimal, `NULL`, `<blob>`.
    static func display(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .blob: "<blob>"
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Container<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw Failure(column: "?", value: .null, problem: "is not a list")
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw Failure(column: "?", value: .null, problem: "is not a single value")
    }

    private struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let row: Row
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { row.columnNames.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { row.hasColumn(key.stringValue) }

        func decodeNil(forKey key: Key) throws -> Bool { value(key).isNull }

        private func value(_ key: Key) -> DatabaseValue {
            (row[key.stringValue] as DatabaseValue?) ?? .null
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let stored = value(key)
            guard !stored.isNull else {
                throw Failure(column: key.stringValue, value: stored, problem: "is missing (NULL)")
            }
            guard let convertible = T.self as? any DatabaseValueConvertible.Type,
                let decoded = convertible.fromDatabaseValue(stored) as? T
            else {
                throw Failure(
                    column: key.stringValue, value: stored, problem: "does not read as \(Self.name(of: T.self))")
            }
            return decoded
        }

        static func name(of type: Any.Type) -> String {
            switch type {
            case is Date.Type: "a date and time"
            case is String.Type: "text"
            case is Bool.Type: "a yes/no value"
            case is Double.Type, is Float.Type: "a number"
            default: "a whole number"
            }
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type, key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type, key) }

        private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
            try decode(type, forKey: key) as T
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw Failure(column: key.stringValue, value: value(key), problem: "is not a nested value")
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw Failure(column: key.stringValue, value: value(key), problem: "is not a list")
        }

        func superDecoder() throws -> any Decoder { ColumnProbe(row: row) }
        func superDecoder(forKey key: Key) throws -> any Decoder { ColumnProbe(row: row) }
    }
}
