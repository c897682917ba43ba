public import Foundation

/// How `tourplan serve` runs: where it listens, how it is reached and its security knobs.
public struct WebSettings: Sendable {
    /// Address to bind (default loopback: put a TLS proxy in front for phones).
    public var host: String
    /// Port to bind (0 picks a free one; the URL printed at start names it).
    public var port: Int
    /// The address people open (welcome links start with it), e.g. `https://tour.example.org`.
    public var baseURL: String?
    /// Mark the session cookie `Secure` (serve behind TLS).
    public var secureCookies: Bool
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    public var trustProxy: Bool
    /// A session ends after this long without a request.
    public var idleTimeout: TimeInterval
    /// A session's last-seen time is written at most this often (page views do not write).
    public var touchInterval: TimeInterval
    /// bcrypt cost for new password hashes (tests lower it).
    public var bcryptCost: UInt8
    /// Failed sign-ins allowed per account within `rateLimitWindow`.
    public var maxFailuresPerAccount: Int
    /// Failed sign-ins allowed per client address within `rateLimitWindow`.
    public var maxFailuresPerAddress: Int
    /// The window the failure counters cover.
    public var rateLimitWindow: TimeInterval

    /// The defaults of `tourplan serve`.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, baseURL: String? = nil, secureCookies: Bool = false,
        trustProxy: Bool = false, idleTimeout: TimeInterval = 8 * 3600, touchInterval: TimeInterval = 300,
        bcryptCost: UInt8 = 12, maxFailuresPerAccount: Int = 5, maxFailuresPerAddress: Int = 20,
        rateLimitWindow: TimeInterval = 15 * 60
    ) {
        self.host = host
        self.port = port
        self.baseURL = baseURL
        self.secureCookies = secureCookies
        self.trustProxy = trustProxy
        self.idleTimeout = idleTimeout
        self.touchInterval = touchInterval
        self.bcryptCost = bcryptCost
        self.maxFailuresPerAccount = maxFailuresPerAccount
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.rateLimitWindow = rateLimitWindow
    }

    /// The base of the links the app prints (`--base-url`, else `http://HOST:PORT`).
    public var publicBaseURL: String {
        let base = baseURL ?? "http://\(host):\(port)"
        return base.hasSuffix("/") ? String(base.dropLast()) : base
    }
}
