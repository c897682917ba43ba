import Foundation

/// Parses CSV with Python's csv module (Tests/Checks/check_csv.py): a parser we did not write.
enum CSVCheck {
    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Checks").appendingPathComponent("check_csv.py").path
    }

    /// True when python3 runs (the checker needs only its standard library).
    static let isAvailable: Bool = {
        (try? run(["-c", "import csv, json"]))?.status == 0
    }()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The records of a CSV text, as Python reads them; throws when Python rejects the text.
    static func records(_ text: String, folder: ScratchFolder, name: String) throws -> [[String]] {
        let path = try folder.write(name, text)
        let result = try run([script, path])
        guard result.status == 0,
            let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
            let rows = json["rows"] as? [[String]]
        else {
            throw Failure(description: "\(name): Python's csv module rejects it: \(result.output)")
        }
        guard json["endsWithCRLF"] as? Bool == true else {
            throw Failure(description: "\(name): does not end with CRLF")
        }
        return rows
    }
}
