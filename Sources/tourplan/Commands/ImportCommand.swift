import ArgumentParser
import Foundation
import TourPlanner

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import member exports (CSV or XML) into the store.",
        discussion: """
            Each file is one transaction: with more errors than --max-errors nothing of that file is
            written. Re-importing an export updates members in place (key: member id, else e-mail).
            The column mapping is detected from the header (the website's own export, or a preset for
            Action Network, NationBuilder, CiviCRM, Mobilize, Spoke, OSDI, EveryAction, Solidarity Tech);
            --preset or --map FILE forces one.
            """)

    enum Encoding: String, CaseIterable, ExpressibleByArgument { case utf8, latin1 }
    enum InputFormat: String, CaseIterable, ExpressibleByArgument { case csv, xml }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Export files to import (.csv, .tsv, .txt or .xml).") var files: [String]
    @Option(name: .customLong("input"), help: "Input format (default: from the file name; .xml is XML, else CSV).")
    var inputFormat: InputFormat?
    @Option(help: "Column mapping file for other exports (see README \"Column mapping\").") var map: String?
    @Option(
        help:
            "Force a built-in column preset: \(ColumnMapping.presets.map(\.name).joined(separator: ", ")) (any case; action-network and action_network work too)."
    )
    var preset: String?
    @Option(help: "Text encoding when there is no BOM.") var encoding: Encoding = .utf8
    @Option(help: "Import anyway when a file has at most this many row errors (bad rows are skipped).")
    var maxErrors = 0
    @Flag(help: "Validate and report without writing anything.") var dryRun = false
    @Option(help: "Report format.") var format: OutputFormat = .table
    @OptionGroup var places: PlaceOptions
    @Flag(inversion: .prefixedNo, help: "Resolve the new place strings right after importing (default: yes).")
    var resolve = true

    func validate() throws {
        if maxErrors < 0 { throw ValidationError("--max-errors must be 0 or more (got \(maxErrors))") }
        if let preset, ColumnMapping.preset(named: preset) == nil {
            let suggestion = ColumnMapping.presetSuggestion(for: preset).map { "did you mean \"\($0)\"? " } ?? ""
            throw ValidationError(
                "unknown --preset \"\(preset)\"; \(suggestion)use one of: \(ColumnMapping.presets.map(\.name).joined(separator: ", ")) (any case; - _ and spaces are ignored)"
            )
        }
        if map != nil && preset != nil { throw ValidationError("use --map or --preset, not both") }
    }

    func run() async throws {
        var importer = try MemberImporter.makeDefault()
        importer.format = inputFormat.map { $0 == .xml ? .xml : .csv }
        importer.encoding = encoding == .latin1 ? .latin1 : .utf8
        importer.maxErrors = maxErrors
        importer.dryRun = dryRun
        if let map {
            guard let text = try? String(contentsOfFile: map, encoding: .utf8) else {
                throw CLIError("\(map): cannot be read", hint: "check the --map path")
            }
            importer.mapping = try ColumnMapping.parseMappingFile(text, fileName: map)
        } else if let preset {
            importer.mapping = ColumnMapping.preset(named: preset)
        }
        let store = try database.openOrCreate()
        var reports: [ImportReport] = []
        var failed = false
        for file in files {
            do {
                let report = try await importer.importFile(path: file, displayName: file, into: store, now: Date())
                reports.append(report)
                if !report.committed && !report.dryRun { failed = true }
            } catch let error as ImportError {
                printError("Error: \(error)")
                failed = true
            }
        }
        if !reports.isEmpty || format != .table { printOutput(ImportReportRenderer.render(reports, format: format)) }
        if resolve && reports.contains(where: \.committed) {
            // Resolve the new place strings now, so ranking never has to.
            let summary = try store.resolvePlaces(using: try places.makeResolver())
            if format == .table {
                print(
                    "places: \(summary.resolvedNow) newly resolved, \(summary.unresolvedNow) unresolved, \(summary.cached) already known"
                        + (summary.unresolvedNow > 0 ? " (see `tourplan members --unresolved`)" : ""))
            }
        }
        for report in reports {
            ImportReportRenderer.printProblems(report)
        }
        if failed { throw ExitCode(1) }
    }
}
