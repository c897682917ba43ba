import Foundation
import Hummingbird

/// A path of this site to return to after signing in (`/login?next=…`) or after a refused form
/// (the `Referer`'s path): only a local path is ever used, so neither can send anyone to another
/// site (an open redirect).
enum LocalPath {
    /// `text` when it is a path of this site (`/calls?date=2014-06-01`); nil for anything that
    /// could leave it (`//evil.example`, `/\evil.example`, `https://…`, a control character) or
    /// that is itself a sign-in page (signing in again would loop).
    static func safe(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), text.count <= 2_000, !text.hasPrefix("//"),
            !text.contains("\\"), !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
            !text.contains("://")
        else { return nil }
        let path = text.prefix { $0 != "?" && $0 != "#" }
        guard !["/login", "/logout"].contains(path), !path.hasPrefix("/welcome/") else { return nil }
        return text
    }

    /// The path and query of `request`'s `Referer` when it is a page of this site: only its path
    /// is kept, whatever host it names (the path is then checked as `safe` checks it).
    static func referer(_ request: Request) -> String? {
        guard let referer = request.headers[.referer], let url = URL(string: referer), !url.path.isEmpty else {
            return nil
        }
        return safe(url.path + (url.query.map { "?" + $0 } ?? ""))
    }

    /// `/login`, with `next` when there is a page to return to.
    static func login(next: String?) -> String {
        guard let next = safe(next), next != "/" else { return "/login" }
        return "/login?next=" + QueryValue.escape(next)
    }
}
