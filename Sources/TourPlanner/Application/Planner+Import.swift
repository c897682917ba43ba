public import Foundation

/// What `import` is asked: the files and how to read them.
public struct ImportQuery: Sendable, Hashable {
    /// The export files, in order (each one transaction).
    package var files: [String]
    /// The input format (nil: from each file's name; .xml is XML, else CSV).
    package var format: ImportFormat?
    /// The text encoding when a file has no byte-order mark.
    package var encoding: TextEncoding
    /// Import a file anyway when it has at most this many row errors (bad rows are skipped).
    package var maxErrors: Int
    /// Validate and report without writing anything.
    package var dryRun: Bool
    /// A forced column mapping (`--map FILE` or `--preset NAME`); nil detects it from the header.
    package var mapping: ColumnMapping?
    /// Resolve the new place strings right after importing.
    package var resolvePlaces: Bool
    /// The import time recorded in the store.
    package var now: Date
    /// The name each file is reported under, by path (an upload's own file name, not the temporary
    /// path it was written to); a file not listed is reported under its path. The name also decides
    /// the format when `format` is nil.
    public var displayNames: [String: String] = [:]

    /// A query; `mapping` comes from `mapping(file:)` or `mapping(preset:)`.
    public init(
        files: [String], format: ImportFormat? = nil, encoding: TextEncoding = .utf8, maxErrors: Int = 0,
        dryRun: Bool = false, mapping: ColumnMapping? = nil, resolvePlaces: Bool = true, now: Date
    ) {
        self.files = files
        self.format = format
        self.encoding = encoding
        self.maxErrors = maxErrors
        self.dryRun = dryRun
        self.mapping = mapping
        self.resolvePlaces = resolvePlaces
        self.now = now
    }

    /// The column mapping of a mapping file (README "Column mapping").
    ///
    /// - Throws: `PlannerError` when the file cannot be read; `ImportError` for a bad mapping.
    package static func mapping(file: String) throws -> ColumnMapping {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw PlannerError("\(file): cannot be read", hint: "check the --map path")
        }
        return try ColumnMapping.parseMappingFile(text, fileName: file)
    }

    /// A built-in preset by name (any case; `-`, `_` and spaces ignored).
    ///
    /// - Throws: `PlannerError` naming the presets when there is no such preset.
    package static func mapping(preset: String) throws -> ColumnMapping {
        guard let mapping = ColumnMapping.preset(named: preset) else {
            throw PlannerError(
                "unknown preset \"\(preset)\"",
                hint: "use one of: \(ColumnMapping.presets.map(\.name).joined(separator: ", "))")
        }
        return mapping
    }
}

extension Planner {
    /// Imports member exports into the store, one transaction per file, then resolves the new
    /// place strings.
    ///
    /// A file that cannot be read at all is reported (`fileErrors`) and the others still import.
    ///
    /// - Throws: `PlannerError` when there is no store; the store's and the resolver's errors.
    public func importMembers(_ query: ImportQuery) async throws -> ImportRunReport {
        let store = try requireStore()
        var importer = try MemberImporter.makeDefault()
        importer.format = query.format
        importer.encoding = query.encoding
        importer.maxErrors = query.maxErrors
        importer.dryRun = query.dryRun
        importer.mapping = query.mapping
        // The new place strings are resolved while each file's transaction finishes (a head start
        // only: what is pending is decided again after the commits).
        let prefetch = query.resolvePlaces && !query.dryRun ? PlaceResolutionPrefetch(resources: resources) : nil
        importer.placeKeysPending = prefetch?.request
        var run = ImportRunReport(reports: [], fileErrors: [])
        for file in query.files {
            do {
                run.reports.append(
                    try await importOneFile(
                        file, displayName: query.displayNames[file] ?? file, with: importer, into: store,
                        now: query.now))
            } catch let error as ImportError {
                run.fileErrors.append(error)
            }
        }
        if query.resolvePlaces && run.reports.contains(where: \.committed) {
            // Resolve the new place strings now, so ranking never has to. The gazetteer loads once
            // the rows are written (with the import's duplicate tables freed), not beside them:
            // loading it during the whole import saved no time and raised peak memory to ~170 MB.
            let answers = await prefetch?.answers() ?? [:]
            let summary = try store.resolvePlaces(using: try resources.resolver(), precomputed: answers)
            run.places = prefetch?.correcting(summary) ?? summary
        }
        return run
    }

    /// Undoes the latest import: the members it added are removed, those it changed are as they
    /// were (opt-outs kept), the import is marked undone (`TourDatabase.undoLastImport`).
    ///
    /// - Throws: `PlannerError` when there is no store or the latest import cannot be undone (why,
    ///   and what to do instead); nothing is changed then.
    public func undoLastImport(now: Date) throws -> ImportUndoReport {
        try requireStore().undoLastImport(now: now)
    }

    /// The store's latest import (undone or not), or nil when nothing was imported yet.
    public func latestImport() throws -> LatestImport? {
        try requireStore().latestImport()
    }

    /// The one call into the importer (it becomes `async` with the concurrent pipeline).
    private func importOneFile(
        _ file: String, displayName: String, with importer: MemberImporter, into store: TourDatabase, now: Date
    ) async throws -> ImportReport {
        try await importer.importFile(path: file, displayName: displayName, into: store, now: now)
    }
}
