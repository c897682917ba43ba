import Foundation
import Hummingbird
import Synchronization
import TourPlanner

/// The organizer's pages: `/import`, `/members`, `/rank`, `/markers`, `/tours`, `/events`,
/// `/volunteers` and `/users`, one file each. Only organizers open them (others 403, anonymous
/// 303 to /login or 401 for JSON); each calls the same `Planner` use case as its CLI command.
enum OrganizerRoutes {
    static func register(on router: Router<WebRequestContext>, environment: WebEnvironment) {
        let page = Page(environment: environment)
        ImportPage.register(on: router, page: page)
        MembersPage.register(on: router, page: page)
        RankPage.register(on: router, page: page)
        MarkersPage.register(on: router, page: page)
        ToursPage.register(on: router, page: page)
        EventsPage.register(on: router, page: page)
        VolunteersPage.register(on: router, page: page)
        UsersPage.register(on: router, page: page)
    }

    /// A report's page: the CLI's `--format json` text for `Accept: application/json`, else the
    /// template in the layout.
    static func render(
        _ report: some RenderableReport, page: Page, template: String, title: String, view: [String: Any],
        request: Request, context: WebRequestContext, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        if Page.wantsJSON(request) {
            let text = try report.render(.json)
            return Page.json(text.hasSuffix("\n") ? text : text + "\n", status: status)
        }
        return try page.html(
            template: template, title: title, view: view, request: request, context: context, status: status)
    }

    /// The url-encoded form of a POST.
    static func form(_ request: Request, context: WebRequestContext) async throws -> FormFields {
        var request = request
        return FormFields(String(buffer: try await request.collectBody(upTo: context.maxUploadSize)))
    }
}

/// Results a POST leaves for the page it redirects to (Post/Redirect/Get): kept in memory for
/// the session that made them, under an unguessable id, at most `capacity` at a time (the oldest
/// goes first). A refresh of the page shows the result again and repeats nothing.
final class ResultShelf<Value: Sendable>: Sendable {
    private struct Entry {
        var id: String
        var sessionID: String
        var value: Value
    }

    private let entries = Mutex<[Entry]>([])
    let capacity: Int

    init(capacity: Int = 50) { self.capacity = capacity }

    /// Keeps `value` for `signedIn`'s session; returns its id.
    func put(_ value: Value, for signedIn: SignedIn) -> String {
        let id = SecretToken.make()
        entries.withLock { entries in
            entries.append(Entry(id: id, sessionID: signedIn.sessionID, value: value))
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
        return id
    }

    /// The value kept under `id` for this session (nil for another session's or a forgotten one);
    /// `once` forgets it as it is read (a one-time link is shown once).
    func take(_ id: String, for signedIn: SignedIn, once: Bool = false) -> Value? {
        entries.withLock { entries in
            guard let index = entries.firstIndex(where: { $0.id == id && $0.sessionID == signedIn.sessionID })
            else { return nil }
            let value = entries[index].value
            if once { entries.remove(at: index) }
            return value
        }
    }
}
