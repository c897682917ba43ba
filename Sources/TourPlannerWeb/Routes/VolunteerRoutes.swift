import Foundation
import Hummingbird
import TourPlanner

/// The volunteer's pages: `/calls` (today's list with one-tap outcomes and Undo, Post/Redirect/Get)
/// and `/texts`. A volunteer sees only their own tasks: another volunteer's task answers 404.
enum VolunteerRoutes {
    static func register(on router: Router<WebRequestContext>, environment: WebEnvironment) throws {
        let page = Page(environment: environment)
        let buttons = try CallsPage.buttons(environment)

        router.get("/calls") { request, context -> Response in
            let signedIn = try context.requireRole(.volunteer, request: request)
            let now = environment.now()
            guard
                let (volunteer, date, lists) = try await CallsPage.lists(
                    asked: request.uri.queryParameters.get("volunteer"),
                    dateText: request.uri.queryParameters.get("date"), signedIn: signedIn, now: now,
                    environment: environment)
            else {
                return try await CallsPage.chooser(page, path: "/calls", request: request, context: context)
            }
            if Page.wantsJSON(request) { return Page.json(try JSONOutput.encode(lists.report) + "\n") }
            let notice = try await CallsPage.notice(request, signedIn: signedIn, environment: environment)
            // A refresh within the minute is the same page: kept until the store changes.
            let key = StoreCache.Key.callPage(
                volunteer: volunteer.name, date: date, minute: CallsPage.minute(now), csrf: signedIn.session.csrfToken,
                notice: notice)
            let body = try environment.cache.value(key) {
                let view = CallsPage.view(
                    lists.worded, date: date, volunteer: volunteer, signedIn: signedIn, notice: notice, now: now,
                    buttons: buttons, pendingDays: lists.pendingDays)
                return try environment.templates.render(view, template: "web/calls")
            }
            return try page.html(
                body: body, title: "Calls for \(WebDates.day(date))", request: request, context: context)
        }

        router.post("/calls/{task}/outcome") { request, context -> Response in
            let signedIn = try context.requireRole(.volunteer, request: request)
            let pathID = try context.parameters.require("task")
            let task = try await CallsPage.task(pathID: pathID, signedIn: signedIn, environment: environment)
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            guard let text = form["outcome"], let outcome = CallOutcome(rawValue: text) else {
                throw HTTPError(
                    .unprocessableContent,
                    message: "Choose one of the outcome buttons (got \"\(form["outcome"] ?? "")\").")
            }
            let note = (form["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard note.count <= 500 else {
                throw HTTPError(
                    .unprocessableContent, message: "The note has \(note.count) characters; keep it under 500.")
            }
            let query = OutcomeQuery(
                taskID: task.taskId, outcome: outcome, note: note.isEmpty ? nil : note,
                volunteer: signedIn.account.volunteer ?? signedIn.account.name, now: environment.now(),
                rules: environment.rules)
            let report = try await environment.blockingWrite { try environment.planner.logOutcome(query) }
            if Page.wantsJSON(request) { return Page.json(try JSONOutput.encode(report) + "\n") }
            return Page.redirect(to: back("logged=\(pathID)", form: form, signedIn: signedIn, task: task))
        }

        router.post("/calls/{task}/undo") { request, context -> Response in
            let signedIn = try context.requireRole(.volunteer, request: request)
            let pathID = try context.parameters.require("task")
            let task = try await CallsPage.task(pathID: pathID, signedIn: signedIn, environment: environment)
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
            guard let outcomeID = form["outcome"].flatMap({ Int64($0) }) else {
                throw HTTPError(
                    .unprocessableContent, message: "Use the Undo button next to the outcome to take it back.")
            }
            // The form names the outcome it shows: sent again (a refresh), it finds that outcome
            // undone and changes nothing, never undoing the one before.
            let query = OutcomeUndoQuery(
                taskID: task.taskId, outcomeID: outcomeID,
                actor: signedIn.account.volunteer ?? signedIn.account.name, now: environment.now())
            let report = try await environment.blockingWrite { try environment.planner.undoOutcome(query) }
            if Page.wantsJSON(request) { return Page.json(try JSONOutput.encode(report) + "\n") }
            return Page.redirect(
                to: back("undone=\(report.outcomeID)", form: form, signedIn: signedIn, task: task))
        }

        router.get("/texts") { request, context -> Response in
            let signedIn = try context.requireRole(.volunteer, request: request)
            guard
                let volunteer = try await CallsPage.volunteer(for: signedIn, request: request, environment: environment)
            else {
                return try await CallsPage.chooser(page, path: "/texts", request: request, context: context)
            }
            let date = try CallsPage.date(request, volunteer: volunteer, now: environment.now())
            let report = try await environment.blocking {
                try environment.planner.texts(date: date, volunteer: volunteer.name, rules: environment.rules)
            }
            return try page.render(
                report, template: "web/texts", title: "Texts for \(WebDates.day(date))",
                view: TextsPage.view(report, date: date, volunteer: volunteer, signedIn: signedIn), request: request,
                context: context)
        }
    }

    /// The call list a POST returns to: `/calls?NOTICE`, on the form's day, and for an organizer
    /// the task's volunteer's list.
    static func back(_ notice: String, form: FormFields, signedIn: SignedIn, task: ReminderTask) -> String {
        var back = "/calls?\(notice)"
        if let date = form["date"].flatMap(CalendarDate.init(iso:)) { back += "&date=\(date)" }
        if signedIn.account.role == .organizer { back += "&volunteer=" + QueryValue.escape(task.volunteer) }
        return back
    }
}
