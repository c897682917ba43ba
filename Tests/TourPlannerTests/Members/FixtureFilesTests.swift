import Foundation
import Testing

/// The importer fixtures are bundled with the tests and have the bytes their README promises.
@Suite("Fixture files")
struct FixtureFilesTests {
    static let names = [
        "members-basic.csv", "members-basic.xml", "members-semicolon.csv", "members-tab.tsv", "members-utf16le.csv",
        "members-bom-crlf.csv", "members-latin1.csv", "members-quoted.csv", "members-bad-rows.csv", "actionnetwork.csv",
        "nationbuilder.csv", "civicrm.csv", "xxe-external.xml", "billion-laughs.xml", "quadratic-blowup.xml",
        "deep-nesting.xml", "doctype-only.xml", "malformed.xml",
    ]

    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
        return try Data(contentsOf: url)
    }

    @Test(arguments: names)
    func bundled(name: String) throws {
        let data = try Self.data(name)
        #expect(!data.isEmpty && data.count < 200_000)
    }

    @Test func encodings() throws {
        #expect(try Self.data("members-utf16le.csv").prefix(2) == Data([0xFF, 0xFE]))
        #expect(try Self.data("members-bom-crlf.csv").prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        #expect(String(data: try Self.data("members-latin1.csv"), encoding: .utf8) == nil)
        #expect(String(data: try Self.data("members-basic.csv"), encoding: .utf8) != nil)
    }
}
