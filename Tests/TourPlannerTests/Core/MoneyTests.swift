import Foundation
import Testing
import TourPlannerCore

@Suite("Money arithmetic")
struct MoneyTests {
    static let tenDollars = Money(amount: 10, currency: .usd)

    @Test("amounts in one currency add and subtract exactly")
    func sameCurrency() throws {
        let cents = Money(amount: Decimal(string: "2.35") ?? 0, currency: .usd)
        #expect(try Self.tenDollars.adding(cents) == Money(amount: Decimal(string: "12.35") ?? 0, currency: .usd))
        #expect(try Self.tenDollars.subtracting(cents) == Money(amount: Decimal(string: "7.65") ?? 0, currency: .usd))
        #expect(Self.tenDollars + cents == Money(amount: Decimal(string: "12.35") ?? 0, currency: .usd))
        #expect(cents - Self.tenDollars == Money(amount: Decimal(string: "-7.65") ?? 0, currency: .usd))
    }

    @Test("adding or subtracting another currency throws, naming both amounts (fix: EUR + USD gave USD)")
    func mixedCurrencies() {
        let euros = Money(amount: 12, currency: .eur)
        #expect(
            throws: PlannerError(
                "cannot add €12.00 to $10.00: the amounts are in different currencies (EUR, USD)",
                hint: "convert one amount to the other's currency first, at an exchange rate")
        ) { try Self.tenDollars.adding(euros) }
        #expect(
            throws: PlannerError(
                "cannot subtract $10.00 from €12.00: the amounts are in different currencies (USD, EUR)",
                hint: "convert one amount to the other's currency first, at an exchange rate")
        ) { try euros.subtracting(Self.tenDollars) }
    }

    @Test("+ and - stop the program on mixed currencies instead of returning a sum in one of them")
    func operatorsTrapOnMixedCurrencies() async {
        await #expect(processExitsWith: .failure) {
            _ = Money(amount: 10, currency: .usd) + Money(amount: 12, currency: .eur)
        }
        await #expect(processExitsWith: .failure) {
            _ = Money(amount: 10, currency: .usd) - Money(amount: 12, currency: .eur)
        }
    }
}
