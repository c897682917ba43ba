import Hummingbird
import Logging
import TourPlanner

/// Turns an error into a page (or JSON `{"error": …}`), so every answer carries the layout and the
/// security headers: an HTTP error shows its message; a `PlannerError` (the user can fix it) is
/// 422 with its message and hint; anything else is 500 with no detail (the log has its type only).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext
    let environment: WebEnvironment

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            if (300..<400).contains(error.status.code) {
                return Response(status: error.status, headers: error.headers)
            }
            return try page(error.status, message: error.body ?? error.status.reasonPhrase, request, context)
        } catch let error as PlannerError {
            return try page(.unprocessableContent, message: error.message, hint: error.hint, request, context)
        } catch let error as any HTTPResponseError {
            return try page(error.status, message: error.status.reasonPhrase, request, context)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(type(of: error))"])
            return try page(
                .internalServerError, message: "Something went wrong on the server.",
                hint: "Try again; if it keeps happening, tell an organizer the time it happened.", request, context)
        }
    }

    private func page(
        _ status: HTTPResponse.Status, message: String, hint: String? = nil, _ request: Request, _ context: Context
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
        return try Page(environment: environment).render(
            report, template: "web/error", title: status.reasonPhrase, view: view, request: request,
            context: context, status: status)
    }
}
