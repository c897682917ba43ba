package import Foundation
import TourPlannerCore

extension ActualExpense {
    /// A field value that cannot be used, with what to write instead; callers add the location.
    package struct FieldProblem: Error {
        package var problem: String
        package var hint: String
    }

    package static func parseDate(_ text: String) throws(FieldProblem) -> CalendarDate {
        guard let date = CalendarDate.isoText(parsingExportDate: text).flatMap(CalendarDate.init(iso:)) else {
            throw FieldProblem(problem: "is not a date", hint: "write 2014-06-07 or 06/07/2014")
        }
        return date
    }

    package static func parseCategory(_ text: String) throws(FieldProblem) -> String {
        let category = text.lowercased().replacingOccurrences(of: "_", with: " ").replacingOccurrences(
            of: "-", with: " ")
        guard categories.contains(category) else {
            throw FieldProblem(
                problem: "is not a budget category", hint: "use one of: \(categories.joined(separator: ", "))")
        }
        return category
    }

    package static func parseAmount(_ text: String) throws(FieldProblem) -> Decimal {
        // A comma is read only as a thousands separator (1,234.50): "48,20" is a decimal comma,
        // and dropping it would record 4820.
        let integerPart = text.split(separator: ".", omittingEmptySubsequences: false)[0]
            .replacingOccurrences(of: "$", with: "")
        if text.contains(",") {
            let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
            let isThousands =
                !text.split(separator: ".", omittingEmptySubsequences: false).dropFirst().contains { $0.contains(",") }
                && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard isThousands else {
                throw FieldProblem(
                    problem: "has a comma that is not a thousands separator",
                    hint: "write decimals with a point, e.g. 48.20 for 48,20")
            }
        }
        let plain = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "")
        guard !plain.isEmpty, plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let amount = Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX"))
        else {
            throw FieldProblem(
                problem: "is not an amount",
                hint: "write a plain number like 45.10 (no negative amounts; record refunds as a note)")
        }
        return amount
    }

    /// Refuses an amount finer than its currency's minor unit (12.505 USD, 10.5 JPY), which
    /// would otherwise be rounded silently when stored.
    package static func checkMinorUnits(_ amount: Decimal, _ currency: CurrencyCode) throws(FieldProblem) {
        guard Money(amount: amount, currency: currency).rounded.amount != amount else { return }
        let digits = currency.minorUnitDigits
        throw FieldProblem(
            problem: "has more decimals than \(currency) has (\(digits))",
            hint: digits == 0
                ? "\(currency) amounts are whole numbers; write the amount as charged"
                : "write the amount as charged, with at most \(digits) decimals")
    }

    package static func parseCurrency(_ text: String) throws(FieldProblem) -> CurrencyCode {
        guard let code = CurrencyCode.parse(text) else {
            throw FieldProblem(problem: "is not an ISO 4217 currency code", hint: CurrencyCode.hint(forUnknown: text))
        }
        return code
    }

    package static func parseRate(_ text: String) throws(FieldProblem) -> Decimal {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), rate > 0
        else {
            throw FieldProblem(
                problem: "is not an exchange rate",
                hint: "write budget-currency units per unit paid, a number above 0 (EUR at 1.08 USD: 1.08)")
        }
        return rate
    }

    /// Reads `--rate EUR=1.08` (1 EUR = 1.08 in the budget's currency).
    ///
    /// - Throws: `BudgetError` (key `--rate`) naming the value and the expected form.
    package static func parseRateOption(_ text: String) throws -> (currency: CurrencyCode, rate: Decimal) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        func fail(_ problem: String, _ hint: String) -> BudgetError {
            BudgetError(file: "--rate", line: nil, key: "", problem: "\"\(text)\" \(problem)", hint: hint)
        }
        guard parts.count == 2 else {
            throw fail("is not CODE=RATE", "write e.g. --rate EUR=1.08 (1 EUR = 1.08 in the budget's currency)")
        }
        do throws(FieldProblem) {
            return (try parseCurrency(parts[0]), try parseRate(parts[1]))
        } catch {
            throw fail(error.problem, error.hint)
        }
    }

    /// The rate of an expense paid in `paid` for a budget in `budget`: the row's own `rate`
    /// cell, else the `--rate` for that currency; none when the currencies agree.
    package static func rate(
        paid: CurrencyCode, budget: CurrencyCode, cell: Decimal?, options: [CurrencyCode: Decimal]
    ) throws(FieldProblem) -> Decimal? {
        if paid == budget {
            if let cell, cell != 1 {
                throw FieldProblem(
                    problem: "is a rate on an expense already in the budget's \(budget)",
                    hint: "leave rate empty (or 1) for \(budget) expenses")
            }
            return nil
        }
        guard let rate = cell ?? options[paid] else {
            throw FieldProblem(
                problem: "differs from the budget's \(budget) and no exchange rate is given",
                hint:
                    "add --rate \(paid)=RATE (1 \(paid) = RATE \(budget), the rate you paid) or a rate column")
        }
        return rate
    }
}
