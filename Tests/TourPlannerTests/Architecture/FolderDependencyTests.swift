import Foundation
import Testing

/// Runs `Scripts/folder-deps.py`, which prints the dependency graph between the folders of
/// `Sources/TourPlanner` and exits 1 on a cycle (ARCHITECTURE.md draws the graph).
@Suite("Folder dependencies")
struct FolderDependencyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("Scripts/folder-deps.py").path

    /// True when `python3` runs (the checks skip cleanly without it).
    static let hasPython: Bool = {
        guard let result = try? run(["--version"]) else { return false }
        return result.status == 0
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test("the library's folders depend on each other without a cycle", .enabled(if: hasPython, "needs python3"))
    func noCycle() throws {
        let result = try Self.run([Self.script])
        #expect(result.status == 0, "folder cycle:\n\(result.errors)")
        #expect(result.output.contains("No cycle."))
        // The stage folders that use no other folder stay at the bottom.
        #expect(result.output.contains("  Cities -> (none)\n"))
        #expect(result.output.contains("  Members -> (none)\n"))
        #expect(result.output.contains("  Rendering -> (none)\n"))
    }

    @Test("a cycle is found and named; comments and string text do not count", .enabled(if: hasPython, "needs python3"))
    func findsCycle() throws {
        // Given a target whose folders A and B name each other's types, and a folder C that
        // mentions Alpha only in a comment and in string text, but uses Beta in an interpolation
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folder-deps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "A/Alpha.swift": "public struct Alpha {\n    var beta: Beta?\n}\n",
            "B/Beta.swift": "struct Beta {\n    var alpha: Alpha?\n}\n",
            "C/Gamma.swift": "// Alpha\nlet gamma = \"Alpha \\(Beta.self)\"\n/* Alpha */\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        // When the script scans it
        let result = try Self.run([Self.script, root.path])
        // Then it exits 1, names the cycle, and C depends on B only
        #expect(result.status == 1)
        #expect(result.errors.contains("cycle among A, B:"))
        #expect(result.errors.contains("A -> B (Beta); B -> A (Alpha)"))
        #expect(result.output.contains("  C -> B\n"))
    }
}
