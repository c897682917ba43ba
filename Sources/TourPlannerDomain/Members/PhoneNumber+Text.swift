extension PhoneNumber {
    /// The characters that may sit between the digits of one number (spaces, `-`, `.`, `/`,
    /// parentheses, a leading `+`, no-break and thin spaces).
    private static func isNumberPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "-", ".", "(", ")", "/", "+", "\u{00A0}", "\u{2009}", "\u{202F}", "\u{2010}", "\u{2011}",
            "\u{2013}":
            true
        default: false
        }
    }

    /// What follows the number in `raw` ("ext. 12" in "+1 617 555 0142 ext. 12"), lowercased,
    /// or nil when nothing follows or no digit came first.
    private static func textAfterNumber(_ raw: String) -> Substring.UnicodeScalarView? {
        let scalars = Substring(raw.lowercased()).unicodeScalars
        var index = scalars.startIndex
        var sawDigit = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if ("0"..."9").contains(scalar) {
                sawDigit = true
            } else if !isNumberPunctuation(scalar) {
                break
            }
            index = scalars.index(after: index)
        }
        guard sawDigit, index < scalars.endIndex else { return nil }
        return scalars[index...]
    }

    /// The extension typed after a number ("x12", "ext. 12", "extension 12", "#12", ";ext=12"):
    /// its digits, or nil when there is none. The E.164 form leaves it out (as libphonenumber
    /// does), so a call sheet adds it back to the number to dial.
    package static func extensionDigits(_ raw: String) -> String? {
        guard var rest = textAfterNumber(raw).map(String.init) else { return nil }
        guard let marker = [";ext=", "extension", "ext.", "ext", "x", "#"].first(where: { rest.hasPrefix($0) }) else {
            return nil
        }
        rest.removeFirst(marker.count)
        let digits = rest.drop { $0 == " " || $0 == "." || $0 == ":" || $0 == "=" }
            .prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty || digits.count > 7 ? nil : String(digits)
    }

    /// Whether `raw` holds a second number after the first ("617 555 0142, 617 555 0143",
    /// "617 555 0142 or 0143 555 014"): text after the number, not an extension, with 5 or more
    /// digits. Only the first number is read, so the second would be lost without a word.
    package static func hasSecondNumber(_ raw: String) -> Bool {
        guard let rest = textAfterNumber(raw), extensionDigits(raw) == nil else { return false }
        return rest.count { ("0"..."9").contains($0) } >= 5
    }

    /// Whether a cell is a number a spreadsheet turned into scientific notation ("6.17555E+09",
    /// "1.61755501E+10"): its last digits are gone.
    package static func isScientificNotation(_ raw: String) -> Bool {
        let text = raw.utf8
        guard let e = text.firstIndex(where: { $0 == 0x45 || $0 == 0x65 }), e != text.startIndex else { return false }
        let mantissa = text[..<e]
        var exponent = text[text.index(after: e)...]
        if exponent.first == 0x2B { exponent = exponent.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        return !exponent.isEmpty && exponent.allSatisfy(isDigit) && mantissa.allSatisfy { isDigit($0) || $0 == 0x2E }
            && mantissa.filter { $0 == 0x2E }.count <= 1 && isDigit(mantissa[mantissa.startIndex])
    }
}
