public import Foundation
import TourPlannerCore

/// The stable id of a recorded expense (`tourplan budget actuals list` shows it; `edit` and
/// `delete` take it). Ids are never reused, even after a delete.
public struct ExpenseID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The store's row number, from 1 and increasing.
    public var rawValue: Int64
    /// Wraps a stored id.
    public init(rawValue: Int64) { self.rawValue = rawValue }
    /// "#ID", as `actuals list` shows it.
    public var description: String { "#\(rawValue)" }
    /// Orders ids numerically (the order expenses were recorded).
    public static func < (lhs: ExpenseID, rhs: ExpenseID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One actual expense: a row of an actuals CSV, recorded against one tour.
public struct ActualExpense: Hashable, Sendable, Codable {
    /// Set once the expense is recorded.
    public var id: ExpenseID?
    /// The tour (budget) the expense belongs to; "" for rows recorded before tours existed.
    public var tour: String
    /// The date of the expense.
    public var date: CalendarDate
    /// A budget category: per diem, car rental, fuel, mileage, tolls, parking, lodging, materials, contingency, other.
    public var category: String
    /// The trip it belongs to, as written in the CSV's `trip` column (free text; may be empty).
    public var trip: String
    /// The amount as paid, in the currency paid.
    public var amount: Money
    /// The currency of the tour's budget when the expense was recorded (nil for old rows).
    public var budgetCurrency: CurrencyCode?
    /// Budget-currency units per unit of `amount.currency` (EUR=1.08: 1 EUR = 1.08 USD); nil
    /// when the expense is in the budget's currency.
    public var rate: Decimal?
    /// Free-text note from the CSV's `note` column (may be empty).
    public var note: String
    /// The receipt: "" when it is missing, "yes" when it is on file without a reference, else
    /// its reference (see `normalizedReceipt(_:)`).
    public var receipt: String
    /// The name of the CSV file the row was recorded from.
    package var sourceFile: String
    /// The row's line number in ``sourceFile`` (1 is the header).
    package var line: Int
    /// 1 for the first of identical rows in its file, 2 for the second, …
    package var occurrence: Int

    /// Creates an expense; `id` is nil until the store records it.
    package init(
        id: ExpenseID? = nil, tour: String, date: CalendarDate, category: String, trip: String, amount: Money,
        budgetCurrency: CurrencyCode?, rate: Decimal?, note: String, receipt: String, sourceFile: String, line: Int,
        occurrence: Int = 1
    ) {
        self.id = id
        self.tour = tour
        self.date = date
        self.category = category
        self.trip = trip
        self.amount = amount
        self.budgetCurrency = budgetCurrency
        self.rate = rate
        self.note = note
        self.receipt = receipt
        self.sourceFile = sourceFile
        self.line = line
        self.occurrence = occurrence
    }

    /// The categories an expense may have, in budget line order (a CSV cell must be one of them).
    public static let categories = [
        "per diem", "car rental", "fuel", "mileage", "tolls", "parking", "lodging", "materials", "contingency", "other",
    ]

    /// Receipt cells that mean "no receipt yet".
    package static let missingReceiptWords: Set<String> = [
        "", "no", "n", "false", "0", "none", "missing", "pending", "-",
    ]
    /// Receipt cells that mean "receipt on file" without a reference.
    package static let receiptOnFileWords: Set<String> = ["yes", "y", "true", "1", "x"]

    /// The receipt column: a reference (`R-2`, `scan-0612.pdf`), or yes/no. After trimming and
    /// lowercasing, the words of ``missingReceiptWords`` ("no", "n", "false", "0", "none",
    /// "missing", "pending", "-" and an empty cell) mean the receipt is missing (""), those of
    /// ``receiptOnFileWords`` ("yes", "y", "true", "1", "x") mean it is on file ("yes"); anything
    /// else is kept, trimmed, as its reference.
    package static func normalizedReceipt(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let folded = trimmed.lowercased()
        if missingReceiptWords.contains(folded) { return "" }
        if receiptOnFileWords.contains(folded) { return "yes" }
        return trimmed
    }

    /// Whether a receipt is on file.
    package var hasReceipt: Bool { !receipt.isEmpty }

    /// What makes two rows of one file the same expense, apart from their occurrence number:
    /// date, category, trip, amount, currency, note and receipt (not the rate, not the line).
    package var contentKey: String {
        [
            date.description, category, trip, String(amount.minorUnits), amount.currency.rawValue, note, receipt,
        ].map { $0.replacingOccurrences(of: "|", with: "||") }.joined(separator: " | ")
    }

    /// The expense's identity within its tour: its content and its occurrence among identical
    /// rows of its file, so re-importing a file (or the file with rows appended) adds only what
    /// is new, and two identical rows stay two.
    package var identityKey: String { "\(contentKey) #\(occurrence)" }

    /// The amount in `currency`: as paid when it is that currency, converted at the recorded
    /// rate when that currency is the budget currency the rate was given for, else nil.
    public func amount(in currency: CurrencyCode) -> Money? {
        if amount.currency == currency { return amount.rounded }
        guard let rate, budgetCurrency == currency else { return nil }
        return Money(amount: amount.amount * rate, currency: currency).rounded
    }

    /// Whether a missing receipt matters under an IRS accountable plan (Pub. 463): lodging
    /// always, anything else from 75 in the budget's currency.
    package func isReceiptRequired(amountInBudget: Money) -> Bool {
        category == "lodging" || amountInBudget.amount >= Self.receiptRequiredFrom
    }

    /// From this amount (in the budget's currency) every expense needs a receipt; lodging always does.
    package static let receiptRequiredFrom: Decimal = 75

    /// The tour a budget template's expenses belong to by default: its file name without the
    /// folder and `.toml` (`Budgets/west-coast.toml` → `west-coast`).
    package static func defaultTour(forTemplate path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".toml") ? String(name.dropLast(5)) : name
    }
}
