package import Foundation
import TourPlannerCore

/// Normalizes phone numbers as people type them to E.164 (`+16175550142`), worldwide, using
/// per-region metadata generated from Google's libphonenumber data (`Resources/phone-regions.tsv`,
/// see `Scripts/build_phone_metadata.py`).
///
/// Rules, as libphonenumber applies them: an extension ("x12", "ext. 4", "#3") or any text after
/// the number is dropped; letters before the number make it unreadable; `+` starts an
/// international number; otherwise one of the region's international prefixes (011 in the US,
/// 00 in most countries, 810 in Russia, 0011 in Australia) also does; else the number is
/// national: the region's national prefix for parsing is removed (0, 1 or 8; with Argentina's
/// mobile "15" rewrite) and its calling code added. Italy has no national prefix, so its
/// leading 0 stays. The national significant number must have a length the region allows.
/// Known limits: per-type patterns are not checked, and open-ended carrier-code rules (Brazil's,
/// Japan's "000…") fall back to the plain national prefix.
package struct PhoneNumberNormalizer: Sendable {
    /// The lengths a national significant number may have, as a bit set.
    struct Lengths: Sendable {
        var bits: UInt32 = 0
        func contains(_ length: Int) -> Bool { length > 0 && length < 32 && bits & (1 << UInt32(length)) != 0 }
        mutating func insert(_ length: Int) { if length > 0 && length < 32 { bits |= 1 << UInt32(length) } }
    }

    /// One "national prefix for parsing" rule: `prefix` is replaced by `replacement`.
    struct Rule: Sendable {
        var prefix: [UInt8]
        var replacement: [UInt8]
    }

    struct Region: Sendable {
        var code: String
        var callingCode: [UInt8]
        var isMain: Bool
        /// International (IDD) prefixes, longest first.
        var idd: [[UInt8]]
        var nationalPrefix: String
        /// National prefix rules, longest prefix first.
        var rules: [Rule]
        var lengths: Lengths
    }

    /// What is known about one calling code.
    struct CallingCode: Sendable {
        var lengths = Lengths()
        var mainRegion: Int?
    }

    private var regions: [Region] = []
    /// Region index by the two ASCII letters of its code (`"US"` → 0x5553).
    private var regionByKey: [UInt16: Int] = [:]
    /// Calling code (1...999) → lengths allowed by any of its regions and its main region.
    private var callingCodes: [CallingCode?] = Array(repeating: nil, count: 1000)

    /// Parses the metadata TSV (columns documented in `Scripts/build_phone_metadata.py`).
    package init(data: Data) {
        TSVFile.forEachRow(in: data) { fields in
            guard fields.count >= 8, let code = Int(fields[1]), code > 0, code < 1000 else { return }
            var lengths = Lengths()
            for length in fields[7].split(separator: ",") { Int(length).map { lengths.insert($0) } }
            let rules = fields[6].split(separator: "|").map { rule -> Rule in
                let parts = rule.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
                return Rule(prefix: Array(parts[0].utf8), replacement: parts.count > 1 ? Array(parts[1].utf8) : [])
            }
            let region = Region(
                code: String(fields[0]), callingCode: Array(fields[1].utf8), isMain: fields[2] == "1",
                idd: fields[3].split(separator: "|").map { Array($0.utf8) }.sorted { $0.count > $1.count },
                nationalPrefix: String(fields[5]),
                rules: rules.sorted { $0.prefix.count > $1.prefix.count }, lengths: lengths)
            let index = regions.count
            regions.append(region)
            if let key = Self.key(region.code) { regionByKey[key] = index }
            var info = callingCodes[code] ?? CallingCode()
            info.lengths.bits |= lengths.bits
            if region.isMain || info.mainRegion == nil { info.mainRegion = index }
            callingCodes[code] = info
        }
    }

    /// The bundled metadata, or nil when the resource is missing.
    package static func loadBundled() -> PhoneNumberNormalizer? {
        guard
            let url = Bundle.module.url(forResource: "phone-regions", withExtension: "tsv", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return PhoneNumberNormalizer(data: data)
    }

    /// Number of regions loaded (245 for the bundled table).
    package var regionCount: Int { regions.count }

    private static func key(_ code: some StringProtocol) -> UInt16? {
        let bytes = Array(code.utf8)
        guard bytes.count == 2 else { return nil }
        return UInt16(bytes[0] & 0xDF) << 8 | UInt16(bytes[1] & 0xDF)  // ASCII upper-casing
    }

    /// E.164 form of `raw`, or nil when it cannot be read as a number of `defaultRegion`
    /// (ISO 3166-1 alpha-2, any case) or as an international number starting with `+`.
    /// Decimal digits of any script (full-width `０３`, Arabic-Indic `٠٦`) and the full-width `＋`
    /// count as their ASCII forms.
    ///
    /// - Complexity: O(n) in the length of `raw`; no regular expressions, one small allocation.
    package func e164(_ raw: String, defaultRegion: String?) -> String? {
        if raw.utf8.contains(where: { $0 >= 0x80 }) {
            return e164ASCII(Self.asciiDigits(raw), defaultRegion: defaultRegion)
        }
        return e164ASCII(raw, defaultRegion: defaultRegion)
    }

    /// `raw` with every decimal digit of another script (full-width `６`, Arabic-Indic `٦`,
    /// Devanagari `६`…) and the full-width plus `＋` written in ASCII, as libphonenumber reads
    /// them; without this, those digits would be skipped like spaces and the number read short.
    static func asciiDigits(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars {
            if scalar == "\u{FF0B}" {
                scalars.append("+")
            } else if !scalar.isASCII, scalar.properties.numericType == .decimal,
                let value = scalar.properties.numericValue, (0...9).contains(value)
            {
                scalars.append(Unicode.Scalar(0x30 + UInt8(value)))
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private func e164ASCII(_ raw: String, defaultRegion: String?) -> String? {
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var sawPlus = false
        for byte in raw.utf8 {
            switch byte {
            case 0x30...0x39:
                digits.append(byte)
                if digits.count > 20 { return nil }
            case 0x2B:  // "+"
                if !digits.isEmpty || sawPlus { return nil }
                sawPlus = true
            case 0x41...0x5A, 0x61...0x7A, 0x23, 0x3B, 0x2C, 0x2A:
                // A letter, "#", ";", "," or "*": before the number it is not a phone number;
                // after it, an extension or a comment follows.
                if digits.isEmpty { return nil }
                return finish(digits, sawPlus: sawPlus, defaultRegion: defaultRegion)
            default:
                continue  // spaces, dashes, dots, parentheses, slashes, non-ASCII spaces
            }
        }
        return finish(digits, sawPlus: sawPlus, defaultRegion: defaultRegion)
    }

    private func finish(_ digits: [UInt8], sawPlus: Bool, defaultRegion: String?) -> String? {
        guard digits.count >= 4 else { return nil }
        if sawPlus { return international(digits[...]) }
        guard let defaultRegion, let key = Self.key(defaultRegion), let index = regionByKey[key] else { return nil }
        let region = regions[index]
        for prefix in region.idd where digits.starts(with: prefix) {
            if let number = international(digits[prefix.count...]) { return number }
        }
        if let national = nationalNumber(digits[...], region: region) {
            return compose(region.callingCode, national)
        }
        // A national number typed with its calling code but no "+" ("44 20 7946 0958" in GB).
        if digits.starts(with: region.callingCode),
            let national = nationalNumber(digits[region.callingCode.count...], region: region)
        {
            return compose(region.callingCode, national)
        }
        return nil
    }

    /// The national significant number of `digits` (national prefix removed or rewritten), or
    /// nil when no reading has a length the region allows.
    private func nationalNumber(_ digits: ArraySlice<UInt8>, region: Region) -> [UInt8]? {
        for rule in region.rules where digits.starts(with: rule.prefix) {
            let candidate = rule.replacement + digits.dropFirst(rule.prefix.count)
            if region.lengths.contains(candidate.count) { return candidate }
        }
        return region.lengths.contains(digits.count) ? Array(digits) : nil
    }

    /// `digits` as calling code + national number, or nil when no calling code fits.
    private func international(_ digits: ArraySlice<UInt8>) -> String? {
        var code = 0
        for length in 1...3 where digits.count > length {
            code = code * 10 + Int(digits[digits.startIndex + length - 1] &- 0x30)
            guard let info = callingCodes[code] else { continue }
            let callingCode = Array(digits.prefix(length))
            let rest = digits.dropFirst(length)
            // "+44 (0)20 7946 0958": a national prefix typed after the calling code is removed
            // when what remains has a possible length (as libphonenumber does).
            if let main = info.mainRegion, let national = nationalNumber(rest, region: regions[main]) {
                return compose(callingCode, national)
            }
            // Shared calling codes: a length only another region of the code allows.
            return info.lengths.contains(rest.count) ? compose(callingCode, Array(rest)) : nil
        }
        return nil
    }

    private func compose(_ callingCode: [UInt8], _ national: [UInt8]) -> String {
        var bytes: [UInt8] = [0x2B]
        bytes.reserveCapacity(1 + callingCode.count + national.count)
        bytes += callingCode
        bytes += national
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether an E.164 number belongs to the calling code of `country` (ISO 3166 alpha-2), so a
    /// caller there dials it in its national form; nil when the country is not known here.
    /// ("+44 20 7946 0958" is not domestic for "US" even when the member's address is in Boston.)
    package func isDomestic(_ e164: String, in country: String) -> Bool? {
        guard let key = Self.key(country.uppercased()), let index = regionByKey[key] else { return nil }
        return e164.hasPrefix("+") && Array(e164.utf8.dropFirst()).starts(with: regions[index].callingCode)
    }

    /// A dialable national form of an E.164 number, grouped as the country writes it
    /// (`PhoneFormats`): "(617) 555-0142" for +16175550142, "01 42 68 53 00" for +33142685300,
    /// "0412 345 678" for +61412345678; a number no format matches is the main region's national
    /// prefix and the national number, ungrouped.
    package func nationalForm(_ e164: String) -> String? {
        guard e164.hasPrefix("+") else { return nil }
        let digits = Array(e164.utf8.dropFirst())
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var code = 0
        for length in 1...3 where digits.count > length {
            code = code * 10 + Int(digits[length - 1] - 0x30)
            guard let info = callingCodes[code] else { continue }
            let national = String(decoding: digits[length...], as: UTF8.self)
            if let grouped = PhoneFormats.bundled?.national(callingCode: code, nsn: national) { return grouped }
            if code == 1 && national.count == 10 {
                let chars = Array(national)
                return "(\(String(chars[0..<3]))) \(String(chars[3..<6]))-\(String(chars[6...]))"
            }
            let prefix = info.mainRegion.map { regions[$0].nationalPrefix } ?? ""
            return prefix + national
        }
        return nil
    }

    /// An E.164 number grouped as dialled from abroad ("+33 1 42 68 53 00"); nil when no format
    /// matches (show the E.164 number itself).
    package func internationalForm(_ e164: String) -> String? {
        PhoneFormats.bundled?.international(e164)
    }
}
