import Foundation

/// Folds place names for matching: compatibility decomposition, accents dropped, lowercased,
/// a few letters mapped (ß→ss, ø→o, æ→ae, œ→oe, ł→l, đ/ð→d, þ→th, ı→i), anything that is not
/// a letter or digit turned into one space. `Cities/build.py` folds the gazetteer's keys with
/// the same rules, so "Genève", "GENEVE" and "geneve" all meet as "geneve".
package enum TextFolding {
    private static let special: [Unicode.Scalar: String] = [
        "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
        "ŋ": "n", "ſ": "s", "ĸ": "k",
    ]

    /// - Complexity: O(n) in the text's length; ASCII text skips Unicode decomposition.
    package static func fold(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func emitASCII(_ byte: UInt8) {
            let isAlphanumeric = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
            if isAlphanumeric {
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            } else {
                pendingSpace = true
            }
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { emitASCII(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte) }
            return String(decoding: output, as: UTF8.self)
        }
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.canonicalCombiningClass != .notReordered { continue }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                let mapped = special[lower].map { Array($0.unicodeScalars) } ?? [lower]
                for piece in mapped {
                    if piece.isASCII {
                        emitASCII(UInt8(piece.value))
                    } else if piece.properties.isAlphabetic || piece.properties.numericType != nil {
                        if pendingSpace && !output.isEmpty { output.append(0x20) }
                        pendingSpace = false
                        output.append(contentsOf: Array(String(piece).utf8))
                    } else {
                        pendingSpace = true
                    }
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
