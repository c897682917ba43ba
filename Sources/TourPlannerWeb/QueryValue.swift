import Foundation

/// Percent-encoding of a value put in a query string or path (RFC 3986 unreserved kept).
enum QueryValue {
    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
