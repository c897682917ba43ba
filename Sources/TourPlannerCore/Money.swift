public import Foundation

/// An ISO 4217 currency code (`USD`, `EUR`, `NOK`) with its minor-unit digits.
public struct CurrencyCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The three-letter code, uppercased.
    public var rawValue: String
    /// Wraps a code, uppercasing it; it is not checked (use ``parse(_:)`` for user input).
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }
    /// Wraps a code, uppercasing it, e.g. `CurrencyCode("usd")` is USD; not checked.
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    /// The code, e.g. "USD".
    public var description: String { rawValue }

    /// Digits after the decimal point for amounts in this currency (its ISO 4217 minor unit:
    /// JPY 0, USD 2, KWD 3); 2 for a code outside the table (only reachable through `init`).
    package var minorUnitDigits: Int { ISO4217.minorUnit(of: rawValue) ?? 2 }

    /// Whether the code is a current ISO 4217 currency (see `ISO4217` for the table's source).
    package var isISO4217: Bool { ISO4217.minorUnit(of: rawValue) != nil }

    /// Reads a currency code a person typed ("usd", " EUR ").
    ///
    /// - Returns: the code, or nil when it is not a current ISO 4217 currency.
    package static func parse(_ text: String) -> CurrencyCode? {
        let code = CurrencyCode(text.trimmingCharacters(in: .whitespaces))
        return code.isISO4217 ? code : nil
    }

    /// A hint for a code that is not ISO 4217: the codes one letter away, if any.
    package static func hint(forUnknown text: String) -> String {
        let typed = Array(text.uppercased().utf8)
        let near = ISO4217.codes.filter { code in
            let letters = Array(code.utf8)
            return letters.count == typed.count && zip(letters, typed).filter { $0 != $1 }.count == 1
        }
        let examples = "write a current ISO 4217 code such as USD, EUR, GBP, NOK, JPY"
        return near.isEmpty ? examples : "did you mean \(near.prefix(6).joined(separator: ", "))? (\(examples))"
    }

    /// US dollar (2 minor-unit digits).
    public static let usd = CurrencyCode("USD")
    /// Euro (2 minor-unit digits).
    package static let eur = CurrencyCode("EUR")
}

/// An amount of money: `Decimal` with an explicit currency, never `Double`.
public struct Money: Hashable, Sendable, Codable {
    /// The exact amount in the currency's main unit (dollars, not cents); not rounded until `rounded`.
    public var amount: Decimal
    /// The currency of the amount.
    public var currency: CurrencyCode
    /// Creates an amount in a currency.
    public init(amount: Decimal, currency: CurrencyCode) {
        self.amount = amount
        self.currency = currency
    }

    /// The amount rounded half-up (away from zero) to the currency's minor unit, for presentation.
    package var rounded: Money {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, currency.minorUnitDigits, .plain)
        return Money(amount: result, currency: currency)
    }

    /// The amount in whole minor units (cents, yen, fils), rounded half-up.
    package var minorUnits: Int64 {
        var scaled = amount
        for _ in 0..<currency.minorUnitDigits { scaled *= 10 }
        var result = Decimal()
        NSDecimalRound(&result, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: result).int64Value
    }

    /// An amount given in whole minor units.
    package init(minorUnits: Int64, currency: CurrencyCode) {
        var amount = Decimal(minorUnits)
        for _ in 0..<currency.minorUnitDigits { amount /= 10 }
        self.init(amount: amount, currency: currency)
    }
}
