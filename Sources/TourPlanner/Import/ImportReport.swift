public import Foundation

/// The outcome of importing one file: counts, problems, and whether it was written.
public struct ImportReport: Hashable, Sendable, Codable {
    /// The file as the user named it.
    public var file: String
    /// The format the file was read as.
    public var format: ImportFormat
    /// The column mapping used ("native", a preset name, or "custom").
    public var mapping: String
    /// Rows whose member was not stored before.
    public var added: Int
    /// Rows whose member was stored before with different values.
    public var updated: Int
    /// Rows whose member was stored before with the same values.
    public var unchanged: Int
    /// Rows not written: a row with an error, or a repeat of a member earlier in the file.
    public var skipped: Int
    /// Problems of warning severity (the row was still imported).
    public var warnings: Int
    /// Problems of error severity (the row was skipped); more than `--max-errors` and nothing is written.
    public var errors: Int
    /// True when the members were written (not a dry run, and errors within `--max-errors`).
    public var committed: Bool
    /// True for `--dry-run`: the file was checked, nothing was written.
    public var dryRun: Bool
    /// SHA-256 of the file's bytes, lowercase hex (empty when the file was not read to its end).
    package var sha256: String
    /// When the very same bytes were imported before.
    public var previouslyImportedAt: Date?
    /// Every problem, in file order (the CLI prints the first 50).
    public var problems: [ImportProblem]
    /// Members of the file carrying each consent flag, as the file says (before stored flags are kept).
    public var consent = ConsentCounts()

    /// Every data row read: added, updated, unchanged and skipped.
    package var rowsRead: Int { added + updated + unchanged + skipped }
}

/// How many members of an import carry each consent flag.
public struct ConsentCounts: Hashable, Sendable, Codable {
    /// Members with the do-not-call flag.
    public var doNotCall = 0
    /// Members with the do-not-text flag.
    public var doNotText = 0
    /// Members with the do-not-contact flag.
    public var doNotContact = 0
    /// Members marked deceased.
    public var deceased = 0
    /// Zero counts.
    public init() {}

    /// Counts one member's flags.
    package mutating func add(_ consent: ContactConsent) {
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

    /// The count of members carrying `flag`.
    package subscript(flag: ConsentFlag) -> Int {
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
    package static func guess(fileName: String) -> ImportFormat {
        fileName.lowercased().hasSuffix(".xml") ? .xml : .csv
    }
}
