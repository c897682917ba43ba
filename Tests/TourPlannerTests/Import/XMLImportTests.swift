import Foundation
import Testing

@testable import TourPlanner

@Suite("XML import")
struct XMLImportTests {
    static let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- exported by the website -->
        <members exported-at="2014-06-01T09:30:00Z" count="2">
          <member id="1001">
            <name><first>Zoë</first><last>Example</last></name>
            <email>zoe.example@example.org</email>
            <phone>(617) 555-0142</phone>
            <location><city>Boston</city><region>MA</region><country>US</country></location>
            <chapter/>
            <gender>woman</gender>
            <joined>2011-03-14</joined>
            <preferences willing-to-host="yes" organizer-interest="no"/>
            <languages><language>English</language><language>Spanish</language></languages>
            <notes>free text, may span
        lines, escaped &amp; &lt;</notes>
          </member>
          <member id="1002">
            <name><first>Bo</first><last>Ex</last></name>
            <location><city>Wien</city><country>Austria</country></location>
            <chapter>Vienna</chapter>
            <joined>03/14/2011</joined>
          </member>
        </members>
        """

    static let csv =
        nativeHeader
        + "1001,Zoë,Example,zoe.example@example.org,(617) 555-0142,Boston,MA,US,,woman,2011-03-14,yes,no,\"English,Spanish\",\"free text, may span\nlines, escaped & <\"\n"
        + "1002,Bo,Ex,,,Wien,,Austria,Vienna,,03/14/2011,,,,\n"

    @Test("the same export as CSV and as XML yields the same database")
    func sameAsCSV() async throws {
        let folder = try TemporaryFolder()
        let fromXML = try TourDatabase.makeInMemory()
        let fromCSV = try TourDatabase.makeInMemory()
        let xmlReport = try await makeImporter().importFile(
            path: try folder.write("m.xml", Self.xml), displayName: "m.xml", into: fromXML, now: testDate)
        let csvReport = try await makeImporter().importFile(
            path: try folder.write("m.csv", Self.csv), displayName: "m.csv", into: fromCSV, now: testDate)
        #expect(xmlReport.added == 2 && csvReport.added == 2)
        #expect(xmlReport.problems.isEmpty)
        let members = try fromXML.fetchMembers()
        #expect(members == (try fromCSV.fetchMembers()))
        #expect(members[0].languages == ["English", "Spanish"] && members[0].willingToHost == true)
        #expect(members[1].countryCode == "AT" && members[1].joined == "2011-03-14")
    }

    static let attacks: [(name: String, text: String, problem: String)] = [
        (
            "xxe.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE members [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<members><member id=\"1\"><location><city>&xxe;</city></location></member></members>\n",
            "has a document type declaration, which a member export never needs"
        ),
        (
            "laughs.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>\n<members><member id=\"1\"><location><city>&lol3;</city></location></member></members>\n",
            "has a document type declaration, which a member export never needs"
        ),
        (
            "quadratic.xml",
            "<!DOCTYPE m [<!ENTITY a \"" + String(repeating: "x", count: 50_000)
                + "\">]><members><member id=\"1\"><notes>" + String(repeating: "&a;", count: 10_000)
                + "</notes></member></members>",
            "has a document type declaration, which a member export never needs"
        ),
        (
            "deep.xml",
            "<members>" + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
                + "</members>",
            "nests elements deeper than 16 levels"
        ),
        (
            "entity.xml", "<members><member id=\"1\"><location><city>&undefined;</city></location></member></members>",
            "is not well-formed XML"
        ),
        ("truncated.xml", "<members><member id=\"1\"><location><city>Boston</city>", "ends before </members>"),
        ("root.xml", "<people><person/></people>", "is not a member export (the root element must be <members>)"),
        ("empty.xml", "", "is empty"),
    ]

    @Test("attack and broken files fail fast with a clear error and leave the store unchanged", arguments: attacks)
    func attack(name: String, text: String, problem: String) async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        let path = try folder.write(name, text)
        await #expect {
            try await makeImporter().importFile(path: path, displayName: name, into: store, now: testDate)
        } throws: { error in
            let importError = try #require(error as? ImportError)
            return importError.problem.hasPrefix(problem) && importError.location.file == name
        }
        #expect(try store.memberSummary().total == 0)
    }

    @Test("a DOCTYPE hidden behind UTF-16 is still refused by the reader itself")
    func utf16Doctype() async throws {
        let folder = try TemporaryFolder()
        let text =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE m [<!ENTITY a \"x\">]><members><member id=\"1\"><location><city>&a;</city></location></member></members>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let store = try TourDatabase.makeInMemory()
        await #expect(throws: ImportError.self) {
            try await makeImporter().importFile(
                path: try folder.write("u.xml", bytes: bytes), displayName: "u.xml", into: store, now: testDate)
        }
        #expect(try store.memberSummary().total == 0)
    }
}

@Suite("Bundled sample")
struct SampleDataTests {
    @Test("the bundled sample export as CSV and as XML yields the same members")
    func csvEqualsXML() async throws {
        let csv = try #require(SampleData.exportPath(.csv))
        let xml = try #require(SampleData.exportPath(.xml))
        let fromCSV = try TourDatabase.makeInMemory()
        let fromXML = try TourDatabase.makeInMemory()
        let importer = try MemberImporter.makeDefault()
        let csvReport = try await importer.importFile(
            path: csv, displayName: "sample.csv", into: fromCSV, now: testDate)
        let xmlReport = try await importer.importFile(
            path: xml, displayName: "sample.xml", into: fromXML, now: testDate)
        #expect(csvReport.errors == 0 && xmlReport.errors == 0)
        #expect(csvReport.added == 392 && xmlReport.added == 392)
        #expect(try fromCSV.fetchMembers() == (try fromXML.fetchMembers()))
        // The 2014 figures: Chicago 30 unaffiliated, a New York chapter of 40.
        let summary = try fromCSV.memberSummary()
        #expect(summary.byChapter.first { $0.name == "New York City" }?.members == 40)
        #expect(summary.byCity.first { $0.name == "Chicago" }?.unaffiliated == 28)
    }
}
