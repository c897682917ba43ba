package import Foundation
import TourPlannerCore

extension ActualExpense {
    /// Reads an actuals CSV for one tour: header `date,category,trip,amount,currency,note,receipt`
    /// in any order, plus an optional `rate` column; trip, note, receipt and rate may be empty.
    ///
    /// An expense in another currency than the budget's needs an exchange rate (its `rate` cell,
    /// else `rates[currency]` from `--rate EUR=1.08`), stored with the row. Identical rows are
    /// numbered (`occurrence` 1, 2, …) so they stay separate expenses.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - fileName: the name errors show.
    ///   - tour: the tour every row belongs to.
    ///   - budgetCurrency: the tour budget's currency.
    ///   - rates: exchange rates from `--rate`, budget-currency units per unit paid.
    /// - Returns: the file's expenses in row order, each with its tour, rate, source line and occurrence.
    /// - Throws: `ActualsImportError` listing every problem by file, line, field and value.
    package static func parseCSV(
        path: String, fileName: String, tour: String, budgetCurrency: CurrencyCode,
        rates: [CurrencyCode: Decimal] = [:]
    ) throws -> [ActualExpense] {
        func fileProblem(_ line: Int?, _ key: String, _ problem: String, _ hint: String) -> ActualsImportError {
            ActualsImportError(problems: [
                BudgetError(file: fileName, line: line, key: key, problem: problem, hint: hint)
            ])
        }
        var reader: CSVReader
        do {
            reader = try CSVReader(path: path, fileName: fileName, encoding: .utf8)
        } catch {
            throw fileProblem(nil, "", error.problem, error.hint)
        }
        defer { reader.close() }
        func next() throws -> CSVRecord? {
            do { return try reader.next() } catch {
                throw fileProblem(error.location.line, "", error.problem, error.hint)
            }
        }
        guard let header = try next() else {
            throw fileProblem(
                1, "", "is empty", "the first line must be date,category,trip,amount,currency,note,receipt")
        }
        let names = header.fields.map { $0.trimmedForImport.lowercased() }
        var column: [String: Int] = [:]
        for required in ["date", "category", "amount", "currency"] {
            guard let index = names.firstIndex(of: required) else {
                throw fileProblem(
                    header.line, required,
                    "column is missing (columns found: \(header.fields.joined(separator: ", ")))",
                    "the header must include date,category,amount,currency (and trip,note,receipt,rate)")
            }
            column[required] = index
        }
        for optional in ["trip", "note", "receipt", "rate"] { column[optional] = names.firstIndex(of: optional) }
        var expenses: [ActualExpense] = []
        var problems: [BudgetError] = []
        var seen: [String: Int] = [:]
        while let record = try next() {
            func cell(_ name: String) -> String {
                guard let index = column[name], record.fields.indices.contains(index) else { return "" }
                return record.fields[index].trimmedForImport
            }
            var field = "date"
            do throws(FieldProblem) {
                let date = try parseDate(cell("date"))
                field = "category"
                let category = try parseCategory(cell("category"))
                field = "amount"
                let amount = try parseAmount(cell("amount"))
                field = "currency"
                let currency = try parseCurrency(cell("currency"))
                field = "amount"
                try checkMinorUnits(amount, currency)
                field = "rate"
                let rateCell: Decimal? = if cell("rate").isEmpty { nil } else { try parseRate(cell("rate")) }
                field = currency == budgetCurrency ? "rate" : "currency"
                let rate = try Self.rate(paid: currency, budget: budgetCurrency, cell: rateCell, options: rates)
                var expense = ActualExpense(
                    tour: tour, date: date, category: category, trip: cell("trip"),
                    amount: Money(amount: amount, currency: currency), budgetCurrency: budgetCurrency, rate: rate,
                    note: cell("note"), receipt: normalizedReceipt(cell("receipt")), sourceFile: fileName,
                    line: record.line)
                let occurrence = (seen[expense.contentKey] ?? 0) + 1
                seen[expense.contentKey] = occurrence
                expense.occurrence = occurrence
                expenses.append(expense)
            } catch {
                problems.append(
                    BudgetError(
                        file: fileName, line: record.line, key: field, problem: "\"\(cell(field))\" \(error.problem)",
                        hint: error.hint))
            }
        }
        if !problems.isEmpty { throw ActualsImportError(problems: problems) }
        return expenses
    }
}
