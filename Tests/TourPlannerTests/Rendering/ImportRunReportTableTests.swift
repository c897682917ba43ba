import Foundation
import Testing

@testable import TourPlanner

@Suite("Import report table: a refused file adds nothing")
struct ImportRunReportTableTests {
    /// Four good rows and one with a bad id: one error, over the default --max-errors 0.
    static let csv =
        nativeHeader
            + """
            1,Ada,One,,,Boston,MA,US,,woman,2020-01-01,,,,
            2,Bo,Two,,,Cambridge,MA,US,,man,2020-01-01,,,,
            abc,Cy,Three,,,Boston,MA,US,,man,2020-01-01,,,,
            4,Di,Four,,,Oslo,,NO,,woman,2020-01-01,,,,
            5,Ed,Five,,,Austin,TX,US,,,2020-01-01,,,,

            """

    @Test("refused: added and updated show 0; the result says the database is unchanged and it would add 4")
    func refusedShowsZeroAdded() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("members.csv", Self.csv)
        let planner = try makeEmptyPlanner()
        let run = try await planner.importMembers(ImportQuery(files: [file], now: testDate))
        let report = try #require(run.reports.first)
        // The report keeps what the file would do (4 rows to add, 1 skipped); nothing was written.
        #expect(!report.committed && report.added == 4 && report.skipped == 1 && report.errors == 1)
        #expect(try planner.requireStore().memberSummary().total == 0)
        #expect(run.failed && run.places == nil)
        #expect(
            ImportRunReport.result(of: report) == "NOT imported (database unchanged; would add 4)")
        let table = try run.render(.table)
        let row = try #require(table.split(separator: "\n").first { $0.hasPrefix(report.file) })
        let cells = row.dropFirst(report.file.count).split(separator: " ").prefix(7).map(String.init)
        // mapping, added, updated, unchanged, skipped, warnings, errors
        #expect(cells == ["native", "0", "0", "0", "1", "0", "1"])
        #expect(row.hasSuffix("NOT imported (database unchanged; would add 4)"))
    }

    @Test("refused with updates: the result names both the adds and the updates")
    func refusedNamesUpdates() {
        let report = Self.report(added: 2, updated: 3, errors: 1, committed: false, dryRun: false)
        #expect(ImportRunReport.result(of: report) == "NOT imported (database unchanged; would add 2, update 3)")
    }

    @Test("committed and dry-run files keep their counts")
    func committedKeepsCounts() {
        let imported = Self.report(added: 2, updated: 0, errors: 0, committed: true, dryRun: false)
        #expect(ImportRunReport.result(of: imported) == "imported")
        let dryRun = Self.report(added: 2, updated: 0, errors: 0, committed: false, dryRun: true)
        #expect(ImportRunReport.result(of: dryRun) == "dry run, nothing written")
        let run = ImportRunReport(reports: [imported, dryRun], fileErrors: [])
        let rows = run.table.split(separator: "\n").filter { $0.hasPrefix("m.csv") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.split(separator: " ")[2] == "2" })
    }

    static func report(added: Int, updated: Int, errors: Int, committed: Bool, dryRun: Bool) -> ImportReport {
        ImportReport(
            file: "m.csv", format: .csv, mapping: "native", added: added, updated: updated, unchanged: 0, skipped: 0,
            warnings: 0, errors: errors, committed: committed, dryRun: dryRun, sha256: "", previouslyImportedAt: nil,
            problems: [])
    }
}
