import ArgumentParser
import TourPlanner

/// `tourplan budget actuals add|list|edit|delete|restore`: the tour's actual spending.
struct BudgetActualsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actuals", abstract: "Record, list, correct and delete actual spending.",
        subcommands: [Add.self, Import.self, List.self, Edit.self, Delete.self, Restore.self])

    /// Where the rows go: a template (tour and currency from it) or `--tour` and `--currency`.
    struct Target: ParsableArguments {
        @Option(help: "The tour's budget template: its currency, and the tour name (its file name without .toml).")
        var budget: String?
        @Option(help: "The tour the expenses belong to (default: the --budget file name without .toml).")
        var tour: String?
        @Option(help: "The budget's currency (ISO 4217; default: the saved tour's).") var currency: String?
        @Option(help: ArgumentHelp(CommandHelp.actualsRate, valueName: "CODE=RATE")) var rate: [String] = []
        func validate() throws {
            try usage { try ActualsTarget.checkArguments(budget: budget, tour: tour, currency: currency) }
        }

        var target: ActualsTarget { ActualsTarget(budgetPath: budget, tour: tour, currency: currency, rates: rate) }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record actual expenses (CSV: date,category,trip,amount,currency,note,receipt[,rate]).",
            discussion: CommandHelp.budgetActualsAdd)
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var target: Target
        @Argument(help: "Expenses CSV.") var file: String
        func run() async throws {
            // Recording expenses is an import (of the treasurer's file): like `import`, it may create the store.
            let report = try await Planner.withoutStore().recordActuals(
                RecordActualsQuery(file: file, target: target.target),
                openStore: { try TourDatabase.openOrCreate(path: database.resolvedPath) },
                existingStore: { try database.location.open(.ifPresent) })
            printOutput(try report.render(.table))
        }
    }

    /// The earlier spelling of `add`, kept so existing scripts work.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.actualsImport, shouldDisplay: false)
        @OptionGroup var add: Add
        func run() async throws { try await add.run() }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.actualsList)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Only this tour's expenses.") var tour: String?
        @Option(help: "Output format.") var format: BudgetCommand.Format = .table
        func run() async throws {
            printOutput(try await database.expenses().actuals(tour: tour).render(format.rendering))
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.actualsEdit)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The expense id (from `budget actuals list`).") var id: Int64
        @Option(help: "Move it to another tour.") var tour: String?
        @Option(help: "Date (2014-06-07).") var date: String?
        @Option(help: "Budget category.") var category: String?
        @Option(help: "Trip label.") var trip: String?
        @Option(help: "Amount paid, in its currency.") var amount: String?
        @Option(help: "Currency paid (ISO 4217).") var currency: String?
        @Option(help: "Budget-currency units per unit paid; \"\" removes it.") var rate: String?
        @Option(help: "The budget's currency the rate converts to.") var budgetCurrency: String?
        @Option(help: "Note.") var note: String?
        @Option(help: "Receipt reference, yes, or no (missing).") var receipt: String?
        func run() async throws {
            let change = ActualExpenseChange(
                tour: tour, date: date, category: category, trip: trip, amount: amount, currency: currency, rate: rate,
                budgetCurrency: budgetCurrency, note: note, receipt: receipt)
            try usage { try change.checkNotEmpty() }
            printOutput(
                try await database.expenses().editActual(ExpenseID(rawValue: id), change: change).render(.table))
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete recorded expenses (all or none); re-importing their file does not bring them back.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Expense ids (from `budget actuals list`).") var ids: [Int64]
        func validate() throws { _ = try usage { try ExpenseID.arguments(ids) } }
        func run() async throws {
            printOutput(try await database.expenses().deleteActuals(try ExpenseID.arguments(ids)).render(.table))
        }
    }

    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CommandHelp.actualsRestore)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Ids of deleted expenses (as `budget actuals delete` printed them).") var ids: [Int64]
        func validate() throws { _ = try usage { try ExpenseID.arguments(ids) } }
        func run() async throws {
            printOutput(try await database.expenses().restoreActuals(try ExpenseID.arguments(ids)).render(.table))
        }
    }
}
