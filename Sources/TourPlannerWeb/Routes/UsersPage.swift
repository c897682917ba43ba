import Foundation
import Hummingbird
import TourPlanner

/// `/users`: the web app's accounts, as `tourplan users list`, with forms to add one (a one-time
/// welcome link, shown once), change one's role, disable one (ticked confirmation; never one's
/// own), enable one again and reset one (a new link) — the same calls as `tourplan users
/// add|role|disable|enable|reset`. The last enabled organizer is never demoted or disabled.
enum UsersPage {
    /// The form's words for the flags of the CLI command it stands for, which the errors name.
    static let wording = WebWording(
        fields: [("--volunteer", "Volunteer"), ("--role", "Role")],
        fallbackHint: "correct the account and add it again")

    /// A link just issued, shown once on the page the POST redirects to.
    struct Issued: Sendable {
        var name: String
        var role: String
        var link: String
        var isReset: Bool
    }

    /// The page's JSON: the accounts (never a password hash or a link).
    struct Report: Encodable {
        struct Entry: Encodable {
            var name: String
            var role: String
            var volunteer: String?
            var password: String
            var status: String
        }
        var accounts: [Entry]
    }

    /// What the add form sent, kept to fill it again when it is refused.
    struct AddForm {
        var name = ""
        var role = WebAccount.Role.volunteer.rawValue
        var volunteer = ""
    }

    static func register(on router: Router<WebRequestContext>, page: Page) {
        let environment = page.environment
        let shelf = ResultShelf<Issued>(capacity: 20)
        let notices = ResultShelf<String>(capacity: 20)
        let planner = environment.planner
        let accounts = WebAccounts(
            store: environment.store, baseURL: environment.settings.publicBaseURL,
            bcryptCost: environment.settings.bcryptCost)

        router.get("/users") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            var notice: String?
            if let id = request.uri.queryParameters.get("done") { notice = notices.take(id, for: signedIn) }
            let issued = request.uri.queryParameters.get("issued").flatMap { shelf.take($0, for: signedIn, once: true) }
            return try await list(
                page, request: request, context: context, signedIn: signedIn, form: AddForm(), issued: issued,
                notice: notice)
        }

        router.post("/users") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let fields = try await OrganizerRoutes.form(request, context: context)
            func text(_ name: String) -> String {
                (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let form = AddForm(name: text("name"), role: text("role"), volunteer: text("volunteer"))
            do {
                guard !form.name.isEmpty else {
                    throw PlannerError("Sign-in name is empty", hint: "enter the name the person will sign in with")
                }
                guard let role = WebAccount.Role(rawValue: form.role) else {
                    throw PlannerError(
                        "Role \"\(form.role)\" is not a role", hint: "choose organizer, treasurer or volunteer")
                }
                if role == .volunteer && form.volunteer.isEmpty {
                    throw PlannerError(
                        "a volunteer account needs its volunteer of the schedule",
                        hint: "choose the volunteer this account calls as")
                }
                let volunteer = form.volunteer.isEmpty ? nil : form.volunteer
                let now = environment.now()
                let added = try await environment.blockingWrite {
                    try accounts.add(name: form.name, role: role, volunteer: volunteer, password: nil, now: now)
                }
                let issued = Issued(
                    name: added.account.name, role: role.rawValue, link: added.welcomeLink ?? "", isReset: false)
                return Page.redirect(to: "/users?issued=\(shelf.put(issued, for: signedIn))")
            } catch let error as PlannerError {
                return try await list(
                    page, request: request, context: context, signedIn: signedIn, form: form,
                    error: wording.text(of: error))
            }
        }

        router.post("/users/disable") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let fields = try await OrganizerRoutes.form(request, context: context)
            let name = fields["name"] ?? ""
            try refuseOwn(name, signedIn, "disable your own account", ask: "disable it")
            guard fields["confirm"] == "yes" else {
                throw HTTPError(
                    .unprocessableContent,
                    message: "Tick “Yes, disable \(name)” next to the button to confirm, then press Disable again.")
            }
            return try await change(page, notices, request: request, context: context, signedIn: signedIn) {
                try planner.disableAccount(name: name)
            }
        }

        router.post("/users/enable") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let name = try await OrganizerRoutes.form(request, context: context)["name"] ?? ""
            return try await change(page, notices, request: request, context: context, signedIn: signedIn) {
                try planner.enableAccount(name: name)
            }
        }

        router.post("/users/role") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let fields = try await OrganizerRoutes.form(request, context: context)
            let name = fields["name"] ?? ""
            try refuseOwn(name, signedIn, "change your own role here", ask: "change it")
            let volunteer = fields["volunteer"].flatMap { $0.isEmpty ? nil : $0 }
            return try await change(page, notices, request: request, context: context, signedIn: signedIn) {
                guard let role = WebAccount.Role(rawValue: fields["role"] ?? "") else {
                    throw PlannerError(
                        "Role \"\(fields["role"] ?? "")\" is not a role",
                        hint: "choose organizer, treasurer or volunteer")
                }
                return try planner.changeRole(name: name, to: role, volunteer: role == .volunteer ? volunteer : nil)
            }
        }

        router.post("/users/reset") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let fields = try await OrganizerRoutes.form(request, context: context)
            let name = fields["name"] ?? ""
            guard name != signedIn.account.name else {
                throw HTTPError(
                    .unprocessableContent,
                    message: "Resetting your own account would sign you out with no way back in. Ask another organizer."
                )
            }
            let now = environment.now()
            let reset = try await environment.blockingWrite { try accounts.reset(name: name, now: now) }
            let issued = Issued(
                name: reset.account.name, role: reset.account.role.rawValue, link: reset.welcomeLink ?? "",
                isReset: true)
            return Page.redirect(to: "/users?issued=\(shelf.put(issued, for: signedIn))")
        }
    }

    /// Runs an account change on the write pool: 303 back to the account on /users with a notice
    /// (shown once), or the page with the refusal (422) when the library refuses it.
    static func change(
        _ page: Page, _ notices: ResultShelf<String>, request: Request, context: WebRequestContext,
        signedIn: SignedIn, _ body: @escaping @Sendable () throws -> AccountChangeReport
    ) async throws -> Response {
        do {
            let report = try await page.environment.blockingWrite(body)
            let account = report.account
            let notice =
                report.action == .enabled && !account.hasPassword
                ? "Enabled \(account.name); it has no password yet: press “New link” to make it one."
                : try report.render(.table)
            return Page.redirect(to: "/users?done=\(notices.put(notice, for: signedIn))#account-\(account.id)")
        } catch let error as PlannerError {
            return try await list(
                page, request: request, context: context, signedIn: signedIn, form: AddForm(),
                changeError: wording.text(of: error))
        }
    }

    static func list(
        _ page: Page, request: Request, context: WebRequestContext, signedIn: SignedIn, form: AddForm,
        issued: Issued? = nil, notice: String? = nil, error: String? = nil, changeError: String? = nil
    ) async throws -> Response {
        let environment = page.environment
        let (all, team) = try await environment.blocking {
            (try environment.store.accounts(), try environment.store.volunteers())
        }
        let report = Report(
            accounts: all.map { account in
                Report.Entry(
                    name: account.name, role: account.role.rawValue, volunteer: account.volunteer,
                    password: account.hasPassword ? "set" : "link pending",
                    status: account.isDisabled ? "disabled" : "active")
            })
        var view: [String: Any] = [
            "csrf": signedIn.session.csrfToken,
            "accounts": all.map { account -> [String: Any] in
                [
                    "name": account.name, "role": account.role.rawValue, "volunteer": account.volunteer ?? "none",
                    "password": account.hasPassword ? "set" : "link pending", "disabled": account.isDisabled,
                    "isSelf": account.id == signedIn.account.id, "slug": "account-\(account.id)",
                    "roles": WebAccount.Role.allCases.map { ["value": $0.rawValue, "selected": $0 == account.role] },
                    "volunteers": team.map { ["name": $0.name, "selected": $0.name == account.volunteer] },
                ]
            },
            "name": form.name,
            "roles": WebAccount.Role.allCases.map { ["value": $0.rawValue, "selected": $0.rawValue == form.role] },
            "volunteers": team.map { ["name": $0.name, "selected": $0.name == form.volunteer] },
            "noVolunteer": form.volunteer.isEmpty,
        ]
        if let issued {
            view["issued"] = [
                "name": issued.name, "role": issued.role, "link": issued.link,
                "what": issued.isReset ? "Reset \(issued.name)" : "Added \(issued.role) \(issued.name)",
            ]
        }
        if let notice { view["notice"] = notice }
        if let error { view["error"] = error }
        if let changeError { view["changeError"] = changeError }
        return try page.render(
            report, template: "web/users", title: "Users", view: view, request: request, context: context,
            status: error == nil && changeError == nil ? .ok : .unprocessableContent)
    }

    /// 422 when an organizer acts on their own account: "You cannot WHAT. Ask another organizer to
    /// ASK on their Users page."
    static func refuseOwn(_ name: String, _ signedIn: SignedIn, _ what: String, ask: String) throws {
        guard name == signedIn.account.name else { return }
        throw HTTPError(
            .unprocessableContent, message: "You cannot \(what). Ask another organizer to \(ask) on their Users page.")
    }
}
