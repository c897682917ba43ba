import Foundation
import Hummingbird
import TourPlanner

/// What `/calls` and `/texts` share: whose list it is, which day, access to one task, and the
/// call list's view model.
enum CallsPage {
    /// The volunteer whose list is asked for: a volunteer's own (their account's link); for an
    /// organizer the `volunteer` query parameter, or nil (show the chooser).
    static func volunteer(for signedIn: SignedIn, request: Request, environment: WebEnvironment) async throws
        -> Volunteer?
    {
        let asked = request.uri.queryParameters.get("volunteer")
        let team = try await environment.blocking {
            try environment.cache.value(.team) { try environment.store.volunteers() }
        }
        return try choose(from: team, asked: asked, signedIn: signedIn)
    }

    /// The volunteer of `team` whose list is asked for (see `volunteer(for:request:environment:)`).
    static func choose(from team: [Volunteer], asked: String?, signedIn: SignedIn) throws -> Volunteer? {
        switch signedIn.account.role {
        case .volunteer:
            guard let own = signedIn.account.volunteer, let volunteer = team.first(where: { $0.name == own }) else {
                throw HTTPError(
                    .forbidden,
                    message: "Your account is not linked to a volunteer of the schedule. Ask an organizer to fix it.")
            }
            // Another volunteer's list does not exist for this person.
            if let asked, asked != own { throw HTTPError(.notFound, message: "There is no such list.") }
            return volunteer
        case .organizer, .treasurer:
            guard let asked else { return nil }
            guard let volunteer = team.first(where: { $0.name == asked }) else {
                throw HTTPError(.notFound, message: "There is no volunteer called \"\(asked)\".")
            }
            return volunteer
        }
    }

    /// The organizer's list of volunteers to open a list for.
    static func chooser(_ page: Page, path: String, request: Request, context: WebRequestContext) async throws
        -> Response
    {
        let environment = page.environment
        let team = try await environment.blocking {
            try environment.cache.value(.team) { try environment.store.volunteers() }
        }
        let view: [String: Any] = [
            "volunteers": team.map { ["name": $0.name, "href": "\(path)?volunteer=\(QueryValue.escape($0.name))"] },
            "empty": team.isEmpty,
        ]
        struct Team: Encodable { var volunteers: [String] }
        return try page.render(
            Team(volunteers: team.map(\.name)), template: "web/volunteers", title: "Choose a volunteer", view: view,
            request: request, context: context)
    }

    /// `?date=YYYY-MM-DD`, else today on the volunteer's clock.
    static func date(_ request: Request, volunteer: Volunteer, now: Date) throws -> CalendarDate {
        try date(request.uri.queryParameters.get("date"), volunteer: volunteer, now: now)
    }

    /// `text` (YYYY-MM-DD) when given, else today on the volunteer's clock.
    static func date(_ text: String?, volunteer: Volunteer, now: Date) throws -> CalendarDate {
        if let text {
            guard let date = CalendarDate(iso: text) else {
                throw HTTPError(.badRequest, message: "date \"\(text)\" is not a date like 2014-06-07 (YYYY-MM-DD).")
            }
            return date
        }
        guard let today = LocalClock.localDate(now, zone: volunteer.timeZone) else {
            throw PlannerError(
                "volunteer \"\(volunteer.name)\" has time zone \"\(volunteer.timeZone)\", which is not an IANA zone",
                hint: "an organizer corrects it in the volunteers file and loads that file again at the command line")
        }
        return today
    }

    /// The task a path id names, when this person may see it; 404 otherwise (also for another
    /// volunteer's task, so ids of others' tasks cannot be probed).
    static func task(pathID: String, signedIn: SignedIn, environment: WebEnvironment) async throws -> ReminderTask {
        guard let id = TaskPathID.taskID(pathID) else {
            throw HTTPError(.notFound, message: "There is no such task on your list.")
        }
        return try await task(id: id, signedIn: signedIn, environment: environment)
    }

    /// The task `id`, when this person may see it; 404 otherwise (see `task(pathID:…)`).
    static func task(id: String, signedIn: SignedIn, environment: WebEnvironment) async throws -> ReminderTask {
        guard let task = try await environment.blocking({ try environment.planner.task(id: id) }),
            signedIn.account.role == .organizer || task.volunteer == signedIn.account.volunteer
        else { throw HTTPError(.notFound, message: "There is no such task on your list.") }
        return task
    }

    /// The notice above the list, and the Undo form it may carry.
    struct Notice: Hashable, Sendable {
        /// "Logged Voicemail for Ada (follow-up call). Next step: …" or "Undid …".
        var text: String
        /// The task's path id and the outcome an Undo button takes back (nil: no button).
        var undo: Undo?

        struct Undo: Hashable, Sendable {
            var path: String
            var outcomeID: Int64
        }
    }

    /// The notice for `?logged=PATH` (what was logged, the next step, and an Undo button while the
    /// outcome is the task's latest) or `?undone=ID` (what the undo did), read back from the store:
    /// a refresh shows it again and changes nothing.
    static func notice(_ request: Request, signedIn: SignedIn, environment: WebEnvironment) async throws -> Notice? {
        let query = request.uri.queryParameters
        if let undone = query.get("undone") {
            guard let id = Int64(undone),
                let outcome = try await environment.blocking({ try environment.planner.undoneOutcome(id: id) })
            else { throw HTTPError(.notFound, message: "There is no such undo.") }
            let task = try await self.task(id: outcome.taskID, signedIn: signedIn, environment: environment)
            let name = try await firstName(task, environment: environment)
            return Notice(
                text: "Undid \(OutcomeLabel.label(outcome.outcome)) for \(name) (\(OutcomeLabel.kind(task.kind))). "
                    + outcome.details)
        }
        guard let pathID = query.get("logged") else { return nil }
        let task = try await self.task(pathID: String(pathID), signedIn: signedIn, environment: environment)
        let name = try await firstName(task, environment: environment)
        guard
            let latest = try await environment.blocking({ try environment.planner.latestOutcome(taskID: task.taskId) })
        else { return Notice(text: "Nothing is logged for \(name) (\(OutcomeLabel.kind(task.kind))) now.") }
        let next: String
        switch task.status {
        case .pending:
            next = "next try \(WebDates.dayAndTimeThisYear(task.windowStart, zone: task.timeZone))"
        case .done: next = "done"
        case .cancelled: next = "cancelled" + (task.note.map { ": \($0)" } ?? "")
        case .failed: next = "stopped" + (task.note.map { ": \($0)" } ?? "")
        case .unschedulable: next = "no window left before the event"
        case .merged: next = "merged into another call"
        case .waitingForYes: next = "waits for an RSVP yes"
        case .waitingForVenue: next = "waits for the event's venue"
        }
        return Notice(
            text: "Logged \(OutcomeLabel.label(latest.outcome)) for \(name) (\(OutcomeLabel.kind(task.kind))). "
                + "Next step: \(next).",
            undo: latest.isUndoable ? Notice.Undo(path: String(pathID), outcomeID: latest.id) : nil)
    }

    /// The member's first name, as the list shows it.
    static func firstName(_ task: ReminderTask, environment: WebEnvironment) async throws -> String {
        try await environment.blocking { try environment.store.contactDetails([task.memberId])[task.memberId] }?
            .firstName ?? task.memberId.rawValue
    }

    /// The call list's view model: already-formatted strings only.
    ///
    /// The outcome buttons are the same on every card: `buttons` is their HTML, rendered once
    /// per page from `web/outcome-buttons` (escaped by that template) and inserted unescaped, so
    /// a list of 90 calls does not render 630 buttons one variable at a time. The members'
    /// local times read "11:20 EDT" (the zone's short name, once per zone).
    static func view(
        _ report: CallListReport, date: CalendarDate, volunteer: Volunteer, signedIn: SignedIn, notice: Notice?,
        now: Date, buttons: String, pendingDays: PendingCallDays? = nil
    ) -> [String: Any] {
        let query = signedIn.account.role == .organizer ? "&volunteer=\(QueryValue.escape(volunteer.name))" : ""
        var timeNow: [String: String] = [:]
        func localTime(_ zone: String) -> String {
            if let known = timeNow[zone] { return known }
            let text = WebDates.time(now, zone: zone)
            timeNow[zone] = text
            return text
        }
        var view: [String: Any] = [
            "volunteer": volunteer.name, "date": date.description, "day": WebDates.day(date),
            "whose": signedIn.account.volunteer == volunteer.name ? "Your calls" : "Calls of \(volunteer.name)",
            "isOwn": signedIn.account.volunteer == volunteer.name,
            "csrf": signedIn.session.csrfToken,
            "previous": "/calls?date=\(date.adding(days: -1))\(query)",
            "next": "/calls?date=\(date.adding(days: 1))\(query)",
            "empty": report.items.isEmpty, "count": report.items.count,
            "dayPicker": dayPicker(path: "/calls", date: date, volunteer: volunteer, signedIn: signedIn),
            "items": report.items.map { item -> [String: Any] in
                var entry: [String: Any] = [
                    "path": TaskPathID.make(item.taskId), "kind": item.kind.isCall ? "Call" : "Text",
                    "kindName": item.kind.rawValue, "firstName": item.firstName,
                    "timeNow": localTime(item.memberTimeZone), "zone": item.memberTimeZone,
                    "memberWindow": item.memberWindow, "volunteerWindow": item.volunteerWindow, "dial": item.dial,
                    "script": item.script, "event": item.event, "before": item.previousOutcomes,
                    "hasBefore": !item.previousOutcomes.isEmpty, "buttons": buttons,
                ]
                if let tel = item.tel { entry["tel"] = tel }
                if let latest = item.latestOutcome, latest.isUndoable {
                    entry["undo"] = ["outcome": String(latest.id), "label": OutcomeLabel.label(latest.outcome)]
                }
                return entry
            },
        ]
        if let pendingDays {
            func link(_ day: CalendarDate?, _ count: Int) -> [String: String]? {
                day.map {
                    ["href": "/calls?date=\($0)\(query)", "day": WebDates.day($0), "count": Self.calls(count)]
                }
            }
            if let after = link(pendingDays.after, pendingDays.afterCount) { view["nextDay"] = after }
            if let before = link(pendingDays.before, pendingDays.beforeCount) { view["earlierDay"] = before }
        }
        if let notice {
            view["notice"] = notice.text
            if let undo = notice.undo { view["noticeUndo"] = ["path": undo.path, "outcome": String(undo.outcomeID)] }
        }
        return view
    }
}

extension CallsPage {
    /// A call list as the library made it (the JSON answer) and in the page's words.
    struct Lists: Sendable {
        var report: CallListReport
        var worded: CallListReport
        /// For a day with nothing to do, the nearest days with calls or texts still to do.
        var pendingDays: PendingCallDays?
    }

    /// Whose list, which day, and the list, for `/calls`: the signed-in person's choice (the
    /// `volunteer` and `date` query parameters) in one hop to the thread pool; nil when an
    /// organizer has not chosen a volunteer yet. The team and the list are kept while the
    /// store does not change (the list within the minute of `now`: the report gives the
    /// members' local times to the minute).
    static func lists(
        asked: String?, dateText: String?, signedIn: SignedIn, now: Date, environment: WebEnvironment
    ) async throws -> (volunteer: Volunteer, date: CalendarDate, lists: Lists)? {
        try await environment.blocking { () -> (volunteer: Volunteer, date: CalendarDate, lists: Lists)? in
            let team = try environment.cache.value(.team) { try environment.store.volunteers() }
            guard let volunteer = try choose(from: team, asked: asked, signedIn: signedIn) else { return nil }
            let date = try date(dateText, volunteer: volunteer, now: now)
            let key = StoreCache.Key.callList(volunteer: volunteer.name, date: date, minute: minute(now))
            let lists = try environment.cache.value(key) {
                let report = try environment.planner.callList(
                    volunteer: volunteer.name, date: date, now: now, rules: environment.rules)
                let pendingDays =
                    report.items.isEmpty
                    ? try environment.planner.pendingCallDays(volunteer: volunteer.name, around: date) : nil
                return Lists(report: report, worded: CallListWording.worded(report), pendingDays: pendingDays)
            }
            return (volunteer, date, lists)
        }
    }

    /// The "Show another day" form of `/calls` and `/texts`: the day field starts at `date`; an
    /// organizer's form keeps the volunteer.
    static func dayPicker(path: String, date: CalendarDate, volunteer: Volunteer, signedIn: SignedIn)
        -> [String: String]
    {
        var picker = ["action": path, "date": date.description]
        if signedIn.account.role == .organizer { picker["keepVolunteer"] = volunteer.name }
        return picker
    }

    /// "1 call or text", "24 calls and texts".
    static func calls(_ count: Int) -> String { count == 1 ? "1 call or text" : "\(count) calls and texts" }

    /// The minute of `now` (pages show the members' local times to the minute).
    static func minute(_ now: Date) -> Int64 { Int64((now.timeIntervalSince1970 / 60).rounded(.down)) }

    /// The outcome buttons' HTML (the same on every card of a list).
    static func buttons(_ environment: WebEnvironment) throws -> String {
        try environment.templates.render(["outcomes": OutcomeLabel.buttons], template: "web/outcome-buttons")
    }
}
