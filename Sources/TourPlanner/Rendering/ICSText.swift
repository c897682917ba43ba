import Foundation

/// Text rules of RFC 5545 calendars that every ICS file the tool writes follows (itineraries,
/// call sheets): escaping of TEXT values and folding of long content lines.
enum ICSText {
    /// RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped.
    static func escapeText(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var result = ""
        var count = 0
        var first = true
        for character in line {
            let size = String(character).utf8.count
            if count + size > (first ? 75 : 74) {
                result += "\r\n "
                count = 0
                first = false
            }
            result.append(character)
            count += size
        }
        return result
    }
}
