import Foundation
import Hummingbird
import TourPlanner

/// `/volunteers`: the schedule's volunteers, their time zones, their reminder tasks (pending and
/// done), their web accounts, and a link to each one's call list.
enum VolunteersPage {
    /// The page's JSON.
    struct Report: Encodable {
        struct Entry: Encodable {
            var name: String
            var timeZone: String
            var tasks: Int
            var pending: Int
            var done: Int
            var other: Int
            var accounts: [String]
        }
        var volunteers: [Entry]
    }

    static func register(on router: Router<WebRequestContext>, page: Page) {
        let environment = page.environment
        router.get("/volunteers") { request, context -> Response in
            _ = try context.requireRole(.organizer, request: request)
            let (team, tasks, accounts) = try await environment.blocking {
                (try environment.store.volunteers(), try environment.store.tasks(), try environment.store.accounts())
            }
            let report = self.report(team: team, tasks: tasks, accounts: accounts)
            return try page.render(
                report, template: "web/volunteers-team", title: "Volunteers", view: view(report), request: request,
                context: context)
        }
    }

    static func report(team: [Volunteer], tasks: [ReminderTask], accounts: [WebAccount]) -> Report {
        let byVolunteer = Dictionary(grouping: tasks, by: \.volunteer)
        return Report(
            volunteers: team.map { volunteer in
                let own = byVolunteer[volunteer.name] ?? []
                let pending = own.filter { $0.status == .pending }.count
                let done = own.filter { $0.status == .done }.count
                return Report.Entry(
                    name: volunteer.name, timeZone: volunteer.timeZone, tasks: own.count, pending: pending, done: done,
                    other: own.count - pending - done,
                    accounts: accounts.filter { $0.volunteer == volunteer.name && !$0.isDisabled }.map(\.name))
            })
    }

    static func view(_ report: Report) -> [String: Any] {
        [
            "empty": report.volunteers.isEmpty,
            "volunteers": report.volunteers.map { entry -> [String: Any] in
                [
                    "name": entry.name, "zone": entry.timeZone, "tasks": entry.tasks, "pending": entry.pending,
                    "done": entry.done, "other": entry.other,
                    "accounts": entry.accounts.isEmpty ? "none" : entry.accounts.joined(separator: ", "),
                    "noAccount": entry.accounts.isEmpty,
                    "calls": "/calls?volunteer=\(QueryValue.escape(entry.name))",
                    "texts": "/texts?volunteer=\(QueryValue.escape(entry.name))",
                ]
            },
        ]
    }
}
