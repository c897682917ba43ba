import Hummingbird
import NIOCore

/// The largest body each route accepts, applied before anything reads the body (the CSRF
/// middleware reads a form's body to find its token): a receipt upload 5 MB and the fields, a
/// member export 32 MB, any other form 1 MB.
///
/// A `Content-Length` over the route's limit is refused with 413 at once; a body without one
/// (chunked) is counted as it is read, and its reader gets a 413 as soon as it passes the limit,
/// so no more of it is read.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    /// The limit of a form without a file.
    static let forms = 1024 * 1024

    /// The largest body `method` `path` may send, in bytes.
    static func limit(method: HTTPRequest.Method, path: String) -> Int {
        guard method == .post else { return forms }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        switch parts.count {
        case 1 where parts[0] == "import": return MultipartForm.largestUpload
        // The add form may carry a receipt; a receipt upload of its own.
        case 1 where parts[0] == "expenses": return ExpensePage.uploadLimit
        case 3 where parts[0] == "expenses" && parts[2] == "receipt": return ExpensePage.uploadLimit
        default: return forms
        }
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        let limit = Self.limit(method: request.method, path: request.uri.path)
        let what = Self.what(limit: limit)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Self.tooLarge(what, limit: limit)
        }
        var request = request
        request.body = RequestBody(asyncSequence: LimitedBody(base: request.body, limit: limit, what: what))
        return try await next(request, context)
    }

    /// How a refusal names what was sent under `limit`.
    static func what(limit: Int) -> String {
        switch limit {
        case MultipartForm.largestUpload: "The member export"
        case ExpensePage.uploadLimit: "The receipt"
        default: "This form's content"
        }
    }

    /// The 413 of a body over `limit` (sizes in whole MB, as the pages state them).
    static func tooLarge(_ what: String, limit: Int) -> HTTPError {
        HTTPError(
            .contentTooLarge,
            message:
                "\(what) is larger than \(limit / (1024 * 1024)) MB, the most this page accepts. Send a smaller file.")
    }
}

/// A request body that throws the 413 `HTTPError` once more than `limit` bytes have been read.
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let base: RequestBody
    let limit: Int
    let what: String

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let limit: Int
        let what: String
        var seen = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let chunk = try await base.next() else { return nil }
            seen += chunk.readableBytes
            if seen > limit { throw BodyLimitMiddleware.tooLarge(what, limit: limit) }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), limit: limit, what: what)
    }
}
