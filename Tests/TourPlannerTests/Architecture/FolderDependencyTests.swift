import Foundation
import Testing

/// Runs `Scripts/folder-deps.py`, which prints the dependency graph between the folders of the
/// library's targets (TourPlannerDomain, TourPlannerStore, TourPlanner) and exits 1 on a cycle or
/// on a folder that uses a later target's (ARCHITECTURE.md draws the graph).
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
        // Each target holds the folders ARCHITECTURE.md gives it.
        #expect(
            result.output.contains(
                "  TourPlannerDomain: Accounts, Budget, Cities, Itinerary, Members, Ranking, Reminders, Rendering,"
                    + " Routing, Settings\n"))
        #expect(result.output.contains("  TourPlannerStore: Store\n"))
        #expect(result.output.contains("  TourPlanner: Application, Import\n"))
    }

    @Test("a folder that uses a later target's folder is named", .enabled(if: hasPython, "needs python3"))
    func findsUpwardUse() throws {
        // Given two targets, the lower one's folder A naming the upper one's type Beta
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folder-deps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "Low/A/Alpha.swift": "struct Alpha {\n    var beta: Beta?\n}\n",
            "High/B/Beta.swift": "struct Beta {}\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        // When the script scans them, the lower first
        let low = root.appendingPathComponent("Low").path
        let high = root.appendingPathComponent("High").path
        let result = try Self.run([Self.script, low, high])
        // Then it exits 1 and names the use (there is no cycle)
        #expect(result.status == 1)
        #expect(result.errors.contains("A uses B of a later target (Beta)"))
        #expect(!result.errors.contains("cycle"))
        // And the same target counted as one folder keeps the use
        let asOne = try Self.run([Self.script, low + "=Lo", high])
        #expect(asOne.status == 1)
        #expect(asOne.errors.contains("Lo uses B of a later target (Beta)"))
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
