import Foundation

extension Money {
    /// "$1,530.00", "£12.50", "¥1,530", "1,530.000 KWD": rounded to the currency's minor unit,
    /// grouped by thousands.
    public var formatted: String { Self.format(rounded.amount, digits: currency.minorUnitDigits, currency: currency) }

    /// A rate as given ("¥12.75/h" stays 12.75, not ¥13): at least the currency's minor unit,
    /// and up to four decimals when the rate has them, so the text matches the computation.
    package var formattedRate: String {
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

    /// The exact sum of two amounts in one currency.
    ///
    /// - Throws: `PlannerError` naming both amounts when their currencies differ: convert one to the
    ///   other's currency first (`ActualExpense.amount(in:)` does, at the expense's rate).
    package func adding(_ other: Money) throws(PlannerError) -> Money {
        try requireCurrency(of: other, "add \(other.formatted) to \(formatted)")
        return Money(amount: amount + other.amount, currency: currency)
    }

    /// The exact difference `self − other` of two amounts in one currency.
    ///
    /// - Throws: `PlannerError` naming both amounts when their currencies differ.
    package func subtracting(_ other: Money) throws(PlannerError) -> Money {
        try requireCurrency(of: other, "subtract \(other.formatted) from \(formatted)")
        return Money(amount: amount - other.amount, currency: currency)
    }

    private func requireCurrency(of other: Money, _ action: String) throws(PlannerError) {
        guard other.currency == currency else {
            throw PlannerError(
                "cannot \(action): the amounts are in different currencies (\(other.currency), \(currency))",
                hint: "convert one amount to the other's currency first, at an exchange rate")
        }
    }

    /// The exact sum, for amounts known to share a currency (e.g. both made in the budget's).
    ///
    /// - Precondition: `lhs` and `rhs` have the same currency; mixing currencies stops the program
    ///   rather than give a nonsense sum. Where they may differ, use ``adding(_:)``, which throws.
    package static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Money + Money in \(lhs.currency) and \(rhs.currency)")
        return Money(amount: lhs.amount + rhs.amount, currency: lhs.currency)
    }

    /// The exact difference, for amounts known to share a currency.
    ///
    /// - Precondition: `lhs` and `rhs` have the same currency (see `+`); else use `subtracting(_:)`.
    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Money - Money in \(lhs.currency) and \(rhs.currency)")
        return Money(amount: lhs.amount - rhs.amount, currency: lhs.currency)
    }
}
