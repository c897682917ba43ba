import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Budget")
struct BudgetTests {
    static let minimal = """
        currency = "USD"
        [trainers]
        count = 3
        [per_diem]
        hourly_wage = 12.75
        hours_per_training_day = 8
        [vehicle]
        kind = "rental"
        rental_per_day = 45
        fuel_efficiency_mpg = 28
        fuel_price_per_gallon = 3.65
        [counts]
        trainings = 5
        nights = 3
        distance_miles = 1600
        trips = 4
        [lodging]
        per_night = 120
        rooms = 2
        """

    func dollars(_ text: String) -> Decimal { Decimal(string: text) ?? -1 }

    @Test("the 2014 proposal's per diem: 5 × 8 h × $12.75 = $510.00 per trainer, $1,530.00 for three")
    func perDiem2014() throws {
        let text = try String(contentsOfFile: Self.repositoryFile("Budgets/east-coast-2014.toml"), encoding: .utf8)
        let report = BudgetCalculator.report(
            template: try BudgetTemplate.parse(text, fileName: "east-coast-2014.toml"), plan: nil)
        #expect(report.perDiemPerTrainer.amount == dollars("510"))
        #expect(report.lines.first { $0.category == "per diem" }?.amount.formatted == "$1,530.00")
    }

    @Test("fuel by hand: 1,600 mi ÷ 28 mpg × $3.65/gal = $208.57; lodging 3 × 2 × $120 = $720")
    func fuelAndLodging() throws {
        let report = BudgetCalculator.report(
            template: try BudgetTemplate.parse(Self.minimal, fileName: "t.toml"), plan: nil)
        #expect(report.lines.first { $0.category == "fuel" }?.amount.amount == dollars("208.57"))
        #expect(report.lines.first { $0.category == "lodging" }?.amount.amount == dollars("720"))
        // Totals are the sums of the rounded lines a treasurer sees.
        #expect(report.total.amount == report.lines.reduce(Decimal(0)) { $0 + $1.amount.amount })
    }

    @Test("mpg and L/100 km give the same fuel cost (28 mpg = 8.4005 L/100 km)")
    func fuelUnits() throws {
        let metric = Self.minimal.replacingOccurrences(
            of: "fuel_efficiency_mpg = 28", with: "fuel_l_per_100km = 8.40049"
        )
        .replacingOccurrences(of: "fuel_price_per_gallon = 3.65", with: "fuel_price_per_litre = 0.964229")
        let a = BudgetCalculator.report(template: try BudgetTemplate.parse(Self.minimal, fileName: "a.toml"), plan: nil)
        let b = BudgetCalculator.report(template: try BudgetTemplate.parse(metric, fileName: "b.toml"), plan: nil)
        #expect(a.lines.first { $0.category == "fuel" }?.amount == b.lines.first { $0.category == "fuel" }?.amount)
    }

    @Test("GSA per diem pays 75% on the first and last day of each trip")
    func gsa() throws {
        // Trips of 1, 2 and 3 days: 0.75 + 1.5 + 2.5 = 4.75 M&IE days × $68 = $323.00 per trainer.
        #expect(BudgetCalculator.gsaDays([1, 2, 3], share: Decimal(string: "0.75") ?? 0) == Decimal(string: "4.75"))
        let text = Self.minimal.replacingOccurrences(of: "hourly_wage = 12.75", with: "mode = \"gsa\"\ndaily_mie = 68")
        let template = try BudgetTemplate.parse(text, fileName: "g.toml")
        #expect(template.perDiemMode == .gsa)
    }

    @Test("a routed plan supplies days, nights, hosted nights and distance")
    func fromPlan() throws {
        let plan = try TourScheduler().plan(try TourSchedulerTests.summer())
        let report = BudgetCalculator.report(
            template: try BudgetTemplate.parse(Self.minimal, fileName: "t.toml"), plan: plan)
        // 4 trainings × 8 h × $12.75 × 3 trainers = $1,224.00; 5 trip days × $45 rental = $225.00.
        #expect(report.lines.first { $0.category == "per diem" }?.amount.amount == dollars("1224"))
        #expect(report.lines.first { $0.category == "car rental" }?.amount.amount == dollars("225"))
        #expect(report.byTrip.count == 3 && report.basedOnPlan)
    }

    /// The 2014 template prices the planner's budget check at ≈ $0.089/km (28 mpg, $3.65/gal, +10%),
    /// $313.50 a night (2 rooms × $120 + a $45 rental day, +10%), $44 a trip, $408.10 a training
    /// (3 × 8 h × $12.75 + $20 materials + a $45 rental day, +10%). Every stop would cost ≈ $2,562.
    /// With $2,000: Boston + Baltimore (1,446.6 km, 2 nights, 2 trips, 2 trainings ≈ $1,660) reach
    /// 40 members; adding Philadelphia (≈ $2,141) or Washington (≈ $2,081) breaks the budget, and
    /// Boston + Philadelphia (39) is worth one member less.
    @Test("tour planning within a money budget uses the template's rates")
    func plannerBudgetFromTemplate() throws {
        let text = try String(contentsOfFile: Self.repositoryFile("Budgets/east-coast-2014.toml"), encoding: .utf8)
        let model = BudgetCalculator.costModel(for: try BudgetTemplate.parse(text, fileName: "east-coast-2014.toml"))
        #expect(
            abs(model.perNight - 313.5) < 0.01 && abs(model.perTraining - 408.1) < 0.01
                && abs(model.perTrip - 44) < 0.01)
        #expect(abs(model.perKm - 0.0893) < 0.0005)
        var request = try TourSchedulerTests.summer(objective: .maximizeValue, budget: 2000)
        request.costModel = model
        let plan = try TourScheduler().plan(request)
        #expect(Set(plan.trips.flatMap(\.stops).map(\.metro)) == ["Boston", "Baltimore"])
    }

    @Test(
        "bad templates are named by file, line and key",
        arguments: [
            (
                "currency = \"USD\"\n[per_diem]\nhourly_wage = -3\n[vehicle]\nkind = \"own\"\nrate_per_mile = 0.14\n",
                "t.toml:3: per_diem.hourly_wage must not be negative"
            ),
            ("[per_diem]\nhourly_wage = 12\n", "t.toml: currency is missing"),
            ("currency = \"USD\"\n[per_diem]\nhourly_wag = 12\n", "t.toml:3: per_diem.hourly_wag is not a budget key"),
            ("currency = \"DOLLARS\"\n", "t.toml:1: currency \"DOLLARS\" is not an ISO 4217 code"),
            ("currency = \"USD\"\n[per_diem\n", "t.toml:2:"),
        ])
    func badTemplates(text: String, message: String) {
        #expect {
            try BudgetTemplate.parse(text, fileName: "t.toml")
        } throws: { error in
            (error as? BudgetError)?.description.hasPrefix(message) == true
        }
    }

    @Test("an unknown scenario lists the known ones")
    func unknownScenario() {
        #expect {
            try BudgetTemplate.parse(
                Self.minimal + "\n[scenarios.donated-van]\nvehicle = { kind = \"own\", rate_per_mile = 0.14 }\n",
                fileName: "t.toml", scenario: "vann")
        } throws: { error in
            (error as? BudgetError)?.hint == "choose one of: donated-van"
        }
    }

    @Test("actuals: variance per line and receipts still missing; a bad category names file, line and field")
    func actuals() throws {
        let report = BudgetCalculator.report(
            template: try BudgetTemplate.parse(Self.minimal, fileName: "t.toml"), plan: nil)
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "a.csv",
            "date,category,trip,amount,currency,note,receipt\n2014-06-07,lodging,Boston,250.00,USD,hotel,\n2014-06-07,fuel,Boston,61.20,USD,,R-2\n"
        )
        let expenses = try ActualExpense.parseCSV(path: path, fileName: "a.csv", tour: "t", budgetCurrency: .usd)
        let variance = BudgetVariance.make(report: report, actuals: expenses, tour: "t")
        let lodging = try #require(variance.lines.first { $0.category == "lodging" })
        #expect(lodging.actual.amount == dollars("250") && lodging.variance.amount == dollars("-470"))
        #expect(
            variance.missingReceipts.map(\.expense.category) == ["lodging"] && variance.missingReceipts[0].isRequired)
        let store = try TourDatabase.makeInMemory()
        #expect(try store.recordActuals(expenses).added == 2)
        #expect(try store.recordActuals(expenses).alreadyRecorded == 2)
        #expect(try store.actuals().map(\.amount.amount) == [dollars("250"), dollars("61.2")])
        let bad = try folder.write("b.csv", "date,category,amount,currency\n2014-06-07,snacks,10,USD\n")
        #expect {
            try ActualExpense.parseCSV(path: bad, fileName: "b.csv", tour: "t", budgetCurrency: .usd)
        } throws: { error in
            (error as? ActualsImportError)?.description.hasPrefix(
                "b.csv:2: category \"snacks\" is not a budget category") == true
        }
    }

    /// A file of this repository (tests run from anywhere).
    static func repositoryFile(_ relative: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
        }
        return relative
    }
}
