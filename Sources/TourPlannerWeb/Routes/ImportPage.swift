import Foundation
import Hummingbird
import TourPlanner

/// `/import`: upload a member export (CSV or XML) and see the same report as `tourplan import`
/// (added, updated, unchanged, skipped, errors with file:line:column; a refused file writes
/// nothing). The report is kept in the store (`importReports`) and shown at `/import?report=ID`,
/// so a refresh never imports twice and the page still works after a restart or on another
/// server of the same store; `/import` lists the recent imports.
enum ImportPage {
    /// How many recent imports `/import` lists.
    static let recentShown = 10

    /// The import's words for the importer's hints, which name `tourplan import`'s flags (`--map`,
    /// `--preset`, `--encoding`) the upload form does not have.
    static let wording = WebWording(
        fields: [],
        fallbackHint: "fix it in the export (or in your member system) and upload the export again")

    /// The largest export the form accepts.
    static let limit = MultipartForm.largestUpload

    static func register(on router: Router<WebRequestContext>, page: Page) {
        let environment = page.environment

        router.get("/import") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            var report: ImportRunReport?
            var forgotten = false
            if let id = request.uri.queryParameters.get("report") {
                report = try await environment.blocking { try stored(id, store: environment.store) }
                forgotten = report == nil
            }
            var view = self.view(report, forgotten: forgotten, csrf: signedIn.session.csrfToken)
            if let report {
                return try OrganizerRoutes.render(
                    report, page: page, template: "web/import", title: "Import members", view: view,
                    request: request, context: context)
            }
            if forgotten && Page.wantsJSON(request) {
                throw HTTPError(.notFound, message: "There is no such import report; import the file again.")
            }
            let recent = try await environment.blocking {
                try environment.store.recentImportReports(limit: recentShown)
            }
            view["recent"] = recent.map(recentEntry)
            view["hasRecent"] = !recent.isEmpty
            try await addLatest(to: &view, environment: environment)
            return try page.html(
                template: "web/import", title: "Import members", view: view, request: request, context: context)
        }

        // Undo of the latest import (`tourplan import --undo-last`); a refusal is shown on the page.
        router.post("/import/undo") { request, context -> Response in
            let signedIn = try context.requireRole(.organizer, request: request)
            _ = try await OrganizerRoutes.form(request, context: context)
            do {
                let report = try await environment.blockingWrite {
                    try environment.planner.undoLastImport(now: environment.now())
                }
                if Page.wantsJSON(request) { return Page.json(try JSONOutput.encode(report) + "\n") }
                return Page.redirect(to: "/import")
            } catch let error as PlannerError {
                if Page.wantsJSON(request) { throw HTTPError(.unprocessableContent, message: wording.text(of: error)) }
                var view = self.view(nil, forgotten: false, csrf: signedIn.session.csrfToken)
                view["undoError"] = wording.text(of: error)
                try await addLatest(to: &view, environment: environment)
                return try page.html(
                    template: "web/import", title: "Import members", view: view, request: request, context: context,
                    status: .unprocessableContent)
            }
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
            let now = environment.now()
            let report = try await run(file, dryRun: form["dryRun"] == "yes", planner: environment.planner, now: now)
            if Page.wantsJSON(request) {
                return Page.json(try report.render(.json) + "\n", status: report.failed ? .unprocessableContent : .ok)
            }
            let stored = StoredImportReport(
                id: SecretToken.make(), createdAt: now, uploader: signedIn.account.name,
                reportJSON: try JSONOutput.encode(report))
            try await environment.blockingWrite { try environment.store.saveImportReport(stored) }
            return Page.redirect(to: "/import?report=\(stored.id)")
        }
    }

    /// The latest import and its undo button (or what its undo did).
    static func addLatest(to view: inout [String: Any], environment: WebEnvironment) async throws {
        guard let latest = try await environment.blocking({ try environment.planner.latestImport() }) else { return }
        var entry: [String: Any] = [
            "file": latest.fileName, "when": WebDates.dayAndTime(latest.importedAt, zone: "UTC"),
        ]
        if let undone = latest.undoneAt {
            entry["undone"] = WebDates.dayAndTime(undone, zone: "UTC")
            entry["summary"] = wording.message(latest.undoSummary ?? "")
        } else if latest.undoable {
            entry["undoable"] = true
        } else if let refusal = latest.refusal {
            let text = wording.text(of: PlannerError(refusal, hint: latest.refusalHint))
            entry["refusal"] = text.prefix(1).uppercased() + text.dropFirst()
        }
        view["latest"] = entry
    }

    /// The report kept under `id`, or nil when there is none (or it no longer reads).
    static func stored(_ id: String, store: TourDatabase) throws -> ImportRunReport? {
        guard let stored = try store.importReport(id: id) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(ImportRunReport.self, from: Data(stored.reportJSON.utf8))
    }

    /// One line of the recent imports: when, who, which files and their result, and the link.
    static func recentEntry(_ stored: StoredImportReport) -> [String: Any] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let report = try? decoder.decode(ImportRunReport.self, from: Data(stored.reportJSON.utf8))
        let files = report?.reports.map { "\($0.file): \(ImportRunReport.result(of: $0))" } ?? []
        let unreadable = report?.fileErrors.count ?? 0
        var summary = files.joined(separator: "; ")
        if unreadable > 0 {
            summary += (summary.isEmpty ? "" : "; ") + "\(Plural.count(unreadable, "file")) could not be read"
        }
        return [
            "href": "/import?report=\(stored.id)", "when": WebDates.dayAndTime(stored.createdAt, zone: "UTC"),
            "uploader": stored.uploader, "summary": summary.isEmpty ? "no report" : summary,
        ]
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
            ["text": wording.message(error.description)]
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
                    + "(ask for this page as JSON for all of them)."
            }
            if report.consent != ConsentCounts() { entry["consent"] = report.consent.summary }
            if let previous = report.previouslyImportedAt {
                entry["previous"] =
                    "This file has exactly the same content as an import of "
                    + "\(WebDates.dayAndTime(previous, zone: "UTC"))."
            }
            return entry
        }
        if let places = run.places {
            // Guesses are said here as on the command line (never placed silently).
            let guesses =
                places.guessedNow > 0
                ? " (\(places.guessedNow) of them by a guess: a misspelled name, or one several cities share)" : ""
            view["places"] =
                "Places: \(places.resolvedNow) newly resolved\(guesses), \(places.unresolvedNow) unresolved, "
                + "\(places.cached) already known."
            view["unresolvedPlaces"] = places.unresolvedNow + places.guessedNow > 0
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
            "problem": wording.message(problem.error.problem), "hint": wording.hint(problem.error.hint),
        ]
    }
}
