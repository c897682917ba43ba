import Foundation
import Hummingbird
import Logging
import TourPlanner

/// Turns an error into a page (or JSON `{"error": …}`), so every answer carries the layout and the
/// security headers: an HTTP error shows its message; a `PlannerError` or another of the
/// library's errors (the user can fix it) is 422 with its message and hint in the web's words
/// (`WebWording`: no CLI flags); anything else is 500
/// with no detail (the log has its type only).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let environment: WebEnvironment

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as RefusedForm {
            let extra: [String: Any] = [
                "typed": error.typed.map { ["label": $0.label, "value": $0.value] }, "hasTyped": !error.typed.isEmpty,
                "link": ["href": error.link.href, "text": error.link.text],
            ]
            return try page(.forbidden, message: error.message, hint: error.hint, extra: extra, request, context)
        } catch let error as HTTPError {
            if (300..<400).contains(error.status.code) {
                return Response(status: error.status, headers: error.headers)
            }
            return try page(error.status, message: error.body ?? error.status.reasonPhrase, request, context)
        } catch let error as PlannerError {
            let (message, hint) = WebWording.general.parts(of: error)
            return try page(.unprocessableContent, message: message, hint: hint, request, context)
        } catch let error as any LocalizedError where Self.isUserFacing(error) {
            // The library's own errors (a place that does not resolve, a bad field, a refused
            // file) say what is wrong and what to do, in the web's words (no CLI flags).
            let (message, hint) = WebWording.general.parts(of: error)
            return try page(.unprocessableContent, message: message, hint: hint, request, context)
        } catch let error as any HTTPResponseError {
            return try page(error.status, message: error.status.reasonPhrase, request, context)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))"])
            return try page(
                .internalServerError, message: "Something went wrong on the server.",
                hint: "Try again; if it keeps happening, tell an organizer the time it happened.", request, context)
        }
    }

    /// Whether `error` is one of the library's errors a person can act on: declared in
    /// TourPlanner, TourPlannerDomain or TourPlannerStore, except the store's own failures (a row
    /// that does not read back, a store that cannot be opened), which stay a 500 with no detail.
    static func isUserFacing(_ error: any Error) -> Bool {
        let type = String(reflecting: Swift.type(of: error))
        return libraryModules.contains { type.hasPrefix($0 + ".") } && !(error is StoreDecodingError)
            && !(error is StoreError)
    }

    /// The modules of the library whose errors `isUserFacing` considers (not TourPlannerCore's).
    static let libraryModules = ["TourPlanner", "TourPlannerDomain", "TourPlannerStore"]

    /// The page again without its query, for a refused GET form or parameter (400, 422:
    /// `/rank?base=Nowhere`, `/calls?date=nope`), so the way back is to the page, not only to the
    /// first page; nil otherwise.
    static func pageHref(_ status: HTTPResponse.Status, _ request: Request) -> String? {
        let path = request.uri.path
        guard request.method == .get, status == .badRequest || status == .unprocessableContent,
            !(request.uri.query ?? "").isEmpty, path.hasPrefix("/"), !path.hasPrefix("//")
        else { return nil }
        return path
    }

    private func page(
        _ status: HTTPResponse.Status, message: String, hint: String? = nil, extra: [String: Any] = [:],
        _ request: Request, _ context: Context
    ) throws -> Response {
        struct ErrorReport: Encodable {
            var status: Int
            var error: String
            var hint: String?
        }
        let report = ErrorReport(status: status.code, error: message, hint: hint)
        var view: [String: Any] = ["status": status.code, "reason": status.reasonPhrase, "message": message]
        if let hint { view["hint"] = hint }
        if context.signedIn == nil { view["signIn"] = true }
        if let back = Self.pageHref(status, request) { view["pageHref"] = back }
        if !extra.isEmpty {
            view.merge(extra) { _, new in new }
            view["signIn"] = nil
            view["refused"] = true
        }
        return try Page(environment: environment).render(
            report, template: "web/error", title: status.reasonPhrase, view: view, request: request,
            context: context, status: status)
    }
}
