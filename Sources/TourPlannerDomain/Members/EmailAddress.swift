import Foundation

/// Helpers for e-mail addresses as members type them.
package enum EmailAddress {
    /// The key used to match a member by e-mail: surrounding white space removed, lower-cased
    /// (`"  Zoe.Example@Example.ORG "` → `"zoe.example@example.org"`); nil when empty.
    package static func normalizedKey(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed.lowercased()
    }

    /// A form safe for logs and error messages: the first character and the domain,
    /// `"zoe.example@example.org"` → `"z•••@example.org"`; no "@" → `"•••"`.
    package static func masked(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let at = trimmed.lastIndex(of: "@"), at != trimmed.startIndex else { return "•••" }
        return String(trimmed.prefix(1)) + "•••" + String(trimmed[at...])
    }
}
