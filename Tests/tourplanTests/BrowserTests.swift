import Foundation
import Testing

/// Runs the real-browser scenarios of `Tests/Browser` (Debian's chromium driven by Playwright for
/// Python) against the built `tourplan serve`. Screenshots go to `.build/test-output/browser/`.
@Suite("Web app in a real browser")
struct BrowserTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Why the browser tests cannot run here, or nil when they can.
    static var missing: String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else {
            return "no /usr/bin/chromium (apt-get install -y chromium)"
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import playwright.sync_api"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.run()
            probe.waitUntilExit()
        } catch {
            return "python3 cannot be started (\(error))"
        }
        return probe.terminationStatus == 0 ? nil : "playwright for Python is missing (pip install playwright)"
    }

    @Test(
        "a volunteer signs in on a phone, logs three outcomes and sees the list change; pages reflow at 320 px",
        .enabled(if: BrowserTests.missing == nil, "chromium or playwright is missing: \(BrowserTests.missing ?? "")"),
        .timeLimit(.minutes(5)))
    func scenarios() throws {
        let output = Self.packageRoot.appendingPathComponent(".build/test-output/browser")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.packageRoot.appendingPathComponent("Tests/Browser/run.py").path,
            CLIRunner.productsDirectory.appendingPathComponent("tourplan").path, output.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "browser scenarios failed:\n\(text)")
        #expect(text.contains(" passed, 0 failed"), "\(text)")
    }
}
