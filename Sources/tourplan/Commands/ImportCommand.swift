import ArgumentParser
import Foundation
import TourPlanner

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import member exports (CSV or XML) into the store.",
        discussion: CommandHelp.importMembers)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Export files to import (.csv, .tsv, .txt or .xml).") var files: [String] = []
    @Option(name: .customLong("input"), help: "Input format (default: from the file name; .xml is XML, else CSV).")
    var inputFormat: ImportFormat?
    @Option(help: "Column mapping file for other exports (see README \"Column mapping\").") var map: String?
    @Option(help: ArgumentHelp(CommandHelp.importPreset)) var preset: String?
    @Option(help: "Text encoding when there is no BOM.") var encoding: TextEncoding = .utf8
    @Option(help: "Import anyway when a file has at most this many row errors (bad rows are skipped).")
    var maxErrors = 0
    @Flag(help: "Validate and report without writing anything.") var dryRun = false
    @Flag(help: "Undo the latest import: remove the members it added, put back those it changed (opt-outs kept).")
    var undoLast = false
    @Option(help: "Report format.") var format: OutputFormat = .table
    @OptionGroup var places: PlaceOptions
    @Flag(inversion: .prefixedNo, help: "Resolve the new place strings right after importing (default: yes).")
    var resolve = true
    func validate() throws {
        try usage {
            try ImportQuery.checkArguments(
                files: files, undoLast: undoLast, maxErrors: maxErrors, preset: preset, map: map)
        }
    }

    func run() async throws {
        if undoLast { return printOutput(try database.planner().undoLastImport(now: Date()).summary) }
        let query = try ImportQuery(
            files: files, format: inputFormat, encoding: encoding, maxErrors: maxErrors, dryRun: dryRun, mapFile: map,
            preset: preset, resolvePlaces: resolve, now: Date())
        let report = try await database.planner(.createIfMissing, aliases: places.aliases).importMembers(query)
        if !report.reports.isEmpty || format != .table { printOutput(try report.render(format.rendering)) }
        for line in report.diagnostics { printError(line) }
        if report.failed { throw ExitCode(1) }
    }
}
