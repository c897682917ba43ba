public import Foundation

extension Planner {
    /// Saves `plan` in the store as tour `name`'s plan (`tour plan --save NAME`, the tours page).
    /// A plan already saved under that name is replaced only when `replacing` is true
    /// (`--replace`, the "Replace the saved tour" checkbox), and the report says so.
    ///
    /// - Throws: `PlannerError` for an invalid name, a saved plan not to be replaced, or no store;
    ///   the store's errors.
    public func saveTourPlan(_ plan: TourPlan, name: String, replacing: Bool) async throws -> TourSavedReport {
        let replaced = try requireStore().saveTourPlan(plan, name: name, replacing: replacing)
        return TourSavedReport(name: name, part: .plan, replaced: replaced)
    }

    /// Checks, before anything is planned, that a plan may be saved as tour `name`: the name keeps
    /// the rule and, unless `replacing`, no plan is saved under it yet.
    ///
    /// - Throws: `PlannerError` for an invalid name, a saved plan not to be replaced, or no store.
    public func checkTourSave(name: String, replacing: Bool) throws {
        try SavedTour.validate(name: name)
        if !replacing { try TourDatabase.checkNoPlan(try requireStore().savedTour(named: name)) }
    }

    /// The saved tours (`tourplan tour list`, the tours page): each one's plan dates, trips,
    /// trainings and stops, its budget template and currency, and how many expenses belong to it.
    ///
    /// - Throws: `PlannerError` when there is no store; `BudgetError` naming the tour's template
    ///   when a saved template no longer parses; the store's errors.
    public func savedTours() throws -> SavedToursReport {
        let store = try requireStore()
        let expenses = Dictionary(grouping: try store.actuals(), by: \.tour).mapValues(\.count)
        return SavedToursReport(
            tours: try store.savedTours().map { tour in
                let trips = tour.plan?.trips ?? []
                return SavedToursReport.Entry(
                    name: tour.name, hasPlan: tour.plan != nil, trips: trips.count,
                    trainings: tour.plan?.totals.trainings ?? 0, stops: trips.flatMap { $0.stops.map(\.metro) },
                    from: trips.map(\.start).min(), to: trips.map(\.end).max(),
                    templateFile: tour.templateText == nil ? nil : (tour.templateFile ?? "saved template"),
                    currency: try tour.templateText.map {
                        try BudgetTemplate.parse($0, fileName: tour.templateFile ?? "tour \(tour.name)").currency
                            .rawValue
                    },
                    expenses: expenses[tour.name] ?? 0)
            })
    }

    /// Deletes saved tour `name` with its plan and budget template (`tourplan tour delete NAME`, the
    /// tours page), unless expenses belong to it: the treasurer moves them to another tour or
    /// deletes them first.
    ///
    /// - Throws: `PlannerError` for an unknown tour, a tour with expenses (saying how many and
    ///   what to do) or no store; the store's errors.
    public func deleteSavedTour(name: String) throws -> TourDeletedReport {
        switch try requireStore().deleteSavedTour(named: name) {
        case .notFound:
            throw PlannerError(
                "there is no saved tour \"\(name)\"", hint: "`tourplan tour list` shows the saved tours")
        case .refused(_, let expenses):
            throw PlannerError(
                "tour \"\(name)\" cannot be deleted: "
                    + (expenses == 1 ? "1 recorded expense belongs" : "\(expenses) recorded expenses belong")
                    + " to it",
                hint: "the treasurer must first move them to another tour or delete them; "
                    + "`tourplan budget actuals edit ID --tour OTHER` or `tourplan budget actuals delete ID`")
        case .removed(let tour):
            return TourDeletedReport(tour: tour)
        }
    }

    /// Saves the budget template at `templatePath` in the store as tour `name`'s template
    /// (`budget TEMPLATE --save NAME`), after checking that it parses. A template already saved
    /// under that name is replaced only when `replacing` is true (`--replace`), and the report says
    /// so; a tour saved with a plan only takes a template without it.
    ///
    /// - Throws: `PlannerError` for an invalid name, a saved template not to be replaced, an
    ///   unreadable file or no store; `BudgetError` for a bad template; the store's errors.
    public func saveTourBudget(templatePath: String, name: String, replacing: Bool = false) async throws
        -> TourSavedReport
    {
        try SavedTour.validate(name: name)
        return try await saveTourBudget(
            text: try PlannerFiles.budgetTemplate(templatePath), file: templatePath, name: name, replacing: replacing)
    }

    /// Saves a budget template's text (read from `file`, e.g. a bundled template) as tour `name`'s
    /// template, after checking that it parses, as `saveTourBudget(templatePath:name:replacing:)` does.
    ///
    /// - Throws: `PlannerError` for an invalid name, a saved template not to be replaced or no
    ///   store; `BudgetError` for a bad template; the store's errors.
    package func saveTourBudget(text: String, file: String, name: String, replacing: Bool) async throws
        -> TourSavedReport
    {
        try SavedTour.validate(name: name)
        _ = try BudgetTemplate.parse(text, fileName: file)
        let replaced = try requireStore().saveTourTemplate(text, file: file, name: name, replacing: replacing)
        return TourSavedReport(name: name, part: .budget, replaced: replaced)
    }

    /// The saved tours, each with its budget (every scenario side by side, the funding gap, and
    /// its recorded expenses against the plan) when a template is saved for it.
    ///
    /// - Throws: `PlannerError` when there is no store; `BudgetError` naming the tour's template
    ///   when a saved template no longer parses; the store's errors.
    public func tourBudgets() async throws -> TourBudgetsReport {
        var entries: [TourBudgetsReport.Entry] = []
        for tour in try requireStore().savedTours() {
            var entry = TourBudgetsReport.Entry(name: tour.name, hasPlan: tour.plan != nil, statement: nil)
            if let text = tour.templateText {
                entry.statement = try budgetStatement(
                    text: text, fileName: tour.templateFile ?? "tour \(tour.name)", plan: tour.plan, scenario: nil,
                    compare: true, tour: tour.name)
            }
            entries.append(entry)
        }
        return TourBudgetsReport(tours: entries)
    }

    /// Records one expense for saved tour `tour`, from form fields checked exactly as
    /// `budget actuals edit` checks its flags (same errors). The expense is converted to the tour's
    /// budget currency (the saved template's) at `fields.rate` when paid in another currency.
    ///
    /// - Parameters:
    ///   - tour: the saved tour the expense belongs to.
    ///   - fields: the expense's fields (date, category, amount, currency, rate, trip, note, receipt).
    ///   - source: the name recorded as the expense's source (e.g. "web").
    /// - Returns: the stored expense, as `budget actuals edit` reports a change.
    /// - Throws: `PlannerError` for an unknown tour, a tour without a template, a missing date,
    ///   category or amount, or no store; `BudgetError` for a bad field.
    public func addExpenseBlocking(
        tour: String, fields: ActualExpenseChange, source: String = "web"
    ) throws -> ActualsChangeReport {
        let store = try requireStore()
        let currency = try Self.savedTourCurrency(tour, in: store)
        for (flag, value) in [("--date", fields.date), ("--category", fields.category), ("--amount", fields.amount)]
        where (value ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw PlannerError("\(flag) is missing", hint: "every expense needs a date, a category and an amount")
        }
        var change = fields
        change.tour = nil
        change.currency = (fields.currency ?? "").isEmpty ? currency.rawValue : fields.currency
        change.budgetCurrency = currency.rawValue
        let blank = ActualExpense(
            tour: tour, date: CalendarDate(year: 1970, month: 1, day: 1), category: "other", trip: "",
            amount: Money(minorUnits: 0, currency: currency), budgetCurrency: currency, rate: nil, note: "",
            receipt: "", sourceFile: source, line: 0)
        var expense = try change.applied(to: blank)
        expense.occurrence = try store.nextOccurrence(tour: tour, contentKey: expense.contentKey)
        _ = try store.recordActuals([expense])
        guard let recorded = try store.actuals(tour: tour).last(where: { $0.identityKey == expense.identityKey })
        else {
            throw PlannerError(
                "expense \(expense.contentKey) was not recorded", hint: "try again; the store refused it")
        }
        return ActualsChangeReport(action: .added, expenses: [recorded])
    }

    /// Keeps an uploaded receipt in `receipts` and records its stored name as expense `id`'s
    /// receipt (through `editActual`, so the expense is checked as `budget actuals edit` checks it).
    /// Nothing is recorded when the file is refused.
    ///
    /// - Throws: `ReceiptError` for a file too large or not a PDF, JPEG, PNG or HEIC; `PlannerError`
    ///   for an unknown expense or no store.
    public func attachReceiptBlocking(_ data: Data, to id: ExpenseID, in receipts: ReceiptStore) throws
        -> ActualsChangeReport
    {
        guard try requireStore().actual(id: id) != nil else {
            throw PlannerError(
                "expense \(id) is not a recorded expense", hint: "see the ids with `tourplan budget actuals list`")
        }
        let name = try receipts.save(data)
        return try editActualBlocking(id, change: ActualExpenseChange(receipt: name))
    }
}
