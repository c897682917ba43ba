import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import TourPlanner

@testable import TourPlannerWeb

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A web app over a fresh in-memory store, with a volunteer "Rosa Demo" in the schedule and
/// accounts made through `WebAccounts` (bcrypt cost 4 to keep tests fast).
struct WebFixture {
    static let start = Date(timeIntervalSince1970: 1_402_000_000)  // 2014-06-05T20:26:40Z
    static let password = "correct horse battery"

    let store: TourDatabase
    let clock: TestClock
    let settings: WebSettings

    init(settings: WebSettings = WebFixture.testSettings(), store: TourDatabase? = nil) throws {
        self.store = try store ?? TourDatabase.makeInMemory()
        self.clock = TestClock(Self.start)
        self.settings = settings
        if try self.store.volunteers().isEmpty {
            try self.store.saveVolunteers([
                Volunteer(name: "Rosa Demo", timeZone: "America/New_York"),
                Volunteer(name: "Sam Other", timeZone: "America/Chicago"),
            ])
        }
    }

    static func testSettings() -> WebSettings {
        WebSettings(bcryptCost: 4, maxFailuresPerAccount: 3, maxFailuresPerAddress: 5)
    }

    var accounts: WebAccounts { WebAccounts(store: store, baseURL: "http://test.local", bcryptCost: 4) }

    /// Adds an account with the fixture's password.
    @discardableResult
    func addAccount(_ name: String, role: WebAccount.Role, volunteer: String? = nil) throws -> WebAccount {
        try accounts.add(name: name, role: role, volunteer: volunteer, password: Self.password, now: clock.now).account
    }

    /// Runs `test` against the app's router (no socket).
    func test<Value: Sendable>(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Value)
        async throws -> Value
    {
        let clock = self.clock
        let router = try WebApp.makeRouter(store: store, settings: settings, now: { clock.now })
        let app = Application(router: router)
        return try await app.test(.router) { client in try await test(client) }
    }
}

/// A browser's state in a test: the cookies it holds (one browser per test, used in sequence).
final class Browser {
    var cookies: [String: String]

    init(cookies: [String: String] = [:]) { self.cookies = cookies }

    var cookieHeader: HTTPFields {
        guard !cookies.isEmpty else { return [:] }
        return [.cookie: cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
    }

    /// Takes the `Set-Cookie` headers of a response (an empty value or Max-Age=0 deletes).
    func take(_ response: TestResponse) {
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            let value = String(parts[1])
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
    }

    /// GET with the browser's cookies.
    func get(_ uri: String, _ client: any TestClientProtocol, headers: HTTPFields = [:]) async throws
        -> TestResponse
    {
        var all = cookieHeader
        all.append(contentsOf: headers)
        let response = try await client.execute(uri: uri, method: .get, headers: all)
        take(response)
        return response
    }

    /// POST a form with the browser's cookies.
    func post(
        _ uri: String, form: [(String, String)], _ client: any TestClientProtocol, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var all = cookieHeader
        all[.contentType] = "application/x-www-form-urlencoded"
        all.append(contentsOf: headers)
        let body = form.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        let response = try await client.execute(
            uri: uri, method: .post, headers: all, body: ByteBuffer(string: body))
        take(response)
        return response
    }

    /// Opens /login and signs in; returns the sign-in response.
    @discardableResult
    func signIn(
        _ name: String, password: String = WebFixture.password, _ client: any TestClientProtocol,
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        _ = try await get("/login", client)
        return try await post(
            "/login", form: [("_csrf", cookies["tp_csrf"] ?? ""), ("username", name), ("password", password)], client,
            headers: headers)
    }

    /// The `_csrf` value of the first form in a page.
    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
