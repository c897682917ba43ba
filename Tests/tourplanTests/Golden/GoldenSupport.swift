import Foundation
import Testing

/// Inputs shared by the golden tests: fixture paths, the demo (run once per test run) and the
/// transcript of one `tourplan` run that a snapshot holds.
enum GoldenSupport {
    /// The package root, found from this file's place in the source tree.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// An importer fixture in Tests/TourPlannerTests/Fixtures.
    static func importerFixture(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/TourPlannerTests/Fixtures/\(name)")
    }

    /// A fixture of the golden tests, in Golden/Fixtures.
    static func goldenFixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    }

    /// Copies `source` into `folder` as `name` (commands then see only the short relative name).
    @discardableResult
    static func copy(_ source: URL, into folder: ScratchFolder, as name: String? = nil) throws -> String {
        let target = name ?? source.lastPathComponent
        try FileManager.default.copyItem(atPath: source.path, toPath: folder.path(target))
        return target
    }

    /// `COLUMNS=100` fixes ArgumentParser's wrapping whatever the terminal.
    static let environment = ["COLUMNS": "100"]

    /// Runs `tourplan arguments` in `folder` and renders the command, exit status, stdout and stderr.
    static func transcript(_ arguments: [String], in folder: URL) throws -> String {
        let result = try CLIRunner.run(arguments, environment: environment, in: folder)
        let command = (["tourplan"] + arguments).map(quoted).joined(separator: " ")
        return "$ \(command)\nexit status: \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)"
    }

    static func quoted(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=,:@+".contains($0) }
        return plain ? argument : "'\(argument.replacingOccurrences(of: "'", with: #"'\''"#))'"
    }

    /// The demo's run: its folder (never removed, so tests can copy from it) and output.
    struct DemoRun: Sendable {
        /// The folder the demo ran in; its files are in `root/demo`.
        var root: URL
        var result: CLIRunner.Result

        var directory: URL { root.appendingPathComponent("demo") }
    }

    /// `tourplan demo --out demo`, run once per test run in a fresh scratch folder.
    static let demo: Result<DemoRun, any Error> = Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tourplan-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let result = try CLIRunner.run(["demo", "--out", "demo"], environment: environment, in: root)
        return DemoRun(root: root, result: result)
    }

    /// A private copy of the demo's folder as `folder/demo`, for commands that read or write its store.
    static func copyDemo(into folder: ScratchFolder) throws {
        let run = try demo.get()
        try #require(run.result.status == 0, "the demo failed: \(run.result.stderr)")
        try FileManager.default.copyItem(atPath: run.directory.path, toPath: folder.path("demo"))
    }
}
