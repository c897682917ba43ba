import Foundation
import Testing
import TourPlanner

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `tourplan import` into the store `tourplan serve` is serving: the import holds SQLite's write
/// lock while volunteers' outcome POSTs wait for it; neither side loses anything.
@Suite("tourplan serve during a CLI import")
struct ServeImportTests {
    /// Rows in the generated export: enough for an import that holds the write lock for a while.
    static let importRows = 50_000

    @Test("outcomes posted while a 50,000-member import runs are all stored, and so are the members; no 5xx")
    func importWhileServing() async throws {
        // Given the demo's store, a volunteer account for Rosa Demo and the server on it
        let folder = try ScratchFolder()
        let store = try WebCLITests.makeStore(folder)
        let password = "a long enough password"
        let added = try WebCLITests.run(
            [
                "users", "add", "load-rosa", "--role", "volunteer", "--volunteer", "Rosa Demo", "--password-stdin",
                "--db", store,
            ],
            input: password + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        let before = try TourDatabase.openOrCreate(path: store)
        let membersBefore = try before.memberSummary().total
        let tasks = try before.tasks().filter { $0.volunteer == "Rosa Demo" && $0.status == .pending && $0.kind.isCall }
        try #require(tasks.count >= 20, "the demo gives Rosa Demo \(tasks.count) open calls")
        let export = try Self.writeExport(folder, rows: Self.importRows)

        let server = try ServerProcess(store: store)
        defer { server.stop() }
        let client = HTTPTestClient(base: server.url)
        let session = try await client.signIn(name: "load-rosa", password: password)
        let csrf = try await client.csrfToken(session: session)

        // When an import of 50,000 new members runs while outcomes are posted one after another
        let importer = Process()
        importer.executableURL = CLIRunner.productsDirectory.appendingPathComponent("tourplan")
        importer.arguments = ["import", export, "--db", store]
        importer.standardOutput = FileHandle.nullDevice
        let importErrors = Pipe()
        importer.standardError = importErrors
        try importer.run()
        var posted: [String: String] = [:]  // note → task id
        var duringImport = 0
        var failures: [String] = []
        for (index, task) in tasks.enumerated() {
            let running = importer.isRunning
            let note = "load test \(index)"
            let (status, body) = try await client.post(
                "/calls/\(Self.pathID(task.taskId))/outcome",
                form: [("_csrf", csrf), ("outcome", "voicemail"), ("note", note)], session: session)
            if status == 200 {
                posted[note] = task.taskId
                if running && importer.isRunning { duringImport += 1 }
            } else {
                failures.append("\(task.taskId): \(status) \(body.prefix(200))")
            }
            if !importer.isRunning && index >= 20 { break }
        }
        let importErrorText = String(decoding: importErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        importer.waitUntilExit()

        // Then no request failed, some waited for the import, the import succeeded, and both sides' writes are there
        #expect(failures.isEmpty, "\(failures)")
        #expect(duringImport > 0, "no outcome was posted while the import ran")
        #expect(importer.terminationStatus == 0, "\(importErrorText)")
        let after = try TourDatabase.openOrCreate(path: store)
        #expect(try after.memberSummary().total == membersBefore + Self.importRows)
        var stored: Set<String> = []
        for memberID in Set(tasks.map(\.memberId)) {
            for outcome in try after.outcomes(memberID: memberID) where outcome.volunteer == "Rosa Demo" {
                if let note = outcome.note, outcome.outcome == "voicemail" { stored.insert(note) }
            }
        }
        #expect(stored == Set(posted.keys))
        #expect(try await client.get("/healthz", session: nil).status == 200)
    }

    /// A CSV export of `rows` new members (ids 900001…) in cities the resolver knows.
    static func writeExport(_ folder: ScratchFolder, rows: Int) throws -> String {
        let cities = ["Boston,MA", "Chicago,IL", "Denver,CO", "Austin,TX", "Seattle,WA"]
        var text = "id,first_name,last_name,email,city,region,country\n"
        text.reserveCapacity(rows * 64)
        for row in 0..<rows {
            let id = 900_001 + row
            text += "\(id),Load\(row),Tester,load\(id)@example.org,\(cities[row % cities.count]),US\n"
        }
        return try folder.write("load-members.csv", text)
    }

    /// The URL-safe path form of a task id: base64url without padding.
    static func pathID(_ taskID: String) -> String {
        Data(taskID.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
