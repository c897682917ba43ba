import Foundation
import Hummingbird
import TourPlanner

/// `/tours`: the saved tours, each with a Delete button (`tourplan tour delete NAME`), and a
/// "Plan a tour" form (`tourplan tour plan … --save NAME`, a saved plan replaced only with the
/// "Replace the saved tour" box ticked, as `--replace`);
/// `/tours/{name}`: the itinerary (`tourplan itinerary`), with downloads
/// `/tours/{name}/itinerary.html|.ics|.geojson`. Tour names are restricted to letters, digits and
/// `-_.` (`SavedTour.validate(name:)`), so they are safe path segments; an unknown tour is 404.
enum ToursPage {
    /// The weekdays of the form, in the CLI's numbering (1 = Monday … 7 = Sunday).
    static let weekdays: [(number: Int, key: String, label: String)] = [
        (1, "mon", "Mon"), (2, "tue", "Tue"), (3, "wed", "Wed"), (4, "thu", "Thu"), (5, "fri", "Fri"),
        (6, "sat", "Sat"), (7, "sun", "Sun"),
    ]

    /// The downloads of a tour's itinerary: file extension, format, content type.
    static let downloads: [(file: String, format: OutputFormat, type: String)] = [
        ("itinerary.html", .html, "text/html; charset=utf-8"),
        ("itinerary.ics", .ics, "text/calendar; charset=utf-8"),
        ("itinerary.geojson", .geojson, "application/geo+json"),
    ]

    /// The plan form's words for the flags of `tourplan tour plan`, which the planner's errors name.
    static let wording = WebWording(
        fields: [
            ("--base", "Base"), ("--from", "First date"), ("--to", "Last date"), ("--weekdays", "Travel days"),
            ("--stops", "Metros to visit"), ("--top", "Best-ranked metros"), ("--max-trainings", "At most trainings"),
            ("--replace", "Replace the saved tour"),
        ],
        fallbackHint: "change the dates, the travel days or the metros to visit, and plan again")

    /// What the form sent, kept to fill the form again when the plan is refused.
    struct PlanForm {
        var name = ""
        var base = ""
        var from = ""
        var to = ""
        var days: Set<Int> = [6, 7]
        var stops = ""
        var top = ""
        var maxTrainings = ""
        var replace = false
    }

    static func register(on router: Router<WebRequestContext>, page: Page) {
        let environment = page.environment
        let notices = ResultShelf<String>(capacity: 20)

        router.get("/tours") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let notice = request.uri.queryParameters.get("deleted").flatMap { notices.take($0, for: signedIn) }
            return try await list(
                page, request: request, context: context, signedIn: signedIn, form: PlanForm(), notice: notice)
        }

        router.post("/tours/delete") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let fields = try await OrganizerRoutes.form(request, context: context)
            let name = fields["name"] ?? ""
            guard (try? SavedTour.validate(name: name)) != nil,
                try await environment.blocking({ try environment.store.savedTour(named: name) }) != nil
            else { throw HTTPError(.notFound, message: "There is no tour called \"\(name)\". See the list on /tours.") }
            do {
                guard fields["confirm"] == "yes" else {
                    throw PlannerError(
                        "tour \(name) was not deleted",
                        hint: "tick “Yes, delete” next to its Delete button, then press Delete again")
                }
                let report = try await environment.blockingWrite { try environment.planner.deleteSavedTour(name: name) }
                if Page.wantsJSON(request) { return Page.json(try report.render(.json)) }
                let notice = "Deleted tour \(name): \(report.removedParts)."
                return Page.redirect(to: "/tours?deleted=\(notices.put(notice, for: signedIn))")
            } catch let error as PlannerError {
                if Page.wantsJSON(request) { throw HTTPError(.unprocessableContent, message: wording.text(of: error)) }
                return try await list(
                    page, request: request, context: context, signedIn: signedIn, form: PlanForm(),
                    deleteError: wording.text(of: error))
            }
        }

        router.post("/tours") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            let fields = try await OrganizerRoutes.form(request, context: context)
            let form = PlanForm(fields)
            do {
                let query = try self.query(form)
                try await environment.blocking {
                    try environment.planner.checkTourSave(name: form.name, replacing: form.replace)
                }
                // Planning computes for up to seconds: on the thread pool, not a cooperative thread.
                let report = try await environment.blocking { try environment.planner.planTourBlocking(query) }
                let saved = try await environment.planner.saveTourPlan(
                    report.plan, name: form.name, replacing: form.replace)
                if Page.wantsJSON(request) { return Page.json(try saved.render(.json) + "\n") }
                return Page.redirect(to: "/tours/\(form.name)?saved=\(saved.replaced ? "replaced" : "new")")
            } catch let error as any LocalizedError {
                if Page.wantsJSON(request) { throw error }
                let message = wording.text(of: error)
                return try await list(
                    page, request: request, context: context, signedIn: signedIn, form: form, error: message)
            }
        }

        router.get("/tours/{name}") { request, context -> Response in
            _ = try context.requireRole(.organizer, request: request)
            let (name, report) = try await itinerary(context, environment: environment)
            var view = self.view(report, name: name)
            switch request.uri.queryParameters.get("saved") {
            case "new": view["saved"] = "Planned and saved as tour \(name)."
            case "replaced": view["saved"] = "Planned and saved: tour \(name)'s plan is replaced by this one."
            default: break
            }
            return try OrganizerRoutes.render(
                report, page: page, template: "web/tour", title: "Tour \(name)", view: view, request: request,
                context: context)
        }

        router.get("/tours/{name}/{file}") { request, context -> Response in
            _ = try context.requireRole(.organizer, request: request)
            let file = try context.parameters.require("file")
            guard let download = downloads.first(where: { $0.file == file }) else {
                throw HTTPError(
                    .notFound,
                    message: "There is no such download; use itinerary.html, itinerary.ics or itinerary.geojson.")
            }
            let (name, report) = try await itinerary(context, environment: environment)
            let text = try report.render(download.format)
            return Response(
                status: .ok,
                headers: [
                    .contentType: download.type,
                    .contentDisposition: "attachment; filename=\"\(name)-\(download.file)\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }
    }

    /// The tours page: saved tours and the plan form (filled with `form`, and `error` when refused).
    static func list(
        _ page: Page, request: Request, context: WebRequestContext, signedIn: SignedIn, form: PlanForm,
        error: String? = nil, notice: String? = nil, deleteError: String? = nil
    ) async throws -> Response {
        let environment = page.environment
        let report = try await environment.blocking { try environment.planner.savedTours() }
        var view: [String: Any] = [
            "csrf": signedIn.session.csrfToken, "empty": report.tours.isEmpty,
            "tours": report.tours.map { tour -> [String: Any] in
                var entry: [String: Any] = [
                    "name": tour.name, "hasPlan": tour.hasPlan, "href": "/tours/\(tour.name)",
                    "parts": TourDeletedReport(tour).removedParts,
                    "trips": Plural.count(tour.trips, "trip"), "trainings": Plural.count(tour.trainings, "training"),
                    "stops": tour.stops.isEmpty ? "-" : tour.stops.joined(separator: ", "),
                    "expenses": Plural.count(tour.expenses, "expense"), "hasExpenses": tour.expenses > 0,
                    "expensesHref": "/expenses?tour=\(tour.name)",
                ]
                if let file = tour.templateFile {
                    entry["budget"] = file + (tour.currency.map { " (\($0))" } ?? "")
                }
                if let from = tour.from, let to = tour.to { entry["dates"] = WebDates.days(from, to) }
                return entry
            },
            "name": form.name, "base": form.base, "from": form.from, "to": form.to, "stops": form.stops,
            "top": form.top, "maxTrainings": form.maxTrainings, "replace": form.replace,
            "days": weekdays.map { day -> [String: Any] in
                ["key": day.key, "label": day.label, "checked": form.days.contains(day.number)]
            },
        ]
        if let error { view["error"] = error }
        if let notice { view["notice"] = notice }
        if let deleteError { view["deleteError"] = deleteError }
        return try page.render(
            report, template: "web/tours", title: "Tours", view: view, request: request, context: context,
            status: error == nil && deleteError == nil ? .ok : .unprocessableContent)
    }

    /// The tour query of the form, with the CLI's checks (`tour plan`'s `validate()`).
    ///
    /// - Throws: `PlannerError` naming the field and what to enter.
    static func query(_ form: PlanForm) throws -> TourQuery {
        guard !form.base.isEmpty else {
            throw PlannerError("Base is empty", hint: "enter the team's base, e.g. New York, NY")
        }
        guard let from = CalendarDate(iso: form.from) else {
            throw PlannerError("First date \"\(form.from)\" is not a date", hint: "enter it as YYYY-MM-DD")
        }
        guard let to = CalendarDate(iso: form.to) else {
            throw PlannerError("Last date \"\(form.to)\" is not a date", hint: "enter it as YYYY-MM-DD")
        }
        guard !form.days.isEmpty else {
            throw PlannerError("no travel day is ticked", hint: "tick at least one weekday (Sat and Sun by default)")
        }
        let stops = form.stops.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var top: Int?
        if !form.top.isEmpty {
            guard let number = Int(form.top), number >= 1 else {
                throw PlannerError("Top \"\(form.top)\" is not a whole number of at least 1", hint: "enter e.g. 5")
            }
            top = number
        }
        var maxTrainings: Int?
        if !form.maxTrainings.isEmpty {
            guard let number = Int(form.maxTrainings), number >= 1 else {
                throw PlannerError(
                    "At most trainings \"\(form.maxTrainings)\" is not a whole number of at least 1",
                    hint: "enter e.g. 3, or leave it empty")
            }
            maxTrainings = number
        }
        return TourQuery(
            base: form.base, from: from, to: to, stops: stops, top: top, weekdays: form.days,
            maxTrainings: maxTrainings)
    }

    /// The saved tour of the path and its itinerary; 404 when there is no such tour or it has no plan.
    static func itinerary(_ context: WebRequestContext, environment: WebEnvironment) async throws
        -> (String, ItineraryReport)
    {
        let name = try context.parameters.require("name")
        guard (try? SavedTour.validate(name: name)) != nil,
            let tour = try await environment.blocking({ try environment.store.savedTour(named: name) })
        else { throw HTTPError(.notFound, message: "There is no tour called \"\(name)\". See the list on /tours.") }
        guard let plan = tour.plan else {
            throw HTTPError(
                .notFound, message: "Tour \"\(name)\" has no plan yet: plan it with the form on /tours.")
        }
        let report = try environment.planner.itinerary(
            plan: plan, query: ItineraryQuery(planPath: "", title: "Chapter-building tour \(name)"))
        return (name, report)
    }

    /// The itinerary's view: trips, days and items, and the download links.
    static func view(_ report: ItineraryReport, name: String) -> [String: Any] {
        let itinerary = report.itinerary
        let unit = itinerary.units.rawValue
        return [
            "name": name, "warnings": report.warnings.map(WebDates.readable), "empty": itinerary.trips.isEmpty,
            "downloads": downloads.map { ["href": "/tours/\(name)/\($0.file)", "label": label($0.format)] },
            "map": RouteMap.loadBundled().svg(plan: report.plan),
            "trips": itinerary.trips.map { trip -> [String: Any] in
                [
                    "number": trip.number, "team": trip.team, "base": trip.base,
                    "dates": WebDates.days(trip.start, trip.end), "nights": trip.nightsAway,
                    "km": String(format: "%.0f", trip.km) + " " + unit, "hours": String(format: "%.1f", trip.hours),
                    "days": trip.days.map { day -> [String: Any] in
                        [
                            "date": WebDates.day(day.date),
                            "items": day.items.map { item -> [String: Any] in
                                var entry: [String: Any] = [
                                    "kind": item.kind.rawValue.capitalized,
                                    "time": WebDates.span(
                                        start: item.start, zone: item.timeZone, end: item.end,
                                        endZone: item.endTimeZone),
                                    "zone": item.timeZone, "title": item.title,
                                ]
                                var details: [String] = []
                                if let km = item.km { details.append(String(format: "%.0f", km) + " " + unit) }
                                if let venue = item.venue { details.append("venue: \(venue)") }
                                if let organizer = item.organizer { details.append("local organizer: \(organizer)") }
                                if !details.isEmpty { entry["details"] = details.joined(separator: " · ") }
                                return entry
                            },
                        ]
                    },
                ]
            },
            "unvisited": itinerary.unvisited.map { "\($0.metro): \($0.reason)" },
            "hasUnvisited": !itinerary.unvisited.isEmpty,
        ]
    }

    static func label(_ format: OutputFormat) -> String {
        switch format {
        case .html: "Printable page (HTML)"
        case .ics: "Calendar (ICS)"
        case .geojson: "Map data (GeoJSON)"
        default: format.rawValue
        }
    }
}

extension ToursPage.PlanForm {
    init(_ fields: FormFields) {
        func text(_ name: String) -> String { (fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        self.init(
            name: text("name"), base: text("base"), from: text("from"), to: text("to"),
            days: Set(ToursPage.weekdays.filter { fields["day-\($0.key)"] != nil }.map { $0.number }),
            stops: text("stops"), top: text("top"), maxTrainings: text("maxTrainings"),
            replace: fields["replace"] == "yes")
    }
}
