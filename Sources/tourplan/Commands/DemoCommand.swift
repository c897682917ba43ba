import ArgumentParser
import Foundation
import TourPlanner

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on the bundled sample data.",
        discussion: """
            Imports the bundled, fictional sample export into a fresh database in DIR, then prints the
            member summary, writing each result into DIR (default ./demo-output). Runs offline.
            """)

    @Option(help: "Folder for the demo's database and files.") var out = "demo-output"

    func run() async throws {
        guard let sample = SampleData.exportPath(.csv) else {
            throw CLIError("the bundled sample export is missing from this build", hint: "rebuild with `swift build`")
        }
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: out, withIntermediateDirectories: true)
        let databasePath = (out as NSString).appendingPathComponent("tourplan.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? fileManager.removeItem(atPath: databasePath + suffix) }
        let store = try TourDatabase.open(path: databasePath)
        let report = try (try MemberImporter.makeDefault()).importFile(
            path: sample, displayName: "sample-members.csv", into: store, now: Date())
        print("Imported the sample export: \(report.added) members (\(report.warnings) warnings).")
        let summary = try store.memberSummary()
        print("members: \(summary.total)   unaffiliated: \(summary.unaffiliated)   chapters: \(summary.chapters)")
        var table = TextTable(["city (as typed)", "members", "unaffiliated"])
        for group in summary.byCity.prefix(15) { table.add([group.name, "\(group.members)", "\(group.unaffiliated)"]) }
        print("\n" + table.render())
        print("\nFiles written to \(out)/:\n  tourplan.sqlite   the demo database (use --db \(databasePath) with any command)")
    }
}
