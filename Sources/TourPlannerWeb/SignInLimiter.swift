import Foundation
import Hummingbird
import TourPlanner

/// Rate limit of sign-in: failed attempts are counted per account and per client address in the
/// store (so a restart does not reset them); past the limit, sign-in answers 429 until the window
/// is over, even with the right password.
struct SignInLimiter: Sendable {
    let environment: WebEnvironment

    /// The counters a sign-in attempt touches.
    struct Keys: Sendable {
        var account: String
        var address: String
        var all: [String] { [account, address] }
    }

    /// The account's and the address's counter keys. The address is the TCP peer, or with
    /// `--trust-proxy` the last `X-Forwarded-For` entry (the one the proxy itself appended).
    func keys(name: String, request: Request, context: WebRequestContext) -> Keys {
        var address = context.peerAddress ?? "unknown"
        if environment.settings.trustProxy, let forwarded = request.headers[.xForwardedFor],
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        {
            address = last
        }
        return Keys(account: "account:" + name.lowercased(), address: "address:" + address)
    }

    /// Whether either counter is at its limit.
    func isLocked(_ keys: Keys) async throws -> Bool {
        let environment = self.environment
        let settings = environment.settings
        let now = environment.now()
        let counts = try await environment.blocking {
            try environment.store.signInFailures(keys: keys.all, now: now, window: settings.rateLimitWindow)
        }
        return counts[keys.account, default: 0] >= settings.maxFailuresPerAccount
            || counts[keys.address, default: 0] >= settings.maxFailuresPerAddress
    }

    /// Counts a failed attempt against both keys.
    func recordFailure(_ keys: Keys) async throws {
        let environment = self.environment
        let now = environment.now()
        try await environment.blocking {
            try environment.store.recordSignInFailure(
                keys: keys.all, now: now, window: environment.settings.rateLimitWindow)
        }
    }

    /// Forgets the account's failures after a successful sign-in (the address's stay).
    func clear(_ keys: Keys) async throws {
        let environment = self.environment
        try await environment.blocking { try environment.store.clearSignInFailures(key: keys.account) }
    }
}
