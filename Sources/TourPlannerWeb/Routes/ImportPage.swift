import Foundation
import Hummingbird
import TourPlanner

/// `/import`: upload a member export (CSV or XML) and see the same report as `tourplan import`
/// (added, updated, unchanged, skipped, errors with file:line:column; a refused file writes
/// nothing). The report is kept for the session and shown at `/import?report=ID`, so a refresh
/// never imports twice.
enum ImportPage {
    /// The largest export the form accepts.
    static let limit = MultipartForm.largestUpload

    static func register(on router: Router<WebRequestContext>, page: Page) {
        let environment = page.environment
        let shelf = ResultShelf<ImportRunReport>(capacity: 20)

        router.get("/import") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            var report: ImportRunReport?
            var forgotten = false
            if let id = request.uri.queryParameters.get("report") {
                report = shelf.take(id, for: signedIn)
                forgotten = report == nil
            }
            let view = self.view(report, forgotten: forgotten, csrf: signedIn.session.csrfToken)
            if let report {
                return try OrganizerRoutes.render(
                    report, page: page, template: "web/import", title: "Import members", view: view,
                    request: request, context: context)
            }
            if forgotten && Page.wantsJSON(request) {
                throw HTTPError(.notFound, message: "That import report is no longer kept; import the file again.")
            }
            return try page.html(
                template: "web/import", title: "Import members", view: view, request: request, context: context)
        }

        router.post("/import") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            var request = request
            let form = try await MultipartForm.read(&request, limit: limit, what: "The member export")
            guard let file = form.files["export"], !file.data.isEmpty else {
                throw HTTPError(
                    .unprocessableContent,
                    message: "Choose a member export (a .csv or .xml file) with “Member export”, then press Import.")
            }
            let report = try await run(
                file, dryRun: form["dryRun"] == "yes", planner: environment.planner, now: environment.now())
            if Page.wantsJSON(request) {
                return Page.json(try report.render(.json) + "\n", status: report.failed ? .unprocessableContent : .ok)
            }
            return Page.redirect(to: "/import?report=\(shelf.put(report, for: signedIn))")
        }
    }

    /// Imports an uploaded export as `tourplan import` does: written to a private temporary file
    /// (0600, in a 0700 directory), imported under the upload's own name, and deleted afterwards.
    static func run(_ file: MultipartForm.File, dryRun: Bool, planner: Planner, now: Date) async throws
        -> ImportRunReport
    {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("tourplan-import-\(UUID().uuidString)")
        try manager.createDirectory(
            at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? manager.removeItem(at: directory) }
        let path = directory.appendingPathComponent("upload").path
        guard manager.createFile(atPath: path, contents: file.data, attributes: [.posixPermissions: 0o600]) else {
            throw PlannerError(
                "the upload could not be saved for importing", hint: "try again; check the server's disk space")
        }
        var query = ImportQuery(files: [path], dryRun: dryRun, now: now)
        query.displayNames = [path: displayName(file.fileName)]
        return try await planner.importMembers(query)
    }

    /// The upload's name as shown in messages: its last path part, without control characters,
    /// at most 100 characters ("upload.csv" when the browser sent none).
    static func displayName(_ fileName: String) -> String {
        let cleaned = String(fileName.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) })
            .trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty ? "upload.csv" : String(cleaned.suffix(100))
    }

    /// The page's view: the form, and the report when there is one.
    static func view(_ run: ImportRunReport?, forgotten: Bool, csrf: String) -> [String: Any] {
        var view: [String: Any] = [
            "csrf": csrf, "limit": "\(limit / (1024 * 1024)) MB", "forgotten": forgotten,
        ]
        guard let run else { return view }
        view["hasReport"] = true
        view["failed"] = run.failed
        view["fileErrors"] = run.fileErrors.map { error -> [String: Any] in
            ["text": error.description]
        }
        view["reports"] = run.reports.map { report -> [String: Any] in
            let refused = !report.committed && !report.dryRun
            var entry: [String: Any] = [
                "file": report.file, "format": report.format.rawValue.uppercased(), "mapping": report.mapping,
                "added": refused ? 0 : report.added, "updated": refused ? 0 : report.updated,
                "unchanged": report.unchanged, "skipped": report.skipped, "warnings": report.warnings,
                "errors": report.errors, "result": ImportRunReport.result(of: report), "refused": refused,
                "imported": report.committed, "dryRun": report.dryRun,
                "problems": report.problems.prefix(ImportRunReport.maxProblemsShown).map(problem),
                "hasProblems": !report.problems.isEmpty,
            ]
            if report.problems.count > ImportRunReport.maxProblemsShown {
                entry["more"] =
                    "…and \(report.problems.count - ImportRunReport.maxProblemsShown) more problems "
                    + "(ask for this page as JSON, or run `tourplan import --format json`, for all of them)."
            }
            if report.consent != ConsentCounts() { entry["consent"] = report.consent.summary }
            if let previous = report.previouslyImportedAt {
                entry["previous"] =
                    "This file has exactly the same content as an import of \(ISO8601DateFormatter().string(from: previous))."
            }
            return entry
        }
        if let places = run.places {
            view["places"] =
                "Places: \(places.resolvedNow) newly resolved, \(places.unresolvedNow) unresolved, "
                + "\(places.cached) already known."
            view["unresolvedPlaces"] = places.unresolvedNow > 0
        }
        return view
    }

    static func problem(_ problem: ImportProblem) -> [String: Any] {
        let location = problem.error.location
        var place = location.file
        if let line = location.line { place += ", line \(line)" }
        if let column = location.column { place += ", column \(column)" }
        return [
            "severity": problem.severity == .error ? "Error" : "Warning", "isError": problem.severity == .error,
            "where": place, "field": problem.error.field, "value": problem.error.value,
            "problem": problem.error.problem, "hint": problem.error.hint,
        ]
    }
}
