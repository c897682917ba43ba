import Foundation
import Testing

@testable import TourPlanner

@Suite("Budget checks: currencies, rounding, counts, plan overrides, starter template")
struct BudgetChecksTests {
    func dollars(_ text: String) -> Decimal { Decimal(string: text) ?? -1 }

    func eastCoast(scenario: String? = nil) throws -> BudgetTemplate {
        let text = try String(
            contentsOfFile: BudgetTests.repositoryFile("Budgets/east-coast-2014.toml"), encoding: .utf8)
        return try BudgetTemplate.parse(text, fileName: "east-coast-2014.toml", scenario: scenario)
    }

    @Test(
        "a currency that is not ISO 4217 is refused with a hint",
        arguments: [
            ("XYZ", "write a current ISO 4217 code such as USD, EUR, GBP, NOK, JPY"),
            ("USX", "did you mean UGX, USD, USN? (write a current ISO 4217 code such as USD, EUR, GBP, NOK, JPY)"),
        ])
    func unknownCurrency(code: String, hint: String) {
        #expect {
            try BudgetTemplate.parse("currency = \"\(code)\"\n", fileName: "t.toml")
        } throws: { error in
            let error = error as? BudgetError
            return error?.description.hasPrefix("t.toml:1: currency \"\(code)\" is not an ISO 4217 code") == true
                && error?.hint == hint
        }
    }

    @Test(
        "each currency's ISO 4217 minor unit",
        arguments: [("JPY", 0), ("USD", 2), ("EUR", 2), ("KWD", 3), ("BHD", 3), ("ISK", 0), ("CLF", 4), ("NOK", 2)])
    func minorUnits(code: String, digits: Int) throws {
        let currency = try #require(CurrencyCode.parse(code.lowercased()))
        #expect(currency.minorUnitDigits == digits)
    }

    /// Pins the transcribed table (ISO4217.swift): 26 currencies whose minor unit is not 2 and
    /// 140 with 2. Update both with the table when ISO publishes an amendment.
    @Test("the ISO 4217 table: 166 current codes, none listed twice")
    func tableSize() {
        #expect(ISO4217.exceptions.count == 26 && ISO4217.twoDigit.count == 140)
        #expect(Set(ISO4217.codes).count == 166)
    }

    @Test(
        "codes with no minor unit (gold, testing, no currency) are not money", arguments: ["XAU", "XTS", "XXX", "XYZ"])
    func notMoney(code: String) {
        #expect(CurrencyCode.parse(code) == nil)
    }

    @Test("JPY: rates shown as computed (¥12.75/h), amounts rounded to whole yen")
    func yen() throws {
        let text = BudgetTests.minimal.replacingOccurrences(of: "currency = \"USD\"", with: "currency = \"JPY\"")
        let report = BudgetCalculator.report(template: try BudgetTemplate.parse(text, fileName: "t.toml"), plan: nil)
        let perDiem = try #require(report.lines.first { $0.category == "per diem" })
        // 3 trainers × 5 days × 8 h × ¥12.75 = ¥1,530
        #expect(perDiem.description.hasSuffix("× ¥12.75/h") && perDiem.amount.formatted == "¥1,530")
        // fuel 1,600 mi ÷ 28 mpg × 3.65 = 208.571… → ¥209
        #expect(report.lines.first { $0.category == "fuel" }?.amount.amount == 209)
        #expect(Money(amount: dollars("1.2345"), currency: CurrencyCode("KWD")).formatted == "1.235 KWD")
    }

    @Test(
        "rates keep their digits, up to four",
        arguments: [
            ("12.75", "JPY", "¥12.75"), ("45", "USD", "$45.00"), ("0.964229", "EUR", "€0.9642"), ("3", "JPY", "¥3"),
        ])
    func rateText(amount: String, code: String, text: String) {
        #expect(Money(amount: dollars(amount), currency: CurrencyCode(code)).formattedRate == text)
    }

    @Test("largest remainder: $1.00 over three equal parts is 0.34 + 0.33 + 0.33, not 3 × 0.33")
    func largestRemainder() {
        let parts = Money.allocate(Money(amount: 1, currency: .usd), proportionalTo: [1, 1, 1])
        #expect(parts.map(\.amount) == [dollars("0.34"), dollars("0.33"), dollars("0.33")])
        // $1,984.21 over 661.405 each: 198,421 cents ÷ 3 = 66,140.33 → one cent to the first
        let trips = Money.allocate(
            Money(amount: dollars("1984.21"), currency: .usd),
            proportionalTo: Array(repeating: dollars("661.405"), count: 3))
        #expect(trips.map(\.amount) == [dollars("661.41"), dollars("661.40"), dollars("661.40")])
        // The largest remainder wins: 10 cents by 1:2:7 weights of 0.105 → 1.05, 2.1, 7.35 → 1 + 2 + 7 = 10
        let yen = Money.allocate(Money(amount: 10, currency: CurrencyCode("JPY")), proportionalTo: [1, 2, 7])
        #expect(yen.map(\.amount) == [1, 2, 7])
        #expect(
            Money.allocate(Money(amount: dollars("0.02"), currency: .usd), proportionalTo: [0, 0, 0]).map(\.amount)
                == [dollars("0.01"), dollars("0.01"), 0])
    }

    /// Rounding each trip on its own gave $697.98 + $1,008.46 + $377.24 = $2,083.68 for the
    /// minimal template against a total of $2,083.69 (the issue's $1,984.22 vs $1,984.21).
    @Test("by-trip amounts of a routed plan add up to the total exactly")
    func byTripSumsToTotal() throws {
        let plan = try TourScheduler().plan(try TourSchedulerTests.summer())
        for template in [try eastCoast(), try BudgetTemplate.parse(BudgetTests.minimal, fileName: "t.toml")] {
            let report = BudgetCalculator.report(template: template, plan: plan)
            #expect(report.byTrip.count == plan.trips.count)
            #expect(report.byTrip.reduce(Decimal(0)) { $0 + $1.amount.amount } == report.total.amount)
        }
    }

    @Test("3 nights over 4 trips with 5 days away is a warning naming the keys")
    func contradictoryCounts() throws {
        let report = BudgetCalculator.report(
            template: try BudgetTemplate.parse(BudgetTests.minimal, fileName: "t.toml"), plan: nil)
        #expect(
            report.warnings == [
                "counts.nights = 3 over counts.trips = 4 needs at least 7 days away, but there are 5 days (counts.trainings = 5 + counts.travel_days = 0), costed as 5 rental days (a trip of d days has at most d − 1 nights); add counts.travel_days or fix counts.nights"
            ])
        // 5 + 2 days over 4 trips leave room for 3 nights: no warning.
        let fixed = BudgetTests.minimal.replacingOccurrences(
            of: "trainings = 5", with: "trainings = 5\ntravel_days = 2")
        #expect(
            BudgetCalculator.report(template: try BudgetTemplate.parse(fixed, fileName: "t.toml"), plan: nil).warnings
                .isEmpty)
        let hosted = fixed + "\nhosted_nights = 4\n"
        #expect(
            try BudgetTemplate.parse(hosted, fileName: "t.toml").countWarnings == [
                "lodging.hosted_nights = 4 is more than counts.nights = 3: only 3 are counted as hosted"
            ])
        let noTrips = BudgetTests.minimal.replacingOccurrences(of: "trips = 4", with: "trips = 0")
        #expect(
            try BudgetTemplate.parse(noTrips, fileName: "t.toml").countWarnings.first?.hasPrefix("counts.trips is 0")
                == true)
    }

    @Test("with --plan, a scenario's counts are named as replaced by the plan")
    func planOverrides() throws {
        let plan = try TourScheduler().plan(try TourSchedulerTests.summer())
        let fewer = BudgetCalculator.report(
            template: try eastCoast(scenario: "fewer-cities"), plan: plan, scenario: "fewer-cities")
        #expect(
            fewer.planOverrides == [
                "counts.distance_miles", "counts.nights", "counts.trainings", "counts.trips",
                "counts.unaffiliated_reached",
            ])
        let hosts = BudgetCalculator.report(
            template: try eastCoast(scenario: "members-host"), plan: plan, scenario: "members-host")
        #expect(hosts.planOverrides == ["lodging.hosted_nights"])
        let van = BudgetCalculator.report(
            template: try eastCoast(scenario: "donated-van"), plan: plan, scenario: "donated-van")
        #expect(van.planOverrides.isEmpty)
        let noPlan = BudgetCalculator.report(
            template: try eastCoast(scenario: "fewer-cities"), plan: nil, scenario: "fewer-cities")
        #expect(noPlan.planOverrides.isEmpty)
    }

    @Test("budget init's template parses, without warnings; with a plan its counts are the plan's")
    func starter() throws {
        let plain = try BudgetTemplate.parse(
            BudgetTemplate.starterText(name: "West \"Coast\"", currency: .usd, plan: nil), fileName: "w.toml")
        #expect(plain.name == "West \"Coast\"" && plain.currency == .usd && plain.countWarnings.isEmpty)
        #expect(plain.scenarioNames == ["donated-van", "members-host"])
        let plan = try TourScheduler().plan(try TourSchedulerTests.summer())
        let fromPlan = try BudgetTemplate.parse(
            BudgetTemplate.starterText(name: "Summer", currency: CurrencyCode("NOK"), plan: plan), fileName: "s.toml")
        // The summer plan: 4 trainings over 5 trip days in 3 trips (see BudgetTests.fromPlan).
        #expect(fromPlan.counts.trainings == 4 && fromPlan.counts.travelDays == 1 && fromPlan.counts.trips == 3)
        #expect(fromPlan.counts.nights == plan.trips.reduce(0) { $0 + $1.nights.count })
        #expect(fromPlan.currency == CurrencyCode("NOK") && fromPlan.countWarnings.isEmpty)
    }
}
