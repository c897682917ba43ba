import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `tourplan serve --port 0` on a store, stopped with SIGTERM.
final class ServerProcess {
    let process = Process()
    /// `http://127.0.0.1:PORT`, as the server printed it.
    let url: URL

    init(store: String) throws {
        process.executableURL = CLIRunner.productsDirectory.appendingPathComponent("tourplan")
        process.arguments = ["serve", "--db", store, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("Serving "), let url = URL(string: String(text.dropFirst("Serving ".count))) else {
            process.terminate()
            throw HTTPTestError("tourplan serve printed \"\(text)\" instead of its URL")
        }
        self.url = url
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}

/// A failure of the test's HTTP client, with what it saw.
struct HTTPTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A minimal HTTP/1.1 client over a blocking loopback socket (one request per connection,
/// `Connection: close`): it does not follow redirects and hands back every `Set-Cookie`, which is
/// what a sign-in test needs and what Linux Foundation's URLSession makes awkward.
struct HTTPTestClient {
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String

        /// The value of cookie `name` set by this response, if any.
        func cookie(_ name: String) -> String? {
            for header in headers where header.name.lowercased() == "set-cookie" {
                let pair = header.value.split(separator: ";", maxSplits: 1).first ?? ""
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2, parts[0] == name { return parts[1] }
            }
            return nil
        }
    }

    let base: URL

    /// Signs in through the login form (double-submit CSRF cookie) and returns the session cookie.
    func signIn(name: String, password: String) async throws -> String {
        let page = try await get("/login", session: nil)
        guard let token = page.cookie("tp_csrf") else { throw HTTPTestError("GET /login set no tp_csrf cookie") }
        let response = try await request(
            "POST", "/login", cookies: "tp_csrf=\(token)",
            form: [("_csrf", token), ("username", name), ("password", password)])
        guard response.status == 303, let session = response.cookie("tp_session") else {
            throw HTTPTestError("POST /login answered \(response.status): \(response.body.prefix(300))")
        }
        return session
    }

    /// The session's CSRF token, read from the calls page's forms.
    func csrfToken(session: String) async throws -> String {
        let page = try await get("/calls", session: session)
        guard let range = page.body.range(of: #"name="_csrf" value="[^"]+""#, options: .regularExpression) else {
            throw HTTPTestError("GET /calls answered \(page.status) without a CSRF field")
        }
        return String(page.body[range].dropFirst(#"name="_csrf" value=""#.count).dropLast())
    }

    func get(_ path: String, session: String?) async throws -> Response {
        try await request("GET", path, cookies: session.map { "tp_session=\($0)" }, form: nil)
    }

    /// POSTs `form` as JSON-accepting client (no redirect); returns the status and body.
    func post(_ path: String, form: [(String, String)], session: String) async throws -> (Int, String) {
        let response = try await request(
            "POST", path, cookies: "tp_session=\(session)", form: form, accept: "application/json")
        return (response.status, response.body)
    }

    func request(
        _ method: String, _ path: String, cookies: String?, form: [(String, String)]?, accept: String = "text/html"
    ) async throws -> Response {
        let host = base.host ?? "127.0.0.1"
        guard let port = base.port else { throw HTTPTestError("\(base) has no port") }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\nAccept: \(accept)\r\n"
        if let cookies { head += "Cookie: \(cookies)\r\n" }
        var body = ""
        if let form {
            body = form.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
            head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n"
        }
        let raw = try Self.exchange(host: host, port: port, request: Array((head + "\r\n" + body).utf8))
        return try Self.parse(raw)
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Sends `request` and reads until the server closes the connection.
    static func exchange(host: String, port: Int, request: [UInt8]) throws -> [UInt8] {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HTTPTestError("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw HTTPTestError("bad IPv4 host \(host)") }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw HTTPTestError("connect to \(host):\(port) failed: errno \(errno)") }
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw HTTPTestError("send failed: errno \(errno)") }
            sent += count
        }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !isComplete(received) {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count >= 0 else { throw HTTPTestError("recv failed (or 60 s without an answer): errno \(errno)") }
            if count == 0 { break }
            received += buffer[0..<count]
        }
        return received
    }

    /// Whether `raw` holds a whole response with a Content-Length (else read until the server closes).
    static func isComplete(_ raw: [UInt8]) -> Bool {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard raw.count >= 4,
            let end = (0...(raw.count - 4)).first(where: { Array(raw[$0..<$0 + 4]) == separator })
        else { return false }
        let head = String(decoding: raw[..<end], as: UTF8.self).lowercased()
        guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return raw.count - end - 4 >= length
    }

    /// Status, headers and body of a `Connection: close` response (identity or chunked body).
    static func parse(_ raw: [UInt8]) throws -> Response {
        let text = String(decoding: raw, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw HTTPTestError("incomplete response: \(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw HTTPTestError("bad status line \(lines[0])")
        }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = String(text[split.upperBound...])
        if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.contains("chunked") }) {
            body = try dechunk(body)
        }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ text: String) throws -> String {
        var rest = Substring(text)
        var body = ""
        while let end = rest.range(of: "\r\n") {
            guard let size = Int(rest[..<end.lowerBound].split(separator: ";").first ?? "", radix: 16) else {
                throw HTTPTestError("bad chunk size in \(rest.prefix(40))")
            }
            if size == 0 { break }
            let start = end.upperBound
            let utf8 = rest.utf8
            guard let stop = utf8.index(start, offsetBy: size, limitedBy: utf8.endIndex) else {
                throw HTTPTestError("short chunk")
            }
            body += String(decoding: utf8[start..<stop], as: UTF8.self)
            rest = rest[stop...].dropFirst(2)
        }
        return body
    }
}
