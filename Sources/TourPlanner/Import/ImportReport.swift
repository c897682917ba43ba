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

    public var rowsRead: Int { added + updated + unchanged + skipped }
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
