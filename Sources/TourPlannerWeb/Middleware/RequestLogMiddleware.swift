import Foundation
import Hummingbird
import Logging

/// One log line per request: method, route pattern (`/calls/{task}/outcome`, never the raw path
/// with ids or tokens), status and duration. No names, phones, e-mails, cookies or query strings.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let status: HTTPResponse.Status
        do {
            let response = try await next(request, context)
            status = response.status
            log(request, context: context, status: status, since: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context: context, status: error.status, since: start)
            throw error
        } catch {
            log(request, context: context, status: .internalServerError, since: start)
            throw error
        }
    }

    private func log(
        _ request: Request, context: Context, status: HTTPResponse.Status, since start: ContinuousClock.Instant
    ) {
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        context.logger.info(
            "request",
            metadata: [
                "http.method": "\(request.method.rawValue)",
                "http.route": "\(context.endpointPath ?? "unmatched")",
                "http.status": "\(status.code)",
                "http.duration_ms": "\(String(format: "%.1f", milliseconds))",
            ])
    }
}
