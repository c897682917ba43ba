import Foundation

extension Money {
    /// "$1,530.00", "£12.50", "1,530.00 NOK": rounded to the currency's minor unit, grouped by thousands.
    public var formatted: String {
        let value = rounded.amount
        let digits = currency.minorUnitDigits
        let negative = value < 0
        let magnitude = negative ? -value : value
        let text = NSDecimalNumber(decimal: magnitude).stringValue
        var parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        var whole = parts[0]
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.count < digits { fraction += "0" }
        fraction = String(fraction.prefix(digits))
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        grouped = whole + grouped
        parts = [grouped] + (digits > 0 ? [fraction] : [])
        let number = parts.joined(separator: ".")
        let symbols = ["USD": "$", "GBP": "£", "EUR": "€", "AUD": "A$", "CAD": "C$", "JPY": "¥"]
        let body = symbols[currency.rawValue].map { $0 + number } ?? number + " " + currency.rawValue
        return (negative ? "−" : "") + body
    }

    /// The amount as a plain decimal string at the currency's minor unit ("1530.00"), for CSV/JSON.
    public var plainText: String {
        let digits = currency.minorUnitDigits
        let text = NSDecimalNumber(decimal: rounded.amount).stringValue
        var parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        if digits == 0 { return parts[0] }
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.count < digits { fraction += "0" }
        parts = [parts[0], fraction]
        return parts.joined(separator: ".")
    }

    public static func + (lhs: Money, rhs: Money) -> Money {
        Money(amount: lhs.amount + rhs.amount, currency: lhs.currency)
    }
    public static func - (lhs: Money, rhs: Money) -> Money {
        Money(amount: lhs.amount - rhs.amount, currency: lhs.currency)
    }
}
