import Foundation
import TOMLKit

/// A parsed TOML document as plain values, so scenarios can be deep-merged over the base
/// template before it is read.
enum ConfigValue: Hashable, Sendable {
    case string(String)
    case number(Decimal)
    case bool(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])

    static func parse(_ text: String, fileName: String) throws -> [String: ConfigValue] {
        do {
            let table = try TOMLTable(string: text)
            return convert(table: table)
        } catch let error as TOMLParseError {
            throw SettingsError(
                file: fileName, line: error.source.begin.line, key: "",
                problem: "is not valid TOML: \(error.description)",
                hint: "fix the syntax at that line (strings need quotes, tables [like.this])")
        }
    }

    private static func convert(table: TOMLTable) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for (key, value) in table { result[key] = convert(value) }
        return result
    }

    private static func convert(_ value: any TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .table: return .table(value.table.map(convert(table:)) ?? [:])
        case .array: return .array(value.array.map { $0.map(convert) } ?? [])
        case .bool: return .bool(value.bool ?? false)
        case .int: return .number(Decimal(value.int ?? 0))
        case .double:
            // The shortest decimal that round-trips ("12.75", "3.65"): exact as typed.
            let double = value.double ?? 0
            return .number(Decimal(string: "\(double)", locale: Locale(identifier: "en_US_POSIX")) ?? Decimal(double))
        case .string: return .string(value.string ?? "")
        default: return .string(value.string ?? "\(value)")
        }
    }

    /// Overlays `override` on `base`: tables merge key by key, anything else replaces.
    static func merge(_ base: [String: ConfigValue], _ override: [String: ConfigValue]) -> [String: ConfigValue] {
        var result = base
        for (key, value) in override {
            if case .table(let inner) = value, case .table(let existing)? = result[key] {
                result[key] = .table(merge(existing, inner))
            } else {
                result[key] = value
            }
        }
        return result
    }

    /// How a value reads in an error message: "\"text\"", "12.5", "true", "a list", "a table".
    var displayText: String {
        switch self {
        case .string(let text): "\"\(text)\""
        case .number(let number): "\(number)"
        case .bool(let flag): "\(flag)"
        case .array: "a list"
        case .table: "a table"
        }
    }

    var tableValue: [String: ConfigValue]? {
        if case .table(let table) = self { return table }
        return nil
    }
}
