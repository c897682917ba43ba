import Foundation

@testable import TourPlanner

/// A temporary folder on the real file system, removed when the value is released.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("tourplan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// A country table good enough for import tests (the real one lives in Cities/).
let testCountryCodes: @Sendable (String) -> String? = { text in
    switch text.lowercased() {
    case "us", "usa", "united states": "US"
    case "no", "norway": "NO"
    case "at", "austria": "AT"
    default: nil
    }
}

func makeImporter(maxErrors: Int = 0, dryRun: Bool = false) -> MemberImporter {
    var importer = MemberImporter(
        countryCode: testCountryCodes,
        phoneE164: { raw, _ in
            let digits = raw.filter(\.isNumber)
            return digits.count == 10 ? "+1" + digits : nil
        })
    importer.maxErrors = maxErrors
    importer.dryRun = dryRun
    return importer
}

let nativeHeader =
    "id,first_name,last_name,email,phone,city,region,country,chapter,gender,joined,willing_to_host,organizer_interest,languages,notes\n"

let testDate = Date(timeIntervalSince1970: 1_401_615_000)
