import Foundation
import Testing

@testable import TourPlanner

@Suite("Import: strict where the format is broken")
struct StrictCSVTests {
    func load(_ bytes: [UInt8], _ name: String = "s.csv", maxErrors: Int = 10) async throws -> (ImportReport, [Member])
    {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter(maxErrors: maxErrors).importFile(
            path: try folder.write(name, bytes: bytes), displayName: name, into: store, now: testDate)
        return (report, try store.fetchMembers())
    }

    func load(_ text: String, maxErrors: Int = 10) async throws -> (ImportReport, [Member]) {
        try await load(Array(text.utf8), maxErrors: maxErrors)
    }

    func failure(_ bytes: [UInt8], _ name: String) async throws -> ImportError {
        do {
            _ = try await load(bytes, name)
        } catch let error as ImportError {
            return error
        }
        Issue.record("expected an ImportError")
        return ImportError(location: SourceLocation(file: ""), field: "", value: "", problem: "", hint: "")
    }

    @Test("a header that repeats a column rejects the file, naming the column and both positions")
    func repeatedColumn() async throws {
        let error = try await failure(Array("id,city,email,City\n1,Boston,a@example.org,Oslo\n".utf8), "r.csv")
        #expect(error.location == SourceLocation(file: "r.csv", line: 1, column: 4))
        #expect(error.field == "City")
        #expect(error.problem == "is a repeated column: columns 2 and 4 have the same name")
    }

    @Test("a record with more or fewer fields than the header is a row error; --max-errors applies")
    func fieldCount() async throws {
        let text = "id,city,country\n1,Boston,US\n2,Portland,OR,US\n3,Oslo\n4,Bergen,NO\n"
        let (report, members) = try await load(text)
        #expect(members.map(\.id.rawValue) == ["1", "4"])
        #expect(report.errors == 2 && report.skipped == 2 && report.committed)
        #expect(report.problems.map(\.error.location.line) == [3, 4])
        #expect(report.problems[0].error.problem == "has 4 fields but the header has 3; the row was not imported")
        let (strict, stored) = try await load(text, maxErrors: 0)
        #expect(!strict.committed && stored.isEmpty)
    }

    @Test(
        "a NUL or other C0 control character is a row error naming line and field; TAB is kept",
        arguments: [0x00, 0x01, 0x1B] as [UInt8])
    func controlCharacter(byte: UInt8) async throws {
        let bytes =
            Array("id,city,notes\n1,Boston,ok\tfine\n2,Bos".utf8) + [byte] + Array("ton,x\n3,Oslo,\"a\nb\"\n".utf8)
        let (report, members) = try await load(bytes)
        #expect(members.map(\.id.rawValue) == ["1", "3"])
        #expect(members.first?.notes == "ok\tfine")
        let problem = try #require(report.problems.first)
        #expect(problem.severity == .error)
        #expect(problem.error.location == SourceLocation(file: "s.csv", line: 3, column: 2))
        #expect(problem.error.field == "city")
        #expect(problem.error.problem.hasPrefix("contains the control character U+00"))
    }

    @Test("a control character inside a quoted field is a row error too")
    func controlCharacterQuoted() async throws {
        let bytes = Array("id,city,notes\n1,Boston,\"a".utf8) + [0x00] + Array("b\"\n".utf8)
        let (report, members) = try await load(bytes)
        #expect(members.isEmpty)
        #expect(report.problems.first?.error.location == SourceLocation(file: "s.csv", line: 2, column: 3))
        #expect(
            report.problems.first?.error.problem
                == "contains the control character U+0000 (NUL); the row was not imported")
    }

    @Test("a stray quote inside an unquoted field is kept literally, with a warning naming line and field")
    func strayQuote() async throws {
        let (report, members) = try await load("id,city,notes\n1,Boston,5'10\" tall\n")
        #expect(members.first?.notes == "5'10\" tall")
        let warning = try #require(report.problems.first)
        #expect(warning.severity == .warning)
        #expect(warning.error.location == SourceLocation(file: "s.csv", line: 2, column: 3))
        #expect(warning.error.field == "notes")
        #expect(warning.error.problem == "has a quote (\") inside an unquoted field; it was kept as typed")
    }

    @Test("a binary file is \"not a text file\", as CSV and as XML")
    func binary() async throws {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array(repeating: 0x01, count: 64)
        for name in ["m.csv", "m.xml"] {
            let error = try await failure(zip, name)
            #expect(error.problem.hasPrefix("is not a text file"))
            #expect(error.location == SourceLocation(file: name))
        }
    }

    @Test("truncated XML says it ends before </members>, not \"Document is empty\"")
    func truncatedXML() async throws {
        let xml =
            "<?xml version=\"1.0\"?>\n<members>\n  <member id=\"1\"><location><city>Boston</city></location></member>\n  <member id=\"2\"><loc"
        let error = try await failure(Array(xml.utf8), "t.xml")
        #expect(error.problem.hasPrefix("ends before </members>"))
    }

    @Test(
        "XML cut short anywhere says it ends before </members>; an error in a complete file does not",
        arguments: [
            ("<members><member id=\"", true),
            ("<members><member id=\"1\"><name><first>Ann</first><last>X</last", true),
            ("<members><member id=\"1\"><location><city>Boston</city></location></member><member id=\"2\"><na", true),
            ("<members>\n<member id=\"1\"><location><city>Boston</city></location></member>\n", true),
            ("<members><member id=\"1\"><location><city>A & B</city></location></member></members>\n", false),
            ("<members><member id=\"1\"><location><city>Boston</city></location></membr></members>", false),
        ])
    func truncatedXMLAnywhere(xml: String, cutShort: Bool) async throws {
        let error = try await failure(Array(("<?xml version=\"1.0\"?>\n" + xml).utf8), "t.xml")
        #expect(error.problem.hasPrefix("ends before </members>") == cutShort)
        #expect(error.location.file == "t.xml")
    }

    @Test("text after a closing quote is warned about with the column's name, and a phone or e-mail masked")
    func textAfterClosingQuote() async throws {
        let (report, members) = try await load(
            "id,first_name,email,city\n1,\"Zo\"ë,\"zoe@example.org\"x,Boston\n")
        #expect(members.count == 1)
        let warnings = report.problems.filter { $0.severity == .warning }.map(\.error)
        #expect(warnings.count == 2)
        let name = try #require(warnings.first { $0.location.column == 2 })
        #expect(name.field == "first_name" && name.value == "Zo")
        let email = try #require(warnings.first { $0.location.column == 3 })
        #expect(email.field == "email")
        #expect(email.value == "z•••@example.org")
    }

    @Test("a header-only file imports 0 members")
    func headerOnly() async throws {
        let (report, members) = try await load("id,city\n")
        #expect(members.isEmpty && report.rowsRead == 0 && report.committed)
    }

    @Test("a long import still reads the fast path: 2,000 plain rows, no problems")
    func plainRows() async throws {
        let text = "id,city\n" + (1...2000).map { "\($0),Boston" }.joined(separator: "\n") + "\n"
        let (report, members) = try await load(text)
        #expect(members.count == 2000 && report.problems.isEmpty)
    }
}

@Suite("Import: XML that is not XML")
struct XMLNotXMLTests {
    @Test("a text file without any element says so, not \"Document is empty\"")
    func noElement() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        do {
            _ = try await makeImporter().importFile(
                path: try folder.write("n.xml", "   \n  \n"), displayName: "n.xml", into: store, now: testDate)
            Issue.record("expected an ImportError")
        } catch let error as ImportError {
            #expect(!error.problem.contains("Document is empty"))
            #expect(error.problem == "holds no XML element (no <members> root)")
        }
    }
}
