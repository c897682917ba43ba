import Foundation
import Hummingbird
import Logging
import TourPlanner

/// The treasurer's pages (treasurers and organizers; volunteers get 403):
///
/// - `GET /budget[?tour=NAME]`: a saved tour's budget, every scenario side by side, the funding
///   gap and the actuals against the plan per line.
/// - `GET /expenses[?tour=NAME]`: the tour's expenses, the variance per line and the add form;
///   `POST /expenses?tour=NAME` adds one (url-encoded, or multipart with a receipt file).
/// - `GET /expenses/{id}/edit`, `POST /expenses/{id}`: change one.
/// - `GET /expenses/{id}/delete` (confirmation), `POST /expenses/{id}/delete` with `confirm=yes`;
///   `POST /expenses/{id}/restore` brings a deleted one back (the list's Undo after a deletion).
/// - `POST /expenses/{id}/receipt` (multipart upload), `GET /expenses/{id}/receipt` (the stored file).
/// - `GET /expenses.csv?tour=NAME`: the list as spreadsheet-safe CSV.
///
/// Every POST redirects (Post/Redirect/Get); a refused form is shown again with what was typed
/// and the error next to it.
enum TreasurerRoutes {
    static func register(on router: Router<WebRequestContext>, environment: WebEnvironment) {
        let page = Page(environment: environment)

        router.get("/budget") { request, context -> Response in
            _ = try context.requireRole(.treasurer, request: request)
            let report = try await BudgetPage.report(environment)
            let chosen = try BudgetPage.choose(report, request: request)
            return try page.render(
                report, template: "web/budget", title: "Budget",
                view: try BudgetPage.view(report, chosen: chosen, environment: environment), request: request,
                context: context)
        }

        router.get("/expenses") { request, context -> Response in
            let signedIn = try context.requireRole(.treasurer, request: request)
            let tours = try await ExpensePage.tours(request, environment: environment)
            return try await ExpensePage.list(
                page, request: request, context: context, signedIn: signedIn, tours: tours)
        }

        router.post("/expenses") { request, context -> Response in
            let signedIn = try context.requireRole(.treasurer, request: request)
            var request = request
            let submitted = try await ExpensePage.read(&request, context: context)
            let tours = try await ExpensePage.tours(request, environment: environment)
            guard let entry = tours.entry, entry.statement != nil else {
                throw HTTPError(
                    .unprocessableContent,
                    message: "This tour has no saved budget template, so an expense cannot be added to it. "
                        + BudgetPage.askForTemplate(tour: tours.entry?.name))
            }
            do {
                var receipts: ReceiptStore?
                if let file = submitted.file {
                    _ = try ReceiptStore.check(file.data)  // refused before anything is recorded
                    receipts = try ExpensePage.receipts(environment)
                }
                let planner = environment.planner
                let (tour, change) = (entry.name, submitted.form.change())
                var report = try await environment.blockingWrite {
                    try planner.addExpenseBlocking(tour: tour, fields: change, source: "web")
                }
                guard let id = report.expenses.first?.id else {
                    throw HTTPError(.internalServerError, message: "The expense was not recorded. Try again.")
                }
                if let file = submitted.file, let receipts {
                    do {
                        let data = file.data
                        report = try await environment.blockingWrite {
                            try planner.attachReceiptBlocking(data, to: id, in: receipts)
                        }
                        report.action = .added
                    } catch let error as ReceiptError {
                        throw HTTPError(
                            .internalServerError,
                            message: "Expense \(id.rawValue) was recorded, but its receipt could not be stored "
                                + "(\(error.message)). Upload it again from the expense's edit page.")
                    }
                }
                if Page.wantsJSON(request) { return Page.json(try JSONOutput.encode(report) + "\n") }
                return Page.redirect(to: ExpensePage.listHref(entry.name) + "&added=\(id.rawValue)")
            } catch {
                guard let problem = ExpenseForm.problem(error) else { throw error }
                if Page.wantsJSON(request) {
                    throw HTTPError(problem.status, message: problem.message + (problem.hint.map { " " + $0 } ?? ""))
                }
                return try await ExpensePage.list(
                    page, request: request, context: context, signedIn: signedIn, tours: tours, form: submitted.form,
                    problem: problem)
            }
        }

        router.get("/expenses.csv") { request, context -> Response in
            _ = try context.requireRole(.treasurer, request: request)
            let tours = try await ExpensePage.tours(request, environment: environment)
            guard let entry = tours.entry else {
                throw HTTPError(.notFound, message: "No tour is saved yet, so there are no expenses to export.")
            }
            let list = try await environment.planner.actuals(tour: entry.name)
            let name = String(entry.name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"expenses-\(name).csv\"",
                    .cacheControl: "private, no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(string: try list.render(.csv))))
        }

        router.get("/expenses/{id}/edit") { request, context -> Response in
            let signedIn = try context.requireRole(.treasurer, request: request)
            let expense = try await ExpensePage.expense(context, environment: environment)
            return try await ExpensePage.edit(
                page, request: request, context: context, signedIn: signedIn, expense: expense)
        }

        router.post("/expenses/{id}") { request, context -> Response in
            let signedIn = try context.requireRole(.treasurer, request: request)
            let expense = try await ExpensePage.expense(context, environment: environment)
            guard let id = expense.id else { throw HTTPError(.notFound, message: "There is no such expense.") }
            var request = request
            let submitted = try await ExpensePage.read(&request, context: context)
            do {
                let budget = try await ExpensePage.budget(of: expense, environment: environment)
                let change = submitted.form.change(
                    budgetCurrency: expense.budgetCurrency == nil ? budget.currency : nil)
                let report = try await environment.blockingWrite {
                    try environment.planner.editActualBlocking(id, change: change)
                }
                if Page.wantsJSON(request) { return Page.json(try JSONOutput.encode(report) + "\n") }
                return Page.redirect(to: ExpensePage.listHref(expense.tour) + "&updated=\(id.rawValue)")
            } catch {
                guard let problem = ExpenseForm.problem(error) else { throw error }
                if Page.wantsJSON(request) {
                    throw HTTPError(problem.status, message: problem.message + (problem.hint.map { " " + $0 } ?? ""))
                }
                return try await ExpensePage.edit(
                    page, request: request, context: context, signedIn: signedIn, expense: expense,
                    form: submitted.form, problem: problem)
            }
        }

        router.get("/expenses/{id}/delete") { request, context -> Response in
            let signedIn = try context.requireRole(.treasurer, request: request)
            let expense = try await ExpensePage.expense(context, environment: environment)
            return try ExpensePage.confirmDelete(
                page, request: request, context: context, signedIn: signedIn, expense: expense)
        }

        router.post("/expenses/{id}/delete") { request, context -> Response in
            _ = try context.requireRole(.treasurer, request: request)
            let expense = try await ExpensePage.expense(context, environment: environment)
            guard let id = expense.id else { throw HTTPError(.notFound, message: "There is no such expense.") }
            var request = request
            let submitted = try await ExpensePage.read(&request, context: context)
            // Only the confirmation page's button deletes; anything else asks first.
            guard submitted.confirm == "yes" else {
                if Page.wantsJSON(request) {
                    throw HTTPError(
                        .unprocessableContent, message: "Send confirm=yes to delete expense \(id.rawValue).")
                }
                return Page.redirect(to: "/expenses/\(id.rawValue)/delete")
            }
            // The receipt file goes once the deletion is committed; a file that stays is logged
            // (the expense's id and the kind of failure only), the deletion stands.
            let receipts = ReceiptStore.beside(environment.store)
            let deletion = try await environment.blockingWrite {
                try environment.planner.deleteActualsBlocking([id], receipts: receipts)
            }
            for (expense, error) in deletion.unremovedReceipts {
                context.logger.warning(
                    "receipt file of a deleted expense not removed",
                    metadata: ["expense.id": "\(expense?.rawValue ?? 0)", "error.kind": "\(error.kind)"])
            }
            let report = deletion.report
            if Page.wantsJSON(request) { return Page.json(try JSONOutput.encode(report) + "\n") }
            return Page.redirect(to: ExpensePage.listHref(expense.tour) + "&deleted=\(id.rawValue)")
        }

        // Undo of a deletion: the tombstone comes back (its receipt missing if the file went).
        router.post("/expenses/{id}/restore") { request, context -> Response in
            _ = try context.requireRole(.treasurer, request: request)
            let text = try context.parameters.require("id")
            guard let raw = Int64(text), raw > 0, String(raw) == text else {
                throw HTTPError(
                    .notFound, message: "There is no expense \"\(text)\". Open it from the list on /expenses.")
            }
            _ = try await OrganizerRoutes.form(request, context: context)
            let report: ActualsChangeReport
            do {
                report = try await environment.blockingWrite {
                    try environment.planner.restoreActualsBlocking(
                        [ExpenseID(rawValue: raw)], receipts: ReceiptStore.beside(environment.store))
                }
            } catch let error as PlannerError {
                if error.message.hasSuffix("is not deleted") {
                    throw HTTPError(
                        .unprocessableContent, message: "Expense \(raw) is not deleted (it may be restored already).")
                }
                throw HTTPError(.notFound, message: "There is no expense \(raw). Open it from the list on /expenses.")
            }
            if Page.wantsJSON(request) { return Page.json(try JSONOutput.encode(report) + "\n") }
            let tour = report.expenses.first?.tour ?? ""
            let gone = (report.receiptsGone ?? 0) > 0 ? "&receiptGone=1" : ""
            return Page.redirect(to: ExpensePage.listHref(tour) + "&restored=\(raw)\(gone)")
        }

        router.post("/expenses/{id}/receipt") { request, context -> Response in
            let signedIn = try context.requireRole(.treasurer, request: request)
            let expense = try await ExpensePage.expense(context, environment: environment)
            guard let id = expense.id else { throw HTTPError(.notFound, message: "There is no such expense.") }
            var request = request
            let form = try await MultipartForm.read(&request, limit: ExpensePage.uploadLimit, what: "The receipt")
            do {
                guard let file = form.files["receipt"] else {
                    throw ReceiptError(
                        kind: .unsupportedType, message: "no file was chosen",
                        hint: "choose the receipt's PDF or photo, then upload it")
                }
                let (data, receipts) = (file.data, try ExpensePage.receipts(environment))
                let report = try await environment.blockingWrite {
                    try environment.planner.attachReceiptBlocking(data, to: id, in: receipts)
                }
                if Page.wantsJSON(request) { return Page.json(try JSONOutput.encode(report) + "\n") }
                return Page.redirect(to: ExpensePage.listHref(expense.tour) + "&receipt=\(id.rawValue)")
            } catch {
                guard var problem = ExpenseForm.problem(error) else { throw error }
                if form.files["receipt"] == nil { problem.status = .unprocessableContent }
                if Page.wantsJSON(request) {
                    throw HTTPError(problem.status, message: problem.message + (problem.hint.map { " " + $0 } ?? ""))
                }
                return try await ExpensePage.edit(
                    page, request: request, context: context, signedIn: signedIn, expense: expense,
                    receiptProblem: problem)
            }
        }

        router.get("/expenses/{id}/receipt") { request, context -> Response in
            _ = try context.requireRole(.treasurer, request: request)
            let expense = try await ExpensePage.expense(context, environment: environment)
            return try ReceiptResponse.make(expense, environment: environment)
        }
    }
}
