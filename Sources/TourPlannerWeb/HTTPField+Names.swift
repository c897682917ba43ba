import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// `Referrer-Policy` (not among swift-http-types' predefined names).
    static let referrerPolicy = literal("Referrer-Policy")
    /// `X-Forwarded-For`, trusted only with `--trust-proxy`.
    static let xForwardedFor = literal("X-Forwarded-For")
    /// `X-CSRF-Token`, an alternative to the `_csrf` form field for scripted requests.
    static let xCSRFToken = literal("X-CSRF-Token")

    /// A name written in this file: a valid token, so the failure branch is a programming error.
    private static func literal(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("\(name) is not a valid field name") }
        return field
    }
}
