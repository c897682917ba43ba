package import Foundation
import Synchronization
import TourPlannerCore

/// How numbers are grouped for people to read and dial: "01 42 68 53 00" and "+33 1 42 68 53 00"
/// for +33142685300, "(617) 555-0142" and "+1 617-555-0142" for +16175550142. The number formats
/// of each calling code's main region come from Google's libphonenumber metadata
/// (`Resources/phone-formats.tsv`, see `Scripts/build_phone_formats.py`) and are applied as
/// libphonenumber applies them: the first format whose leading digits and whole pattern match
/// the national significant number, its national prefix rule on the first group.
///
/// Only display uses them (call sheets, pages); E.164 keys, parsing and CSV cells that must stay
/// E.164 never do. A number no format matches is not grouped.
package struct PhoneFormats: Sendable {
    struct Format: Sendable {
        var leading: String
        var pattern: String
        var template: String
        var nationalPrefixRule: String
    }

    /// Calling code → (national formats, international formats; empty = the national ones).
    private var formats: [Int: (national: [Format], international: [Format])] = [:]

    /// Parses the formats TSV (columns documented in `Scripts/build_phone_formats.py`).
    package init(data: Data) {
        TSVFile.forEachRow(in: data) { fields in
            guard fields.count >= 5, let code = Int(fields[0]) else { return }
            let format = Format(
                leading: String(fields[2]), pattern: String(fields[3]), template: String(fields[4]),
                nationalPrefixRule: fields.count > 5 ? String(fields[5]) : "")
            var entry = formats[code] ?? ([], [])
            if fields[1] == "i" { entry.international.append(format) } else { entry.national.append(format) }
            formats[code] = entry
        }
    }

    /// The bundled formats (loaded on first use), or nil when the resource is missing.
    package static let bundled: PhoneFormats? = {
        guard
            let url = Bundle.module.url(forResource: "phone-formats", withExtension: "tsv", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return PhoneFormats(data: data)
    }()

    /// The national significant number `nsn` of calling code `callingCode` grouped as dialled at
    /// home, with the national prefix where the country writes it ("01 42 68 53 00"); nil when
    /// no format matches.
    package func national(callingCode: Int, nsn: String) -> String? {
        guard let entry = formats[callingCode] else { return nil }
        return Self.apply(entry.national, to: nsn, national: true)
    }

    /// The number grouped as dialled from abroad: "+33 1 42 68 53 00"; nil when no format matches.
    package func international(callingCode: Int, nsn: String) -> String? {
        guard let entry = formats[callingCode] else { return nil }
        let formats = entry.international.isEmpty ? entry.national : entry.international
        return Self.apply(formats, to: nsn, national: false).map { "+\(callingCode) \($0)" }
    }

    /// The E.164 number `e164` grouped as dialled from abroad; nil when it is not E.164 or no
    /// format matches.
    package func international(_ e164: String) -> String? {
        guard let (code, nsn) = Self.split(e164) else { return nil }
        return international(callingCode: code, nsn: nsn)
    }

    /// The calling code (1 to 3 digits, the first one with formats) and the national significant
    /// number of an E.164 number.
    private static func split(_ e164: String) -> (Int, String)? {
        guard e164.hasPrefix("+"), e164.count > 2, e164.dropFirst().allSatisfy(\.isASCIIDigit),
            let known = bundled
        else { return nil }
        let digits = String(e164.dropFirst())
        for length in 1...3 where digits.count > length {
            if let code = Int(digits.prefix(length)), known.formats[code] != nil {
                return (code, String(digits.dropFirst(length)))
            }
        }
        return nil
    }

    private static func apply(_ formats: [Format], to nsn: String, national: Bool) -> String? {
        let range = NSRange(nsn.startIndex..., in: nsn)
        for format in formats {
            if !format.leading.isEmpty {
                guard let leading = regex("^(?:" + format.leading + ")"),
                    leading.firstMatch(in: nsn, range: range) != nil
                else { continue }
            }
            guard let whole = regex("^(?:" + format.pattern + ")$"), whole.firstMatch(in: nsn, range: range) != nil
            else { continue }
            var template = format.template
            if national, !format.nationalPrefixRule.isEmpty, let first = template.range(of: "$1") {
                template.replaceSubrange(first, with: format.nationalPrefixRule)
            }
            return whole.stringByReplacingMatches(in: nsn, range: range, withTemplate: template)
        }
        return nil
    }

    /// Compiled patterns, shared: a call sheet formats a few dozen numbers of a few countries.
    private static let compiled = Mutex<[String: NSRegularExpression]>([:])

    private static func regex(_ pattern: String) -> NSRegularExpression? {
        if let known = compiled.withLock({ $0[pattern] }) { return known }
        guard let made = try? NSRegularExpression(pattern: pattern) else { return nil }
        compiled.withLock { $0[pattern] = made }
        return made
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
