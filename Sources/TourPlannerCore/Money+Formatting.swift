import Foundation

extension Money {
    /// "$1,530.00", "£12.50", "¥1,530", "1,530.000 KWD": rounded to the currency's minor unit,
    /// grouped by thousands.
    public var formatted: String { Self.format(rounded.amount, digits: currency.minorUnitDigits, currency: currency) }

    /// A rate as given ("¥12.75/h" stays 12.75, not ¥13): at least the currency's minor unit,
    /// and up to four decimals when the rate has them, so the text matches the computation.
    public var formattedRate: String {
        let minor = currency.minorUnitDigits
        var value = amount
        var result = Decimal()
        NSDecimalRound(&result, &value, max(minor, 4), .plain)
        let text = NSDecimalNumber(decimal: result).stringValue
        let given = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return Self.format(result, digits: max(minor, given), currency: currency)
    }

    static func format(_ value: Decimal, digits: Int, currency: CurrencyCode) -> String {
        let negative = value < 0
        let magnitude = negative ? -value : value
        let text = NSDecimalNumber(decimal: magnitude).stringValue
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var whole = parts.first ?? "0"
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.count < digits { fraction += "0" }
        fraction = String(fraction.prefix(digits))
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        let number = digits > 0 ? grouped + "." + fraction : grouped
        let symbols = ["USD": "$", "GBP": "£", "EUR": "€", "AUD": "A$", "CAD": "C$", "JPY": "¥"]
        let body = symbols[currency.rawValue].map { $0 + number } ?? number + " " + currency.rawValue
        return (negative ? "−" : "") + body
    }

    /// The amount as a plain decimal string at the currency's minor unit ("1530.00"), for CSV/JSON.
    public var plainText: String {
        let digits = currency.minorUnitDigits
        let text = NSDecimalNumber(decimal: rounded.amount).stringValue
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        let whole = parts.first ?? "0"
        if digits == 0 { return whole }
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.count < digits { fraction += "0" }
        return whole + "." + fraction
    }

    /// The exact sum, in the currency of `lhs`: both amounts must be in the same currency (it is not checked).
    public static func + (lhs: Money, rhs: Money) -> Money {
        Money(amount: lhs.amount + rhs.amount, currency: lhs.currency)
    }
    /// The exact difference, in the currency of `lhs`: both amounts must be in the same currency (it is not checked).
    public static func - (lhs: Money, rhs: Money) -> Money {
        Money(amount: lhs.amount - rhs.amount, currency: lhs.currency)
    }
}
