import Foundation
import Hummingbird
import TourPlanner

/// What the `/expenses` pages share: which tour and expense a request is about, reading the
/// submitted form, and the list, edit and delete pages' view models.
enum ExpensePage {
    /// `/expenses`'s JSON: the tour, its budget currency, its expenses and the variance per line.
    struct Report: Encodable {
        var tour: String
        var currency: CurrencyCode
        var expenses: [ActualExpense]
        var variance: BudgetVariance
    }

    /// A submitted expense form: its values, the `confirm` field (delete) and the receipt file.
    struct Submitted {
        var form: ExpenseForm
        var confirm: String?
        var file: MultipartForm.File?
    }

    /// The largest body an expense or receipt form may send: a receipt and the form's fields.
    static let uploadLimit = ReceiptStore.maximumBytes + 64 * 1024

    /// Reads an expense form, url-encoded or multipart (with a receipt file).
    ///
    /// - Throws: `HTTPError` 415 for another type of body, 413 for one over `uploadLimit`.
    static func read(_ request: inout Request, context: WebRequestContext) async throws -> Submitted {
        if MultipartForm.isMultipart(request) {
            let form = try await MultipartForm.read(&request, limit: uploadLimit, what: "The receipt")
            return Submitted(form: ExpenseForm { form[$0] }, confirm: form["confirm"], file: form.files["receipt"])
        }
        guard request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true else {
            throw HTTPError(
                .unsupportedMediaType,
                message:
                    "Send the expense from the page's form (a form body, not \"\(request.headers[.contentType] ?? "")\")."
            )
        }
        let fields = FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
        return Submitted(form: ExpenseForm { fields[$0] }, confirm: fields["confirm"], file: nil)
    }

    /// The saved tours and the one `?tour=` names (else the first with a budget template).
    static func tours(_ request: Request, environment: WebEnvironment) async throws -> (
        report: TourBudgetsReport, entry: TourBudgetsReport.Entry?
    ) {
        let report = try await BudgetPage.report(environment)
        return (report, try BudgetPage.choose(report, request: request) { $0.statement != nil })
    }

    /// The expense the path's `{id}` names.
    ///
    /// - Throws: `HTTPError` 404 for an id that is not a recorded expense's (or not a number).
    static func expense(_ context: WebRequestContext, environment: WebEnvironment) async throws -> ActualExpense {
        let text = try context.parameters.require("id")
        guard let raw = Int64(text), raw > 0, String(raw) == text,
            let expense = try await environment.blocking({ try environment.store.actual(id: ExpenseID(rawValue: raw)) })
        else {
            throw HTTPError(.notFound, message: "There is no expense \"\(text)\". Open it from the list on /expenses.")
        }
        return expense
    }

    /// The receipts folder beside the server's store.
    ///
    /// - Throws: `HTTPError` 503 when the store is in memory (no folder to keep files in).
    static func receipts(_ environment: WebEnvironment) throws -> ReceiptStore {
        guard let receipts = ReceiptStore.beside(environment.store) else {
            throw HTTPError(
                .serviceUnavailable,
                message: "This server's store is in memory, so it cannot keep receipts. Serve a store file instead.")
        }
        return receipts
    }

    /// `/expenses?tour=NAME`.
    static func listHref(_ tour: String) -> String { "/expenses?tour=\(QueryValue.escape(tour))" }

    /// The list page: the tour's expenses, the variance per line and the add form (with what was
    /// typed and why it was refused, when `problem` is given).
    static func list(
        _ page: Page, request: Request, context: WebRequestContext, signedIn: SignedIn,
        tours: (report: TourBudgetsReport, entry: TourBudgetsReport.Entry?), form: ExpenseForm = ExpenseForm(),
        problem: ExpenseForm.Problem? = nil
    ) async throws -> Response {
        let environment = page.environment
        var view: [String: Any] = [
            "empty": tours.report.tours.isEmpty,
            "tours": BudgetPage.picker(tours.report, chosen: tours.entry?.name, path: "/expenses"),
        ]
        view["hasPicker"] = !(view["tours"] as? [[String: Any]] ?? []).isEmpty
        guard let entry = tours.entry else {
            struct Empty: Encodable { var tours: [String] }
            return try page.render(
                Empty(tours: []), template: "web/expenses", title: "Expenses", view: view, request: request,
                context: context)
        }
        view["tour"] = entry.name
        guard let statement = entry.statement else {
            view["noTemplate"] = true
            return try page.render(
                tours.report, template: "web/expenses", title: "Expenses", view: view, request: request,
                context: context)
        }
        let currency = statement.budget.currency
        let expenses = try await environment.planner.actuals(tour: entry.name).expenses
        let variance = BudgetPage.variance(statement, tour: entry.name)
        view["budgetHref"] = "/budget?tour=\(QueryValue.escape(entry.name))"
        view["csvHref"] = "/expenses.csv?tour=\(QueryValue.escape(entry.name))"
        view["rows"] = expenses.map { row($0, budgetCurrency: currency) }
        view["count"] = expenses.count
        view["none"] = expenses.isEmpty
        view["variance"] = try environment.templates.render(
            BudgetPage.varianceView(variance, expensesHref: nil), template: "web/budget-variance")
        view["form"] = try environment.templates.render(
            form.view(
                action: listHref(entry.name), submit: "Add expense", csrf: signedIn.session.csrfToken,
                categories: ExpenseForm.categories(statement.budget), budgetCurrency: currency.rawValue,
                problem: problem, withReceipt: true),
            template: "web/expense-form")
        if let notice = try await notice(request, environment: environment) { view["notice"] = notice }
        if let text = request.uri.queryParameters.get("deleted"), let raw = Int64(text), raw > 0 {
            view["undoDelete"] = ["action": "/expenses/\(raw)/restore", "id": raw, "csrf": signedIn.session.csrfToken]
        }
        if let problem { view["refused"] = problem.message }
        return try page.render(
            Report(tour: entry.name, currency: currency, expenses: expenses, variance: variance),
            template: "web/expenses", title: "Expenses", view: view, request: request, context: context,
            status: problem?.status ?? .ok)
    }

    /// "Added expense 12: …" for `?added=`, `?updated=`, `?receipt=`, `?deleted=` or `?restored=`, read back
    /// from the store (a refresh shows it again and changes nothing).
    static func notice(_ request: Request, environment: WebEnvironment) async throws -> String? {
        let parameters = request.uri.queryParameters
        for (key, verb) in [("added", "Added"), ("updated", "Saved"), ("receipt", "Stored the receipt of")] {
            guard let text = parameters.get(key), let raw = Int64(text) else { continue }
            guard
                let expense = try await environment.blocking({
                    try environment.store.actual(id: ExpenseID(rawValue: raw))
                })
            else { return nil }
            return "\(verb) expense \(raw): \(summary(expense))."
        }
        if let text = parameters.get("deleted"), let raw = Int64(text) {
            return "Deleted expense \(raw). The variance below no longer counts it."
        }
        if let text = parameters.get("restored"), let raw = Int64(text),
            let expense = try await environment.blocking({ try environment.store.actual(id: ExpenseID(rawValue: raw)) })
        {
            let gone =
                parameters.get("receiptGone") == "1"
                ? " Its receipt file was removed with the deletion: upload it again on the expense's page." : ""
            return "Restored expense \(raw): \(summary(expense)).\(gone)"
        }
        return nil
    }

    /// "Sat 7 Jun 2014, fuel €10.00 (= $10.80 at 1.08), trip Boston".
    static func summary(_ expense: ActualExpense) -> String {
        var text = "\(WebDates.day(expense.date)), \(expense.category) \(expense.amount.formatted)"
        if let converted = converted(expense) { text += " (\(converted))" }
        if !expense.trip.isEmpty { text += ", trip \(expense.trip)" }
        return text
    }

    /// "= $10.80 at 1.08" for an expense paid in another currency than its budget's; nil otherwise.
    static func converted(_ expense: ActualExpense) -> String? {
        guard let budget = expense.budgetCurrency, budget != expense.amount.currency else { return nil }
        guard let amount = expense.amount(in: budget), let rate = expense.rate else {
            return "no rate to \(budget): not counted"
        }
        return "= \(amount.formatted) at \(NSDecimalNumber(decimal: rate).stringValue)"
    }

    /// What the list says of a receipt, and the link when it is an uploaded file.
    static func receipt(_ expense: ActualExpense) -> [String: Any] {
        guard let id = expense.id else { return ["text": "missing", "missing": true] }
        if ReceiptStore.isStoredName(expense.receipt) {
            return ["href": "/expenses/\(id.rawValue)/receipt", "text": "Receipt of expense \(id.rawValue)"]
        }
        switch expense.receipt {
        case "": return ["text": "Missing", "missing": true]
        case "yes": return ["text": "On file (no upload)"]
        default: return ["text": "Reference \(expense.receipt) (no upload)"]
        }
    }

    /// One row of the list.
    static func row(_ expense: ActualExpense, budgetCurrency: CurrencyCode) -> [String: Any] {
        let id = expense.id?.rawValue ?? 0
        var row: [String: Any] = [
            "id": id, "date": WebDates.day(expense.date), "category": expense.category.capitalized,
            "amount": expense.amount.formatted, "trip": expense.trip, "note": expense.note,
            "receipt": receipt(expense), "editHref": "/expenses/\(id)/edit", "deleteHref": "/expenses/\(id)/delete",
        ]
        if let converted = converted(expense) { row["converted"] = converted }
        return row
    }

    /// The budget currency and categories for editing an expense of `tour`: its saved template's,
    /// else the expense's own currency and every category.
    static func budget(of expense: ActualExpense, environment: WebEnvironment) async throws -> (
        currency: CurrencyCode, categories: [String], isSaved: Bool
    ) {
        let report = try await BudgetPage.report(environment)
        if let statement = report.tours.first(where: { $0.name == expense.tour })?.statement {
            return (statement.budget.currency, ExpenseForm.categories(statement.budget), true)
        }
        return (expense.budgetCurrency ?? expense.amount.currency, ExpenseForm.categories(nil), false)
    }

    /// The edit page: the expense's form (with what was typed and why it was refused), its
    /// receipt with an upload form, and the way to delete it.
    static func edit(
        _ page: Page, request: Request, context: WebRequestContext, signedIn: SignedIn, expense: ActualExpense,
        form: ExpenseForm? = nil, problem: ExpenseForm.Problem? = nil, receiptProblem: ExpenseForm.Problem? = nil
    ) async throws -> Response {
        let environment = page.environment
        let id = expense.id?.rawValue ?? 0
        let budget = try await budget(of: expense, environment: environment)
        var view: [String: Any] = [
            "id": id, "summary": summary(expense), "tour": expense.tour.isEmpty ? "(none)" : expense.tour,
            "backHref": listHref(expense.tour), "deleteHref": "/expenses/\(id)/delete",
            "receiptAction": "/expenses/\(id)/receipt", "csrf": signedIn.session.csrfToken,
            "receipt": receipt(expense), "hasUpload": ReceiptStore.isStoredName(expense.receipt),
            "receiptHint": "PDF, JPEG, PNG or HEIC, up to \(ReceiptStore.maximumBytes / 1024 / 1024) MB.",
        ]
        view["form"] = try environment.templates.render(
            (form ?? ExpenseForm(expense)).view(
                action: "/expenses/\(id)", submit: "Save changes", csrf: signedIn.session.csrfToken,
                categories: budget.categories, budgetCurrency: budget.currency.rawValue, problem: problem,
                withReceipt: false),
            template: "web/expense-form")
        if let receiptProblem {
            view["receiptError"] = receiptProblem.message + (receiptProblem.hint.map { " " + $0 } ?? "")
        }
        return try page.render(
            expense, template: "web/expense-edit", title: "Edit expense \(id)", view: view, request: request,
            context: context, status: problem?.status ?? receiptProblem?.status ?? .ok)
    }

    /// The delete confirmation page.
    static func confirmDelete(
        _ page: Page, request: Request, context: WebRequestContext, signedIn: SignedIn, expense: ActualExpense
    ) throws -> Response {
        let id = expense.id?.rawValue ?? 0
        var view: [String: Any] = [
            "id": id, "summary": summary(expense), "action": "/expenses/\(id)/delete",
            "csrf": signedIn.session.csrfToken, "backHref": listHref(expense.tour),
            "editHref": "/expenses/\(id)/edit",
            "hasUpload": ReceiptStore.isStoredName(expense.receipt),
        ]
        if !expense.note.isEmpty { view["note"] = expense.note }
        return try page.render(
            expense, template: "web/expense-delete", title: "Delete expense \(id)?", view: view, request: request,
            context: context)
    }
}
