import Foundation
import GRDB
import Testing

@testable import TourPlanner
@testable import TourPlannerStore

@Suite("Budget actuals")
struct ActualsTests {
    static let header = "date,category,trip,amount,currency,note,receipt\n"

    func report() throws -> BudgetReport {
        BudgetCalculator.report(template: try BudgetTemplate.parse(BudgetTests.minimal, fileName: "t.toml"), plan: nil)
    }

    func parse(
        _ folder: TemporaryFolder, _ name: String, _ text: String, tour: String = "west",
        rates: [CurrencyCode: Decimal] = [:]
    )
        throws -> [ActualExpense]
    {
        let path = try folder.write(name, text)
        return try ActualExpense.parseCSV(path: path, fileName: name, tour: tour, budgetCurrency: .usd, rates: rates)
    }

    @Test("an EUR expense on a USD budget is refused at import without a rate, naming file, line, field and value")
    func foreignCurrencyNeedsRate() throws {
        let folder = try TemporaryFolder()
        let text = Self.header + "2014-06-07,fuel,,10.00,USD,,R-1\n2014-06-08,fuel,,10.00,EUR,,R-2\n"
        #expect {
            try parse(folder, "e.csv", text)
        } throws: { error in
            (error as? ActualsImportError)?.description.hasPrefix(
                "e.csv:3: currency \"EUR\" differs from the budget's USD and no exchange rate is given\n  hint: add --rate EUR=RATE"
            ) == true
        }
    }

    @Test("a rate from --rate or the rate column is stored with the row; reports convert with it")
    func ratesConvert() throws {
        // Given €10.00 at 1.08 (--rate) and €20.00 at 1.10 (its own rate column)
        let folder = try TemporaryFolder()
        let text =
            "date,category,amount,currency,rate,receipt\n2014-06-07,fuel,10.00,EUR,,R-1\n2014-06-08,fuel,20.00,EUR,1.10,R-2\n"
        let expenses = try parse(folder, "e.csv", text, rates: [.eur: Decimal(string: "1.08") ?? 0])
        #expect(expenses.map(\.rate) == [Decimal(string: "1.08"), Decimal(string: "1.1")])
        // When stored and read back
        let store = try TourDatabase.makeInMemory()
        _ = try store.recordActuals(expenses)
        let variance = BudgetVariance.make(report: try report(), actuals: try store.actuals(), tour: "west")
        // Then fuel is $10.80 + $22.00 = $32.80
        #expect(variance.lines.first { $0.category == "fuel" }?.actual.amount == Decimal(string: "32.80"))
        #expect(variance.unconverted.isEmpty)
    }

    @Test("a bad rate, an unknown currency and a bad amount are all reported, and nothing is recorded")
    func everyProblemNamed() throws {
        let folder = try TemporaryFolder()
        let text =
            "date,category,amount,currency,rate\n2014-06-07,fuel,10,EUR,abc\n2014-06-07,fuel,10,XYZ,\n2014-06-07,fuel,ten,USD,\n"
        #expect {
            try parse(folder, "x.csv", text)
        } throws: { error in
            let problems = (error as? ActualsImportError)?.problems.map { "\($0.file):\($0.line ?? 0): \($0.key)" }
            return problems == ["x.csv:2: rate", "x.csv:3: currency", "x.csv:4: amount"]
        }
    }

    @Test("an amount finer than its currency's minor unit is refused, not rounded when stored")
    func minorUnits() throws {
        let folder = try TemporaryFolder()
        let text = "date,category,amount,currency\n2014-06-07,fuel,10.5,JPY\n2014-06-07,fuel,12.505,USD\n"
        #expect {
            try parse(folder, "j.csv", text, rates: [CurrencyCode("JPY"): Decimal(string: "0.0091") ?? 0])
        } throws: { error in
            (error as? ActualsImportError)?.problems.map(\.description) == [
                "j.csv:2: amount \"10.5\" has more decimals than JPY has (0)\n  hint: JPY amounts are whole numbers; write the amount as charged",
                "j.csv:3: amount \"12.505\" has more decimals than USD has (2)\n  hint: write the amount as charged, with at most 2 decimals",
            ]
        }
    }

    @Test("moving an expense to a tour that already has the same one is refused, naming both")
    func moveToTwin() throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let row = Self.header + "2014-06-07,fuel,,30,USD,,R-1\n"
        _ = try store.recordActuals(try parse(folder, "w.csv", row))
        _ = try store.recordActuals(try parse(folder, "e.csv", row, tour: "east"))
        let east = try #require(try store.actuals(tour: "east").first)
        #expect {
            try store.updateActual(try ActualExpenseChange(tour: "west").applied(to: east))
        } throws: { error in
            (error as? BudgetError)?.description.hasPrefix(
                "expense #2: --tour \"west\" already has the same expense as #1") == true
        }
    }

    @Test("two identical rows stay two; re-importing adds nothing; appended rows are added")
    func identicalRows() throws {
        let folder = try TemporaryFolder()
        let toll = "2014-06-07,tolls,Boston,12.50,USD,I-95,R-3\n"
        let store = try TourDatabase.makeInMemory()
        // Given a file with two equal toll charges
        let first = try store.recordActuals(try parse(folder, "a.csv", Self.header + toll + toll))
        #expect(first.added == 2)
        // When the same file is imported again, then with a third toll and a fuel row appended
        let again = try store.recordActuals(try parse(folder, "a.csv", Self.header + toll + toll))
        let appended = try store.recordActuals(
            try parse(folder, "a.csv", Self.header + toll + toll + toll + "2014-06-08,fuel,,40,USD,,R-4\n"))
        // Then
        #expect(again.added == 0 && again.alreadyRecorded == 2)
        #expect(appended.added == 2 && appended.alreadyRecorded == 2)
        #expect(try store.actuals().filter { $0.category == "tolls" }.map(\.occurrence) == [1, 2, 3])
    }

    @Test(
        "receipt: no, none, missing, pending, - and empty are missing; yes and a reference are on file",
        arguments: [
            ("no", ""), ("No", ""), ("", ""), ("none", ""), ("missing", ""), ("pending", ""), ("-", ""),
            ("yes", "yes"), ("Y", "yes"), ("R-2", "R-2"), (" scan-0612.pdf ", "scan-0612.pdf"),
        ])
    func receipts(cell: String, stored: String) {
        #expect(ActualExpense.normalizedReceipt(cell) == stored)
    }

    @Test("a lodging row with receipt \"no\" is flagged as a required missing receipt")
    func receiptNoIsMissing() throws {
        let folder = try TemporaryFolder()
        let text = Self.header + "2014-06-07,lodging,Boston,120,USD,hotel,no\n2014-06-07,fuel,Boston,30,USD,,yes\n"
        let variance = BudgetVariance.make(
            report: try report(), actuals: try parse(folder, "r.csv", text), tour: "west")
        #expect(variance.missingReceipts.map(\.expense.category) == ["lodging"])
        #expect(variance.missingReceipts.first?.isRequired == true)
    }

    @Test("a West Coast budget never shows East Coast actuals")
    func toursFilter() throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        _ = try store.recordActuals(try parse(folder, "w.csv", Self.header + "2014-06-07,fuel,,30,USD,,R-1\n"))
        _ = try store.recordActuals(
            try parse(folder, "e.csv", Self.header + "2014-06-07,fuel,,30,USD,,R-1\n", tour: "east"))
        let variance = BudgetVariance.make(report: try report(), actuals: try store.actuals(), tour: "west")
        #expect(variance.actualTotal.amount == 30)
        #expect(try store.actuals(tour: "east").count == 1)
        #expect(ActualExpense.defaultTour(forTemplate: "Budgets/west-coast.toml") == "west-coast")
    }

    @Test("edit by id changes the given fields; delete leaves a tombstone a re-import respects")
    func editAndDelete() throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let text = Self.header + "2014-06-07,fuel,,10,EUR,,\n2014-06-08,tolls,,5,USD,,R-9\n"
        let rows = try parse(folder, "a.csv", text, rates: [.eur: Decimal(string: "1.08") ?? 0])
        _ = try store.recordActuals(rows)
        let fuel = try #require(try store.actuals().first)
        let id = try #require(fuel.id)
        // When the treasurer corrects the amount and adds the receipt
        let edited = try ActualExpenseChange(amount: "12.50", receipt: "R-8").applied(to: fuel)
        try store.updateActual(edited)
        let reread = try #require(try store.actual(id: id))
        #expect(reread.amount == Money(amount: Decimal(string: "12.5") ?? 0, currency: .eur))
        #expect(reread.receipt == "R-8" && reread.rate == Decimal(string: "1.08"))
        // Then re-importing the file neither duplicates the edited row nor the other one
        let again = try store.recordActuals(rows)
        #expect(again.added == 0 && again.alreadyRecorded == 2)
        // Deleting the toll keeps it deleted across a re-import
        let toll = try #require(try store.actuals().last?.id)
        #expect(try store.deleteActuals([toll]).map(\.category) == ["tolls"])
        let third = try store.recordActuals(rows)
        #expect(third.added == 0 && third.deletedEarlier == 1)
        #expect(try store.actuals().map(\.id) == [id])
        #expect(
            throws: PlannerError(
                "expense #999 is not a recorded expense", hint: "see the ids with `tourplan budget actuals list`")
        ) {
            try store.deleteActuals([ExpenseID(rawValue: 999)])
        }
        #expect(
            throws: PlannerError(
                "expense \(toll) is already deleted",
                hint: "`tourplan budget actuals restore \(toll.rawValue)` brings it back")
        ) {
            try store.deleteActuals([toll])
        }
    }

    @Test("edit: switching to a foreign currency needs a rate; a bad value names the flag")
    func editValidation() throws {
        let expense = ActualExpense(
            id: ExpenseID(rawValue: 4), tour: "west", date: CalendarDate(year: 2014, month: 6, day: 7),
            category: "fuel", trip: "", amount: Money(amount: 10, currency: .usd), budgetCurrency: .usd, rate: nil,
            note: "", receipt: "", sourceFile: "a.csv", line: 2)
        #expect {
            try ActualExpenseChange(currency: "EUR").applied(to: expense)
        } throws: { error in
            (error as? BudgetError)?.description.hasPrefix(
                "expense #4: --currency \"EUR\" differs from the budget's USD and no exchange rate is given") == true
        }
        #expect {
            try ActualExpenseChange(amount: "-3").applied(to: expense)
        } throws: { error in
            (error as? BudgetError)?.description.hasPrefix("expense #4: --amount \"-3\" is not an amount") == true
        }
        let euros = try ActualExpenseChange(currency: "eur", rate: "1.08").applied(to: expense)
        #expect(euros.amount(in: .usd)?.amount == Decimal(string: "10.80"))
    }

    @Test("v6 migrates v3 rows without loss: tour unassigned, receipt \"no\" read as missing, identical rows numbered")
    func migration() throws {
        // Given a store at v5 with two v3 rows that differ only by receipt "" and "no"
        let queue = try DatabaseQueue()
        try TourDatabase.migrator.migrate(queue, upTo: "v5-members-rowid")
        try queue.write { db in
            for receipt in ["", "no"] {
                try db.execute(
                    sql: """
                        INSERT INTO actuals (date, category, trip, amountMinor, currency, note, receipt, sourceFile, line)
                        VALUES ('2014-06-07', 'lodging', 'Boston', 12000, 'USD', 'hotel', ?, 'old.csv', 2)
                        """, arguments: [receipt])
            }
        }
        // When the store is opened (all migrations)
        let store = try TourDatabase(queue)
        // Then both rows are kept, unassigned, with missing receipts
        let rows = try store.actuals()
        #expect(rows.map(\.tour) == ["", ""] && rows.map(\.receipt) == ["", ""] && rows.map(\.occurrence) == [1, 2])
        let variance = BudgetVariance.make(report: try report(), actuals: rows, tour: "west")
        #expect(variance.unassigned.count == 2 && variance.actualTotal.amount == 0)
        // Re-importing the old file for a tour assigns the rows instead of adding copies
        let folder = try TemporaryFolder()
        let line = "2014-06-07,lodging,Boston,120.00,USD,hotel,\n"
        let result = try store.recordActuals(try parse(folder, "old.csv", Self.header + line + line))
        #expect(result.claimed == 2 && result.added == 0)
        #expect(try store.actuals(tour: "west").count == 2)
    }
}
