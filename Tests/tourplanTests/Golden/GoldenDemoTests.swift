import Foundation
import Testing

@Suite("Golden: tourplan demo (stdout and every text file it writes)")
struct GoldenDemoTests {
    /// The demo's text files; tourplan.sqlite (binary) is not snapshotted.
    static let files = [
        "budget.md", "calls-2014-06-01.csv", "calls-2014-06-01.html", "itinerary.geojson", "itinerary.html",
        "itinerary.ics", "plan.json", "ranking.csv",
    ]

    @Test("demo stdout and stderr")
    func standardOutput() throws {
        let run = try GoldenSupport.demo.get()
        let text =
            "$ tourplan demo --out demo\nexit status: \(run.result.status)\n--- stdout\n\(run.result.stdout)"
            + "--- stderr\n\(run.result.stderr)"
        GoldenFile.check(text, named: "demo-stdout", masks: [.folder(run.root), .demoDuration, .welcomeToken])
    }

    @Test("the demo writes exactly these files (and the store)")
    func fileList() throws {
        let run = try GoldenSupport.demo.get()
        let names = try FileManager.default.contentsOfDirectory(atPath: run.directory.path)
            .filter { !$0.hasPrefix("tourplan.sqlite") }.sorted()
        #expect(names == Self.files)
    }

    @Test("demo file", arguments: files)
    func file(_ name: String) throws {
        let run = try GoldenSupport.demo.get()
        let text = try String(contentsOf: run.directory.appendingPathComponent(name), encoding: .utf8)
        GoldenFile.check(text, named: "demo-\(name)", masks: [.folder(run.root)])
    }
}
