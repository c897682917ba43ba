import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `tourplan users …` and `tourplan serve` as a user runs them.
@Suite("tourplan users and serve")
struct WebCLITests {
    /// Runs the built tourplan with `input` on standard input.
    static func run(_ arguments: [String], input: String? = nil) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = CLIRunner.productsDirectory.appendingPathComponent("tourplan")
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TOURPLAN_DB")
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A store with the demo's volunteers (Rosa Demo, Sam Demo) and its accounts (organizer,
    /// treasurer, rosa, sam).
    static func makeStore(_ folder: ScratchFolder) throws -> String {
        let demo = try CLIRunner.run(["demo", "--out", folder.path("demo")])
        #expect(demo.status == 0, "\(demo.stderr)")
        return folder.path("demo/tourplan.sqlite")
    }

    @Test("users add prints a 7-day one-time link; --password-stdin sets the password; list shows both")
    func addAndList() throws {
        let folder = try ScratchFolder()
        let store = try Self.makeStore(folder)
        let linked = try Self.run([
            "users", "add", "rosita", "--role", "volunteer", "--volunteer", "Rosa Demo", "--db", store, "--base-url",
            "https://tour.example.org",
        ])
        #expect(linked.status == 0, "\(linked.stderr)")
        let lines = linked.stdout.split(separator: "\n")
        #expect(lines.first == "Added volunteer rosita")
        #expect(
            lines.last?.hasPrefix("One-time sign-in link (valid 7 days): https://tour.example.org/welcome/") == true)
        let withPassword = try Self.run(
            ["users", "add", "ada", "--role", "organizer", "--password-stdin", "--db", store],
            input: "a long enough password\n")
        #expect(withPassword.status == 0 && withPassword.stdout == "Added organizer ada\n", "\(withPassword.stderr)")
        let list = try Self.run(["users", "list", "--db", store])
        #expect(
            list.stdout
                == """
                name       role       volunteer  password      status
                ---------  ---------  ---------  ------------  ------
                ada        organizer  -          set           active
                organizer  organizer  -          link pending  active
                rosa       volunteer  Rosa Demo  link pending  active
                rosita     volunteer  Rosa Demo  link pending  active
                sam        volunteer  Sam Demo   link pending  active
                treasurer  treasurer  -          link pending  active

                """)
    }

    @Test("users add refuses an unknown volunteer, a short password and a taken name (exit 1, hint)")
    func errors() throws {
        let folder = try ScratchFolder()
        let store = try Self.makeStore(folder)
        let unknown = try Self.run(["users", "add", "x", "--role", "volunteer", "--volunteer", "Rosa", "--db", store])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("--volunteer \"Rosa\" is not a volunteer of the schedule"))
        #expect(unknown.stderr.contains("hint: use one of: Rosa Demo, Sam Demo"))
        let short = try Self.run(
            ["users", "add", "ada", "--role", "organizer", "--password-stdin", "--db", store], input: "short\n")
        #expect(short.status == 1 && short.stderr.contains("at least 10 characters (it has 5)"))
        _ = try Self.run(["users", "add", "ada", "--role", "organizer", "--db", store])
        let taken = try Self.run(["users", "add", "ADA", "--role", "treasurer", "--db", store])
        #expect(taken.status == 1 && taken.stderr.contains("user \"ADA\" already exists"))
    }

    @Test("serve prints its URL, answers /healthz, and stops cleanly on SIGTERM")
    func serve() async throws {
        let folder = try ScratchFolder()
        let store = try Self.makeStore(folder)
        let process = Process()
        process.executableURL = CLIRunner.productsDirectory.appendingPathComponent("tourplan")
        process.arguments = ["serve", "--db", store, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("Serving http://127.0.0.1:"))
        let url = try #require(URL(string: String(text.dropFirst("Serving ".count)).trimmingCharacters(in: .newlines)))
        let (body, response) = try await URLSession.shared.data(from: url.appendingPathComponent("healthz"))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == "ok\n")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("serve refuses a missing store before listening")
    func missingStore() throws {
        let result = try Self.run(["serve", "--db", "/nonexistent/tourplan.sqlite", "--port", "0"])
        #expect(result.status == 1 && result.stderr.contains("no store at /nonexistent/tourplan.sqlite"))
    }
}
