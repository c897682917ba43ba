public import Foundation

/// The outcome of importing one file: counts, problems, and whether it was written.
public struct ImportReport: Hashable, Sendable, Codable {
    public var file: String
    public var format: ImportFormat
    /// The column mapping used ("native", a preset name, or "custom").
    public var mapping: String
    public var added: Int
    public var updated: Int
    public var unchanged: Int
    public var skipped: Int
    public var warnings: Int
    public var errors: Int
    /// True when the members were written (not a dry run, and errors within `--max-errors`).
    public var committed: Bool
    public var dryRun: Bool
    public var sha256: String
    /// When the very same bytes were imported before.
    public var previouslyImportedAt: Date?
    /// Every problem, in file order (the CLI prints the first 50).
    public var problems: [ImportProblem]
    /// Members of the file carrying each consent flag, as the file says (before stored flags are kept).
    public var consent = ConsentCounts()

    public var rowsRead: Int { added + updated + unchanged + skipped }
}

/// How many members of an import carry each consent flag.
public struct ConsentCounts: Hashable, Sendable, Codable {
    public var doNotCall = 0
    public var doNotText = 0
    public var doNotContact = 0
    public var deceased = 0
    public init() {}

    /// Counts one member's flags.
    public mutating func add(_ consent: ContactConsent) {
        if consent.doNotCall { doNotCall += 1 }
        if consent.doNotText { doNotText += 1 }
        if consent.doNotContact { doNotContact += 1 }
        if consent.deceased { deceased += 1 }
    }

    /// "3 do-not-text, 1 deceased" (the non-zero counts, in flag order), or "none".
    public var summary: String {
        let parts = ConsentFlag.allCases.compactMap { flag -> String? in
            let count = self[flag]
            return count > 0 ? "\(count) \(flag.rawValue)" : nil
        }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    public subscript(flag: ConsentFlag) -> Int {
        switch flag {
        case .doNotCall: doNotCall
        case .doNotText: doNotText
        case .doNotContact: doNotContact
        case .deceased: deceased
        }
    }
}

/// The input formats `tourplan import` reads.
public enum ImportFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case csv
    case xml

    /// Guesses the format from the file name: `.xml` is XML, anything else CSV.
    public static func guess(fileName: String) -> ImportFormat {
        fileName.lowercased().hasSuffix(".xml") ? .xml : .csv
    }
}
