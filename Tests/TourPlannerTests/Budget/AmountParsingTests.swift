import Foundation
import Testing

@testable import TourPlanner

@Suite("Actual expenses: amounts as typed")
struct AmountParsingTests {
    @Test(
        "plain numbers and thousands separators are read",
        arguments: [("48.20", "48.2"), ("1,234.50", "1234.5"), ("$1,234", "1234"), ("12,345,678.90", "12345678.9")])
    func read(text: String, expected: String) throws {
        #expect(try ActualExpense.parseAmount(text) == Decimal(string: expected))
    }

    @Test(
        "a decimal comma is refused, not read 100 times too large (48,20 was 4820)",
        arguments: ["48,20", "1,5", "1.234,50", "12,34.5", ",500", "1,2345"])
    func decimalComma(text: String) {
        #expect(throws: ActualExpense.FieldProblem.self) { try ActualExpense.parseAmount(text) }
    }
}
