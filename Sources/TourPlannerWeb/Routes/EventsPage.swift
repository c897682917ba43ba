import Foundation
import Hummingbird
import TourPlanner

/// `/events`: the events (`tourplan events list`) and a form to add one or set an event's venue,
/// start time and local organizer (`tourplan events add`, same checks: the place must resolve,
/// the date is YYYY-MM-DD, the start HH:MM; adding the same place and date again updates it), and
/// a Delete button per event (`tourplan events delete ID`: ticked confirmation, refused once call
/// outcomes are recorded for the event's tasks).
enum EventsPage {
    /// The form's words for the flags of the CLI command it stands for, which the errors name.
    static let wording = WebWording(
        fields: [
            ("--place", "Place"), ("--date", "Date"), ("--start", "Start"), ("--venue", "Venue"),
            ("--organizer", "Local organizer"),
        ],
        fallbackHint: "correct the event and add it again")

    /// What the form sent, kept to fill it again when it is refused.
    struct EventForm {
        var place = ""
        var date = ""
        var start = "10:00"
        var venue = ""
        var organizer = ""
    }

    static func register(on router: Router<WebRequestContext>, page: Page) {
        let planner = page.environment.planner
        let now = page.environment.now
        let notices = ResultShelf<String>(capacity: 20)

        router.get("/events") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let report = try planner.events()
            var form = EventForm()
            if let id = request.uri.queryParameters.get("edit") {
                guard let event = report.events.first(where: { $0.id == id }) else {
                    throw HTTPError(.notFound, message: "There is no event \"\(id)\". See the list on /events.")
                }
                form = EventForm(
                    place: event.metro, date: event.date.description, start: event.start.description,
                    venue: event.venue ?? "", organizer: event.organizer ?? "")
            }
            var view = self.view(report, form: form, csrf: signedIn.session.csrfToken)
            if let id = request.uri.queryParameters.get("deleted"), let notice = notices.take(id, for: signedIn) {
                view["deleted"] = notice
            }
            if let id = request.uri.queryParameters.get("saved"),
                let event = report.events.first(where: { $0.id == id })
            {
                view["saved"] =
                    "Event \(event.metro), \(WebDates.day(event.date)) \(event.start) (\(event.timeZone)): "
                    + (event.venue ?? "no venue yet (texts wait for one)") + "."
            }
            return try OrganizerRoutes.render(
                report, page: page, template: "web/events", title: "Events", view: view, request: request,
                context: context)
        }

        router.post("/events") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let form = EventForm(try await OrganizerRoutes.form(request, context: context))
            do {
                guard !form.place.isEmpty else {
                    throw PlannerError("Place is empty", hint: "enter where the event is, e.g. Denver, CO")
                }
                guard let date = CalendarDate(iso: form.date) else {
                    throw PlannerError("Date \"\(form.date)\" is not a date", hint: "enter it as YYYY-MM-DD")
                }
                guard let start = LocalTime(form.start) else {
                    throw PlannerError("Start \"\(form.start)\" is not a time", hint: "enter it as HH:MM, e.g. 10:00")
                }
                let query = EventQuery(
                    place: form.place, date: date, start: start, venue: form.venue.isEmpty ? nil : form.venue,
                    organizer: form.organizer.isEmpty ? nil : form.organizer, now: now())
                let report = try await page.environment.blockingWrite { try planner.addEvent(query) }
                if Page.wantsJSON(request) { return Page.json(try report.render(.json)) }
                return Page.redirect(to: "/events?saved=\(QueryValue.escape(report.event.id))")
            } catch let error as any LocalizedError {
                if Page.wantsJSON(request) { throw error }
                let report = try planner.events()
                var view = self.view(report, form: form, csrf: signedIn.session.csrfToken)
                view["error"] = wording.text(of: error)
                return try page.html(
                    template: "web/events", title: "Events", view: view, request: request, context: context,
                    status: .unprocessableContent)
            }
        }

        router.post("/events/delete") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let fields = try await OrganizerRoutes.form(request, context: context)
            let id = fields["id"] ?? ""
            guard let event = try planner.events().events.first(where: { $0.id == id }) else {
                throw HTTPError(.notFound, message: "There is no event \"\(id)\". See the list on /events.")
            }
            do {
                guard fields["confirm"] == "yes" else {
                    throw PlannerError(
                        "event \(event.metro), \(WebDates.day(event.date)) was not deleted",
                        hint: "tick “Yes, delete” next to its Delete button, then press Delete again")
                }
                let report = try await page.environment.blockingWrite { try planner.deleteEvent(id: id) }
                if Page.wantsJSON(request) { return Page.json(try report.render(.json)) }
                let tasks = report.removedTasks == 1 ? "1 reminder task" : "\(report.removedTasks) reminder tasks"
                let notice = "Deleted event \(event.metro), \(WebDates.day(event.date)) and its \(tasks)."
                return Page.redirect(to: "/events?deleted=\(notices.put(notice, for: signedIn))")
            } catch let error as PlannerError {
                if Page.wantsJSON(request) { throw HTTPError(.unprocessableContent, message: wording.text(of: error)) }
                var view = self.view(try planner.events(), form: EventForm(), csrf: signedIn.session.csrfToken)
                view["deleteError"] = wording.text(of: error)
                return try page.html(
                    template: "web/events", title: "Events", view: view, request: request, context: context,
                    status: .unprocessableContent)
            }
        }
    }

    static func view(_ report: EventsReport, form: EventForm, csrf: String) -> [String: Any] {
        [
            "csrf": csrf, "empty": report.events.isEmpty,
            "events": report.events.map { event -> [String: Any] in
                [
                    "id": event.id, "metro": event.metro, "day": WebDates.day(event.date),
                    "start": event.start.description, "zone": event.timeZone, "venue": event.venue ?? "",
                    "noVenue": event.venue == nil, "organizer": event.organizer ?? "not set",
                    "edit": "/events?edit=\(QueryValue.escape(event.id))#event-form",
                    "slug": "event-\(event.id)",
                ]
            },
            "place": form.place, "date": form.date, "start": form.start, "venue": form.venue,
            "organizer": form.organizer,
        ]
    }
}

extension EventsPage.EventForm {
    init(_ fields: FormFields) {
        func text(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        self.init(
            place: text("place"), date: text("date"), start: text("start"), venue: text("venue"),
            organizer: text("organizer"))
    }
}
