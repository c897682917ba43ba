import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import NIOHTTP1

/// The fields and files of a `multipart/form-data` body (an upload form), parsed with
/// multipart-kit's streaming parser.
///
/// Limits are checked before the body is read (a `Content-Length` over the route's limit is
/// refused with 413 at once) and while it is read (413 as soon as the body passes it); a body of
/// another type is refused with 415.
struct MultipartForm: Sendable {
    /// An uploaded file. `fileName` is what the browser sent, for display only: it is never used
    /// to name anything on disk.
    struct File: Sendable {
        var fileName: String
        var contentType: String?
        var data: Data
    }

    /// The largest body any upload route accepts (a member export's, `/import`); other routes
    /// accept less (`BodyLimitMiddleware.limit(method:path:)`).
    static let largestUpload = 32 * 1024 * 1024

    /// Text fields: the first value of each name.
    private(set) var fields: [String: String] = [:]
    /// File fields: the first file of each name (a file input left empty is not a file).
    private(set) var files: [String: File] = [:]

    subscript(name: String) -> String? { fields[name] }

    /// Reads and parses the request's body.
    ///
    /// - Parameters:
    ///   - request: the request; its body is collected (later reads get the same bytes).
    ///   - limit: the route's largest body, in bytes.
    ///   - what: how the refusal names the upload ("The member export", "The receipt").
    /// - Returns: the body's fields and files.
    /// - Throws: `HTTPError` 415 for a body that is not `multipart/form-data`, 413 for one over
    ///   `limit`, 400 for a malformed body.
    static func read(_ request: inout Request, limit: Int, what: String) async throws -> MultipartForm {
        let boundary = try boundary(request)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw tooLarge(what, limit: limit)
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(what, limit: limit)
        }
        return try parse(body, boundary: boundary)
    }

    /// The boundary of a `multipart/form-data` request.
    ///
    /// - Throws: `HTTPError` 415 when the request is of another type or names no boundary.
    static func boundary(_ request: Request) throws -> String {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("multipart/form-data"), let boundary = parameter("boundary", in: type),
            !boundary.isEmpty
        else {
            throw HTTPError(
                .unsupportedMediaType,
                message:
                    "This form sends a file: submit it from the page's form (multipart/form-data), not as \"\(type)\".")
        }
        return boundary
    }

    /// Whether the request says it is `multipart/form-data`.
    static func isMultipart(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("multipart/form-data") == true
    }

    /// Parses a complete body.
    ///
    /// - Throws: `HTTPError` 400 when the body is not valid multipart data.
    static func parse(_ body: ByteBuffer, boundary: String) throws -> MultipartForm {
        let parser = MultipartParser(boundary: boundary)
        var form = MultipartForm()
        var headers = HTTPHeaders()
        var data = Data()
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in data.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            let disposition = headers.first(name: "Content-Disposition") ?? ""
            if let name = parameter("name", in: disposition) {
                if let fileName = parameter("filename", in: disposition) {
                    if form.files[name] == nil, !(fileName.isEmpty && data.isEmpty) {
                        form.files[name] = File(
                            fileName: fileName, contentType: headers.first(name: "Content-Type"), data: data)
                    }
                } else if form.fields[name] == nil {
                    form.fields[name] = String(decoding: data, as: UTF8.self)
                }
            }
            headers = HTTPHeaders()
            data = Data()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(
                .badRequest, message: "The upload was cut off or is not a valid form. Choose the file again and resend."
            )
        }
        return form
    }

    /// A `; name=value` or `; name="value"` parameter of a header value (quotes and `\` escapes
    /// removed; the path part of a file name, which some browsers send, dropped).
    static func parameter(_ name: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop(while: { $0 == " " || $0 == "\t" })
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var valueStart = rest[rest.index(after: equals)...]
            var value = ""
            if valueStart.first == "\"" {
                valueStart = valueStart.dropFirst()
                var escaped = false
                var end = valueStart.endIndex
                for index in valueStart.indices {
                    let character = valueStart[index]
                    if escaped {
                        value.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        end = index
                        break
                    } else {
                        value.append(character)
                    }
                }
                rest = end < valueStart.endIndex ? valueStart[valueStart.index(after: end)...] : ""
            } else {
                let end = valueStart.firstIndex(of: ";") ?? valueStart.endIndex
                value = valueStart[..<end].trimmingCharacters(in: .whitespaces)
                rest = valueStart[end...]
            }
            if key == name.lowercased() {
                if name.lowercased() == "filename", let slash = value.lastIndex(where: { $0 == "/" || $0 == "\\" }) {
                    return String(value[value.index(after: slash)...])
                }
                return value
            }
        }
        return nil
    }

    private static func tooLarge(_ what: String, limit: Int) -> HTTPError {
        HTTPError(
            .contentTooLarge,
            message:
                "\(what) is larger than \(limit / (1024 * 1024)) MB, the most this page accepts. Send a smaller file.")
    }
}
