import Foundation
import GRDB
import Testing

@testable import TourPlanner
@testable import TourPlannerStore

/// The import's byte-level path: fields read into one buffer (`RawRowBatch`), trimmed in place
/// (`ImportBytes`), encoded without `Member` values (`EncodedMemberRows.beginRow`…`endRow`), and
/// places numbered by the parsing lanes (`PlaceNumbering`).
@Suite("Import: fields read and encoded in place")
struct RawRowTests {
    @Test(
        "byte trimming removes exactly what String.trimmedForImport removes",
        arguments: [
            "", " ", "x", " x ", "\tx\r\n", "\u{A0}x\u{A0}", "\u{A0}\u{A0}", "x\u{A0}\u{A0}", " \u{A0} Oslo \u{A0} ",
            "é", " é ", "\u{A0}é", "a b", "\u{2003}x\u{2003}", "\u{0B}\u{0C}x", "Åsa\u{A0}", "\u{A0}",
        ])
    func trimming(_ text: String) {
        var copy = text
        let trimmed = copy.withUTF8 { String(decoding: ImportBytes.trimmed($0), as: UTF8.self) }
        #expect(trimmed == text.trimmedForImport)
    }

    @Test("the reader's byte path and its string path give the same fields, quotes undone")
    func readerPaths() throws {
        let folder = try TemporaryFolder()
        let text = "a,b,c\n1,\"x, \"\"y\"\"\",\n\n2,\"two\nlines\",é\n3,,last"
        let path = try folder.write("f.csv", text)
        var strings = try CSVReader(path: path, fileName: "f.csv", encoding: .utf8)
        var bytes = try CSVReader(path: path, fileName: "f.csv", encoding: .utf8)
        var arena: [UInt8] = Array("prefix".utf8)
        var records: [(line: Int, fields: [String])] = []
        while true {
            var spans: [Int32] = []
            guard let record = try bytes.nextRecord(into: &arena, spans: &spans) else { break }
            let fields = stride(from: 0, to: spans.count, by: 2).map { index in
                String(decoding: arena[Int(spans[index])..<Int(spans[index] + spans[index + 1])], as: UTF8.self)
            }
            records.append((record.line, fields))
        }
        var expected: [(line: Int, fields: [String])] = []
        while let record = try strings.next() { expected.append((record.line, record.fields)) }
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records.map(\.fields) == expected.map(\.fields))
        #expect(records.map(\.line) == expected.map(\.line))
        #expect(records[1].fields == ["1", "x, \"y\"", ""])
        #expect(records[2].fields == ["2", "two\nlines", "é"])
        #expect(records[3].fields == ["3", "", "last"])
    }

    @Test("the word-at-a-time scan finds the first delimiter, quote or control byte, as a byte scan does")
    func wordScan() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [
            0x41, 0x7A, 0x20, 0x2C, 0x3B, 0x22, 0x0A, 0x0D, 0x09, 0x00, 0x1F, 0x21, 0x80, 0xC3, 0xA9, 0xFF,
        ]
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...40, using: &generator)
            // Mostly plain letters, so that matches fall at every offset of a word.
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<8, using: &generator) == 0
                    ? alphabet.randomElement(using: &generator) ?? 0x41
                    : UInt8.random(in: 0x23...0x7E, using: &generator)
            }
            for delimiter: UInt8 in [0x2C, 0x3B, 0x09] {
                let start = count == 0 ? 0 : Int.random(in: 0...count, using: &generator)
                let expected = bytes.indices.first {
                    $0 >= start && (bytes[$0] == delimiter || bytes[$0] == 0x22 || bytes[$0] < 0x20)
                }
                let found = bytes.withUnsafeBufferPointer {
                    CSVReader.firstSpecial(in: $0, from: start, delimiter: delimiter)
                }
                #expect(found == expected, "\(bytes) from \(start), delimiter \(delimiter)")
            }
        }
    }

    @Test("invalid UTF-8 is still an error naming line and column on the byte path")
    func invalidUTF8() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.csv", bytes: Array("a,b\n1,ok\n2,x".utf8) + [0xC3, 0x28] + [0x0A])
        var reader = try CSVReader(path: path, fileName: "bad.csv", encoding: .utf8)
        var arena: [UInt8] = []
        var spans: [Int32] = []
        _ = try reader.nextRecord(into: &arena, spans: &spans)
        _ = try reader.nextRecord(into: &arena, spans: &spans)
        #expect {
            _ = try reader.nextRecord(into: &arena, spans: &spans)
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.location.line == 3 && error.location.column == 2 && error.problem == "is not valid UTF-8"
        }
    }

    @Test("the e-mail key is stored only where it differs from the e-mail, and is hashed either way")
    func emailKey() {
        var rows = EncodedMemberRows()
        for email in ["Ada@Example.org", "ada@example.org", "ÅSA@X.NO", "åsa@x.no"] {
            rows.append(Member(id: MemberID(email), email: email, city: "Oslo"))
        }
        #expect(rows.string(0, .emailKey) == "ada@example.org")
        #expect(rows.string(1, .emailKey) == nil)
        #expect(rows.string(2, .emailKey) == "åsa@x.no")
        #expect(rows.string(3, .emailKey) == nil)
        #expect(rows.emailHashes[0] == rows.emailHashes[1])
        #expect(rows.emailHashes[2] == rows.emailHashes[3])
        #expect(rows.emailHashes[0] == stableHash("ada@example.org"))
        #expect(rows.emailKey(2) == "åsa@x.no")
    }

    @Test("a member encoded from its fields in place equals the same member encoded from a Member")
    func parsedEqualsAppended() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "one.csv",
            nativeHeader
                + "7, Ada ,Lovelace,Ada@Example.org,(617) 555-0142, Boston ,MA,US,Boston Chapter, Woman ,"
                + "03/14/2011,yes,no,\"en; fr /\",  a note \n")
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter().importFile(path: path, displayName: "one.csv", into: store, now: testDate)
        #expect(report.added == 1)
        let member = Member(
            id: MemberID("7"), firstName: "Ada", lastName: "Lovelace", email: "Ada@Example.org",
            phoneRaw: "(617) 555-0142", phoneE164: "+16175550142", city: " Boston ", region: "MA", country: "US",
            countryCode: "US", chapter: "Boston Chapter", gender: "Woman", joined: "2011-03-14", willingToHost: true,
            organizerInterest: false, languages: ["en", "fr"], notes: "  a note ")
        var expected = EncodedMemberRows()
        expected.append(member)
        let stored = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM members WHERE id = '7'")
        }
        let row = try #require(stored)
        for column in MemberColumn.allCases {
            switch column.storage {
            case .text: #expect(row[column.name] as String? == expected.string(0, column), "\(column)")
            case .flag:
                let flag = expected.flag(0, column)
                #expect(row[column.name] as Int64? == (flag < 0 ? nil : flag), "\(column)")
            }
        }
    }

    @Test("places numbered by two lanes in any order give the counts of the file order; unused numbers are dropped")
    func placeNumbering() async throws {
        // 600 rows (three batches); the last batch's only new place is on a conflicting repeat.
        var text = nativeHeader
        for id in 1...600 {
            let place = ["Boston,MA,US", "Oslo,,Norway", "Wien,,Austria"][id % 3]
            text += "\(id),F,L,m\(id)@example.org,,\(place),,,,,,,\n"
        }
        text += "5,F,L,other@example.org,,Nowhere,,US,,,,,,,\n"
        let folder = try TemporaryFolder()
        let path = try folder.write("p.csv", text)
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter(maxErrors: 1).importFile(
            path: path, displayName: "p.csv", into: store, now: testDate)
        #expect(report.added == 600 && report.errors == 1)
        let tallied = try BulkLoadTests.tables(store)
        try await store.writer.write { db in try TourDatabase.refreshMemberAggregates(db) }
        #expect(try BulkLoadTests.tables(store).places == tallied.places)
        #expect(
            tallied.places.map { $0["placeKey"] as String } == [
                "Boston\u{1F}MA\u{1F}US", "Oslo\u{1F}\u{1F}Norway", "Wien\u{1F}\u{1F}Austria",
            ])
        #expect(tallied.places.map { $0["members"] as Int } == [200, 200, 200])

        // Numbered out of order (as two lanes may), then tallied in file order: the same numbers per key.
        let numbering = PlaceNumbering()
        var second = EncodedMemberRows()
        second.append(Member(id: MemberID("2"), city: "Oslo"))
        var first = EncodedMemberRows()
        first.append(Member(id: MemberID("1"), city: "Boston"))
        first.append(Member(id: MemberID("3"), city: "Oslo"))
        numbering.number(&second)
        numbering.number(&first)
        #expect(second.placeNumbers == [0])
        #expect(first.placeNumbers == [1, 0])
        #expect(numbering.keys() == ["Oslo\u{1F}\u{1F}", "Boston\u{1F}\u{1F}"])
    }

    @Test("an import runs with per-row foreign-key checks off, leaves them on, and stores no dangling reference")
    func foreignKeys() async throws {
        let folder = try TemporaryFolder()
        let store = try TourDatabase.makeInMemory()
        // Chapters first seen in the file, in both the bulk load and the row-by-row re-import.
        var text = nativeHeader
        for id in 1...300 {
            text += "\(id),F,L,m\(id)@example.org,,Oslo,,Norway,\(id % 2 == 0 ? "Oslo \(id % 5)" : ""),,,,,,\n"
        }
        let first = try folder.write("first.csv", text)
        let second = try folder.write("second.csv", text.replacingOccurrences(of: "Oslo 1", with: "Bergen"))
        for path in [first, second] {
            let report = try await makeImporter().importFile(
                path: path, displayName: "m.csv", into: store, now: testDate)
            #expect(report.committed)
            let (enabled, dangling, chapters) = try store.writer.read { db in
                (
                    try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"),
                    try Row.fetchAll(db, sql: "PRAGMA foreign_key_check"),
                    try String.fetchAll(db, sql: "SELECT name FROM chapters ORDER BY name")
                )
            }
            #expect(enabled == true)
            #expect(dangling.isEmpty)
            #expect(chapters.count == (path == first ? 5 : 6))
        }
    }
}
