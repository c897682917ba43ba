public import Foundation

/// Normalizes phone numbers as people type them to E.164 (`+16175550142`), worldwide, using
/// per-region metadata generated from Google's libphonenumber data (`Resources/phone-regions.tsv`,
/// see `Scripts/build_phone_metadata.py`).
///
/// Rules: an extension ("x12", "ext. 4", "#3") is dropped; `+` starts an international
/// number; otherwise the region's international prefix (011 in the US, 00 in most countries,
/// 810 in Russia) also does; else the number is national: the region's national prefix
/// (0, 1 or 8) is removed and its calling code added. The national significant number must
/// have a length the region allows. Known limits: Argentina's and Mexico's mobile rewriting
/// rules are not applied, and numbers are not checked against per-type patterns.
public struct PhoneNumberNormalizer: Sendable {
    struct Region: Sendable {
        var code: String
        var callingCode: String
        var isMain: Bool
        var internationalPrefix: String
        var nationalPrefix: String
        var lengths: Set<Int>
    }

    private var regions: [String: Region] = [:]
    /// Calling code → lengths allowed by any of its regions.
    private var lengthsByCallingCode: [String: Set<Int>] = [:]

    /// Parses the metadata TSV.
    public init(data: Data) {
        TSVFile.forEachRow(in: data) { fields in
            guard fields.count >= 6 else { return }
            let region = Region(
                code: String(fields[0]), callingCode: String(fields[1]), isMain: fields[2] == "1",
                internationalPrefix: String(fields[3]), nationalPrefix: String(fields[4]),
                lengths: Set(fields[5].split(separator: ",").compactMap { Int($0) }))
            regions[region.code] = region
            lengthsByCallingCode[region.callingCode, default: []].formUnion(region.lengths)
        }
    }

    /// The bundled metadata.
    public static func loadBundled() -> PhoneNumberNormalizer? {
        guard
            let url = Bundle.module.url(forResource: "phone-regions", withExtension: "tsv", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return PhoneNumberNormalizer(data: data)
    }

    /// E.164 form of `raw`, or nil when it cannot be read as a number of `defaultRegion`
    /// (ISO 3166-1 alpha-2) or as an international number.
    ///
    /// - Complexity: O(n) in the length of `raw`; no regular expressions.
    public func e164(_ raw: String, defaultRegion: String?) -> String? {
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var sawPlus = false
        var sawDigit = false
        let bytes = Array(raw.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte)
                sawDigit = true
            } else if byte == 0x2B && !sawDigit {  // "+"
                sawPlus = true
            } else if sawDigit
                && (byte == 0x78 || byte == 0x58 || byte == 0x23 || byte == 0x65 || byte == 0x45 || byte == 0x3B)
            {
                break  // x, #, e(xt), ;ext= : the rest is an extension
            } else if byte >= 0x41 && byte <= 0x7A && byte != 0x78 {
                if !sawDigit { return nil }  // letters before the number: not a phone number
            }
            index += 1
        }
        guard digits.count >= 4 && digits.count <= 17 else { return nil }
        let text = String(decoding: digits, as: UTF8.self)
        if sawPlus { return international(text) }
        guard let region = defaultRegion.flatMap({ regions[$0.uppercased()] }) else { return nil }
        if text.hasPrefix(region.internationalPrefix), text.count > region.internationalPrefix.count + 6,
            let number = international(String(text.dropFirst(region.internationalPrefix.count)))
        {
            return number
        }
        var national = Substring(text)
        if !region.nationalPrefix.isEmpty, national.hasPrefix(region.nationalPrefix),
            region.lengths.contains(national.count - region.nationalPrefix.count)
        {
            national = national.dropFirst(region.nationalPrefix.count)
        }
        // A national number typed with its own calling code but no "+" ("1 617 555 0142").
        if !region.lengths.contains(national.count), national.hasPrefix(region.callingCode),
            region.lengths.contains(national.count - region.callingCode.count)
        {
            national = national.dropFirst(region.callingCode.count)
        }
        guard region.lengths.contains(national.count) else { return nil }
        return "+" + region.callingCode + national
    }

    private func international(_ digits: String) -> String? {
        for length in 1...3 where digits.count > length {
            let code = String(digits.prefix(length))
            guard let lengths = lengthsByCallingCode[code] else { continue }
            let national = digits.dropFirst(length)
            return lengths.contains(national.count) ? "+" + digits : nil
        }
        return nil
    }

    /// A dialable national form of an E.164 number: "(617) 555-0142" for +1, else the main
    /// region's national prefix and the national number ("0412 345 678" for +61412345678).
    public func nationalForm(_ e164: String) -> String? {
        guard e164.hasPrefix("+") else { return nil }
        let digits = String(e164.dropFirst())
        for length in 1...3 where digits.count > length {
            let code = String(digits.prefix(length))
            guard lengthsByCallingCode[code] != nil else { continue }
            let national = Array(digits.dropFirst(length))
            if code == "1" && national.count == 10 {
                return "(\(String(national[0..<3]))) \(String(national[3..<6]))-\(String(national[6...]))"
            }
            let main = regions.values.first { $0.callingCode == code && $0.isMain }
            return (main?.nationalPrefix ?? "") + String(national)
        }
        return nil
    }
}
