/// Helpers for phone numbers that do not need the region metadata.
package enum PhoneNumber {
    /// A form of `raw` safe for logs and error messages: never the full number. Keeps a leading
    /// "+", at most the first 4 digits (fewer for short numbers: at least 5 digits stay hidden)
    /// and the last 2: "+16175550142" → "+1 617 ••• ••42", "(617) 555-0142" → "617 •••••42",
    /// "+442079460958" → "+4420 ••••••58"; numbers of fewer than 7 digits → "•••" + last digit.
    package static func masked(_ raw: String) -> String {
        var digits: [Character] = []
        var plus = false
        for character in raw {
            if let ascii = character.asciiValue, ascii >= 0x30 && ascii <= 0x39 {
                digits.append(character)
            } else if character == "+" && digits.isEmpty {
                plus = true
            } else if character.isLetter && !digits.isEmpty {
                break  // extension or comment
            }
        }
        let sign = plus ? "+" : ""
        guard digits.count >= 7 else { return digits.isEmpty ? "•••" : sign + "•••" + String(digits.suffix(1)) }
        if plus && digits.count == 11 && digits[0] == "1" {
            return "+1 \(String(digits[1..<4])) ••• ••\(String(digits[9...]))"
        }
        let shown = min(4, digits.count - 7)
        let hidden = digits.count - shown - 2
        let head = shown > 0 ? String(digits.prefix(shown)) + " " : ""
        return sign + head + String(repeating: "•", count: hidden) + String(digits.suffix(2))
    }
}
