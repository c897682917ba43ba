public import Foundation

/// An ISO 4217 currency code (`USD`, `EUR`, `NOK`) with its minor-unit digits.
public struct CurrencyCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.uppercased() }
    public init(_ rawValue: String) { self.init(rawValue: rawValue) }
    public var description: String { rawValue }

    /// Digits after the decimal point when presenting amounts (ISO 4217 minor unit).
    public var minorUnitDigits: Int {
        switch rawValue {
        case "JPY", "KRW", "ISK", "CLP", "VND", "XAF", "XOF", "PYG", "UGX": return 0
        case "BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD": return 3
        default: return 2
        }
    }

    public static let usd = CurrencyCode("USD")
    public static let eur = CurrencyCode("EUR")
}

/// An amount of money: `Decimal` with an explicit currency, never `Double`.
public struct Money: Hashable, Sendable, Codable {
    public var amount: Decimal
    public var currency: CurrencyCode
    public init(amount: Decimal, currency: CurrencyCode) {
        self.amount = amount
        self.currency = currency
    }

    /// The amount rounded half-up (away from zero) to the currency's minor unit, for presentation.
    public var rounded: Money {
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, currency.minorUnitDigits, .plain)
        return Money(amount: result, currency: currency)
    }
}
