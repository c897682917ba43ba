import Foundation
import Hummingbird
import TourPlanner

/// Server-rendered pages: a template's HTML inside the layout (header with the signed-in name
/// and role, nav by role, sign-out form), or the report's JSON when the request asks for
/// `Accept: application/json`.
struct Page {
    let environment: WebEnvironment

    /// A link of the navigation bar.
    struct NavItem: Sendable {
        var href: String
        var label: String
        var isCurrent: Bool
    }

    /// The page for `report`: JSON when asked for, else `template` rendered with `view` (a
    /// struct or dictionary of already-formatted values) inside the layout.
    func render(
        _ report: some Encodable, template: String, title: String, view: Any, request: Request,
        context: WebRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        if Self.wantsJSON(request) {
            return Self.json(try JSONOutput.encode(report) + "\n", status: status)
        }
        return try html(
            template: template, title: title, view: view, request: request, context: context, status: status)
    }

    /// `template` rendered with `view` inside the layout.
    func html(
        template: String, title: String, view: Any, request: Request, context: WebRequestContext,
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        try html(
            body: try environment.templates.render(view, template: template), title: title, request: request,
            context: context, status: status)
    }

    /// `body` (a rendered template) inside the layout.
    func html(
        body: String, title: String, request: Request, context: WebRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        var layout: [String: Any] = [
            "title": title, "body": body, "nav": nav(for: context.signedIn?.account, path: request.uri.path),
        ]
        if let signedIn = context.signedIn {
            layout["user"] = ["name": signedIn.account.name, "role": signedIn.account.role.rawValue]
            layout["csrf"] = signedIn.session.csrfToken
        }
        let html = try environment.templates.render(layout, template: "web/layout")
        return Self.html(html, status: status)
    }

    /// The navigation links a role sees.
    func nav(for account: WebAccount?, path: String) -> [[String: Any]] {
        guard let account else { return [] }
        let links: [(String, String)]
        switch account.role {
        case .volunteer: links = [("/calls", "Calls"), ("/texts", "Texts")]
        case .treasurer: links = [("/budget", "Budget"), ("/expenses", "Expenses")]
        case .organizer:
            links = [
                ("/calls", "Calls"), ("/texts", "Texts"), ("/volunteers", "Volunteers"), ("/events", "Events"),
                ("/members", "Members"),
                ("/import", "Import"), ("/rank", "Rank"), ("/markers", "Markers"), ("/tours", "Tours"),
                ("/budget", "Budget"), ("/expenses", "Expenses"), ("/users", "Users"),
            ]
        }
        return links.map { ["href": $0.0, "label": $0.1, "current": path == $0.0] }
    }

    /// Whether the client asked for JSON rather than HTML.
    static func wantsJSON(_ request: Request) -> Bool {
        request.headers[.accept]?.contains("application/json") == true
    }

    /// An HTML response.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A JSON response.
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A 303 See Other to `location` (Post/Redirect/Get, and anonymous page requests to /login).
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
