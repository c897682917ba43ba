import Foundation

/// One actual expense (a row of the actuals CSV).
public struct ActualExpense: Hashable, Sendable, Codable {
    public var date: CalendarDate
    /// A budget category: per diem, car rental, fuel, mileage, tolls, parking, lodging, materials, contingency, other.
    public var category: String
    public var trip: String
    public var amount: Money
    public var note: String
    /// Receipt reference; empty when the receipt is still missing.
    public var receipt: String
    public var line: Int

    public static let categories = [
        "per diem", "car rental", "fuel", "mileage", "tolls", "parking", "lodging", "materials", "contingency", "other",
    ]

    /// Reads an actuals CSV: `date,category,trip,amount,currency,note,receipt` (header required,
    /// any order; trip, note and receipt may be empty).
    ///
    /// - Throws: `BudgetError` naming the file, line and column of every bad value (the first one).
    public static func parseCSV(path: String, fileName: String) throws -> [ActualExpense] {
        var reader: CSVReader
        do {
            reader = try CSVReader(path: path, fileName: fileName, encoding: .utf8)
        } catch {
            throw BudgetError(file: fileName, line: nil, key: "", problem: error.problem, hint: error.hint)
        }
        defer { reader.close() }
        func next() throws -> CSVRecord? {
            do { return try reader.next() } catch {
                throw BudgetError(
                    file: fileName, line: error.location.line, key: "", problem: error.problem, hint: error.hint)
            }
        }
        guard let header = try next() else {
            throw BudgetError(
                file: fileName, line: 1, key: "", problem: "is empty",
                hint: "the first line must be date,category,trip,amount,currency,note,receipt")
        }
        let names = header.fields.map { $0.trimmedForImport.lowercased() }
        var column: [String: Int] = [:]
        for required in ["date", "category", "amount", "currency"] {
            guard let index = names.firstIndex(of: required) else {
                throw BudgetError(
                    file: fileName, line: header.line, key: required,
                    problem: "column is missing (columns found: \(header.fields.joined(separator: ", ")))",
                    hint: "the header must include date,category,amount,currency (and trip,note,receipt)")
            }
            column[required] = index
        }
        for optional in ["trip", "note", "receipt"] { column[optional] = names.firstIndex(of: optional) }
        var expenses: [ActualExpense] = []
        while let record = try next() {
            func cell(_ name: String) -> String {
                guard let index = column[name], record.fields.indices.contains(index) else { return "" }
                return record.fields[index].trimmedForImport
            }
            func fail(_ name: String, _ problem: String, _ hint: String) -> BudgetError {
                BudgetError(
                    file: fileName, line: record.line, key: name, problem: "\"\(cell(name))\" \(problem)", hint: hint)
            }
            guard let date = MemberRowParser.parseDate(cell("date")).flatMap(CalendarDate.init(iso:)) else {
                throw fail("date", "is not a date", "write 2014-06-07 or 06/07/2014")
            }
            let category = cell("category").lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(
                of: "-", with: " ")
            guard categories.contains(category) else {
                throw fail("category", "is not a budget category", "use one of: \(categories.joined(separator: ", "))")
            }
            let amountText = cell("amount").replacingOccurrences(of: ",", with: "").replacingOccurrences(
                of: "$", with: "")
            guard let amount = Decimal(string: amountText, locale: Locale(identifier: "en_US_POSIX")),
                !amountText.isEmpty, amount >= 0
            else {
                throw fail(
                    "amount", "is not an amount",
                    "write a plain number like 45.10 (no negative amounts; record refunds as a note)")
            }
            let currency = cell("currency").uppercased()
            guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw fail("currency", "is not an ISO 4217 code", "write USD, EUR, …")
            }
            expenses.append(
                ActualExpense(
                    date: date, category: category, trip: cell("trip"),
                    amount: Money(amount: amount, currency: CurrencyCode(currency)),
                    note: cell("note"), receipt: cell("receipt"), line: record.line))
        }
        return expenses
    }

    /// Whether a missing receipt matters under an IRS accountable plan (Pub. 463): lodging
    /// always, anything else from $75 (in the plan's currency).
    public var receiptRequired: Bool { category == "lodging" || amount.amount >= 75 }
}
