public import Foundation

/// A value typed for a command-line option that does not parse, or breaks the option's rule.
///
/// The message names the option and the value and says what it should be; the CLI reports it as
/// a usage mistake (exit status 64, with the usage line).
public struct InvalidArgument: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, e.g. `--date "June 7" is not a date (YYYY-MM-DD)`.
    public var message: String

    /// An error with `message`.
    package init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension CalendarDate {
    /// The date `text` (YYYY-MM-DD) given for `option`.
    ///
    /// - Throws: `InvalidArgument` "OPTION "TEXT" is not a date (YYYY-MM-DD)".
    public static func argument(_ text: String, option: String) throws(InvalidArgument) -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw InvalidArgument("\(option) \"\(text)\" is not a date (YYYY-MM-DD)")
        }
        return date
    }
}

extension LocalTime {
    /// The local time `text` (HH:MM) given for `option`.
    ///
    /// - Throws: `InvalidArgument` "OPTION "TEXT" is not a time (HH:MM)".
    package static func argument(_ text: String, option: String) throws(InvalidArgument) -> LocalTime {
        guard let time = LocalTime(text) else { throw InvalidArgument("\(option) \"\(text)\" is not a time (HH:MM)") }
        return time
    }
}

extension CurrencyCode {
    /// The ISO 4217 code `text` given for `option`.
    ///
    /// - Throws: `InvalidArgument` naming the value, with the closest known codes.
    package static func argument(_ text: String, option: String) throws(InvalidArgument) -> CurrencyCode {
        guard let code = CurrencyCode.parse(text) else {
            throw InvalidArgument(
                "\(option) \"\(text)\" is not an ISO 4217 currency code; \(CurrencyCode.hint(forUnknown: text))")
        }
        return code
    }
}

/// An instant typed as ISO 8601 (`--now 2014-06-01T09:00:00Z`).
public enum InstantArgument {
    /// The instant `text` given for `option`, or `now` when there is no text.
    ///
    /// - Throws: `InvalidArgument` when `text` is not ISO 8601 with a zone.
    public static func parse(_ text: String?, option: String, now: Date = Date()) throws(InvalidArgument) -> Date {
        guard let text else { return now }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw InvalidArgument("\(option) \"\(text)\" is not an ISO 8601 time like 2014-06-01T09:00:00Z")
        }
        return date
    }
}

extension RankQuery.WeightOverride {
    /// The `--weight` options, each NAME=NUMBER with NAME one of `RankingWeights.keys`.
    ///
    /// - Throws: `InvalidArgument` naming the first one that is not.
    package static func arguments(_ texts: [String]) throws(InvalidArgument) -> [RankQuery.WeightOverride] {
        var overrides: [RankQuery.WeightOverride] = []
        for text in texts {
            guard let override = RankQuery.WeightOverride(parsing: text) else {
                throw InvalidArgument(
                    "--weight \"\(text)\" must be NAME=NUMBER with NAME one of \(RankingWeights.keys.joined(separator: ", "))"
                )
            }
            overrides.append(override)
        }
        return overrides
    }
}
