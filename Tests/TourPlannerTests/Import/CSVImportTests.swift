import Foundation
import Testing

@testable import TourPlanner

@Suite("CSV import")
struct CSVImportTests {
    @Test("RFC 4180 quoting: embedded delimiters, doubled quotes and newlines; lines stay physical")
    func quoting() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "q.csv",
            nativeHeader
                + "1,Zoë,Example,zoe@example.org,,Boston,MA,US,,woman,2011-03-14,yes,no,\"English, Spanish\",\"says \"\"hi\"\", ok\nsecond line\"\n"
                + "2,Bo,Ex,,,\"Cambridge\",MA,US,,,,,,,\n"
                + "3,,,,,,MA,US,,,,,,,\n")
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter(maxErrors: 1).importFile(
            path: path, displayName: "q.csv", into: store, now: testDate)
        #expect(report.added == 2)
        let members = try store.fetchMembers()
        #expect(members[0].notes == "says \"hi\", ok\nsecond line")
        #expect(members[0].languages == ["English", "Spanish"])
        #expect(members[0].willingToHost == true && members[0].organizerInterest == false)
        #expect(members[1].city == "Cambridge")
        // The third record starts on physical line 5 because the first one spans two lines.
        let error = try #require(report.problems.first { $0.severity == .error })
        #expect(error.error.location == SourceLocation(file: "q.csv", line: 5, column: 6))
        #expect(
            error.error.description
                == "q.csv:5:6: city is empty\n  hint: every member needs a city; fill it in (the place is how tours are planned)"
        )
    }

    @Test(
        "a file without a final line break keeps its last field whole (small, and past the first 1 MiB chunk)",
        arguments: [1, 20_000])
    func noFinalLineBreak(rows: Int) async throws {
        let folder = try TemporaryFolder()
        var text = "id,city,country,notes\n"
        for id in 1...rows { text += "\(id),Oslo,NO,row \(id) of \(rows) padded to cross chunk boundaries\n" }
        text += "\(rows + 1),Boston,US,the last field"
        let path = try folder.write("n.csv", text)
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter().importFile(path: path, displayName: "n.csv", into: store, now: testDate)
        #expect(report.added == rows + 1)
        let last = try #require(try store.fetchMembers().first { $0.id == MemberID("\(rows + 1)") })
        #expect(last.city == "Boston" && last.notes == "the last field")
    }

    @Test("a quoted last field without a final line break is read whole")
    func quotedLastFieldNoLineBreak() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("q.csv", "id,city,notes\n1,Oslo,\"a, \"\"b\"\"\"")
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter().importFile(path: path, displayName: "q.csv", into: store, now: testDate)
        #expect(report.added == 1)
        #expect(try store.fetchMembers().first?.notes == "a, \"b\"")
    }

    @Test("delimiter detected among comma, semicolon and tab", arguments: [",", ";", "\t"])
    func delimiters(delimiter: String) async throws {
        let folder = try TemporaryFolder()
        let text =
            ["id", "city", "country", "notes"].joined(separator: delimiter) + "\r\n"
            + ["7", "Oslo", "NO", "\"a, b; c\td\""].joined(separator: delimiter) + "\r\n"
        let path = try folder.write("d.csv", text)
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter().importFile(path: path, displayName: "d.csv", into: store, now: testDate)
        #expect(report.added == 1)
        let member = try #require(try store.fetchMembers().first)
        #expect(member.city == "Oslo" && member.countryCode == "NO" && member.notes == "a, b; c\td")
    }

    @Test("an Excel sep= line names the delimiter; line numbers still count it")
    func excelSeparatorLine() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("x.csv", "sep=;\r\nid;city;notes\r\n1;Oslo;a,b\r\n2;;x\r\n")
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter(maxErrors: 1).importFile(
            path: path, displayName: "x.csv", into: store, now: testDate)
        #expect(report.added == 1)
        #expect(try store.fetchMembers().first?.notes == "a,b")
        #expect(report.problems.first?.error.location.line == 4)
    }

    @Test("UTF-8 BOM with CRLF, and UTF-16 LE and BE detected by BOM")
    func encodings() async throws {
        let folder = try TemporaryFolder()
        let text = "id,city\r\n1,Wien\r\n2,Genève\r\n"
        var utf16LE: [UInt8] = [0xFF, 0xFE]
        var utf16BE: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            utf16LE += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            utf16BE += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        for (name, bytes) in [
            ("bom.csv", [0xEF, 0xBB, 0xBF] + Array(text.utf8)), ("le.csv", utf16LE), ("be.csv", utf16BE),
        ] {
            let store = try TourDatabase.makeInMemory()
            let path = try folder.write(name, bytes: bytes)
            let report = try await makeImporter().importFile(path: path, displayName: name, into: store, now: testDate)
            #expect(report.added == 2, "\(name)")
            #expect(try store.fetchMembers().map(\.city) == ["Wien", "Genève"], "\(name)")
        }
    }

    @Test("invalid UTF-8 names line and column unless latin1 is asked for")
    func invalidUTF8() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("l.csv", bytes: Array("id,city\n1,Z".utf8) + [0xFC] + Array("rich\n".utf8))
        let store = try TourDatabase.makeInMemory()
        await #expect {
            try await makeImporter().importFile(path: path, displayName: "l.csv", into: store, now: testDate)
        } throws: { error in
            let importError = try #require(error as? ImportError)
            return importError.location == SourceLocation(file: "l.csv", line: 2, column: 2)
                && importError.field == "city"
        }
        #expect(try store.memberSummary().total == 0)
        var latin1 = makeImporter()
        latin1.encoding = .latin1
        _ = try await latin1.importFile(path: path, displayName: "l.csv", into: store, now: testDate)
        #expect(try store.fetchMembers().first?.city == "Zürich")
    }

    @Test("a quote never closed is an error naming the line where it opened")
    func unterminatedQuote() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("u.csv", "id,city,notes\n1,Boston,ok\n2,Boston,\"never closed\n3,Boston,x\n")
        let store = try TourDatabase.makeInMemory()
        await #expect(throws: ImportError.self) {
            try await makeImporter().importFile(path: path, displayName: "u.csv", into: store, now: testDate)
        }
        do {
            _ = try await makeImporter().importFile(path: path, displayName: "u.csv", into: store, now: testDate)
        } catch let error as ImportError {
            #expect(error.location.line == 3)
            #expect(error.problem == "has a quote that is never closed")
        }
        #expect(try store.memberSummary().total == 0)
    }

    @Test("a missing required column lists the columns found")
    func missingColumn() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("m.csv", "id,town\n1,Boston\n")
        await #expect {
            try await makeImporter().importFile(
                path: path, displayName: "m.csv", into: try TourDatabase.makeInMemory(), now: testDate)
        } throws: { error in
            (error as? ImportError)?.description.contains("column is missing (columns found: \"id\", \"town\")") == true
        }
    }

    @Test("a field's second column (NationBuilder's phone_number, address_city) fills a row whose first is empty")
    func alternateColumns() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(
            "nb.csv",
            "nationbuilder_id,first_name,mobile_number,phone_number,primary_city,address_city\n"
                + "1,Ann,617 555 0101,617 555 0102,Boston,Cambridge\n" + "2,Bo,,617 555 0103,,Cambridge\n")
        let store = try TourDatabase.makeInMemory()
        let report = try await makeImporter().importFile(path: path, displayName: "nb.csv", into: store, now: testDate)
        #expect(report.mapping == "nationbuilder" && report.added == 2)
        // Both columns are used, so neither is listed as a column TourPlanner does not use.
        #expect(report.problems.isEmpty)
        let members = try store.fetchMembers()
        let ann = try #require(members.first { $0.id == MemberID("1") })
        let bo = try #require(members.first { $0.id == MemberID("2") })
        #expect(ann.phoneRaw == "617 555 0101" && ann.phoneE164 == "+16175550101" && ann.city == "Boston")
        #expect(bo.phoneRaw == "617 555 0103" && bo.phoneE164 == "+16175550103" && bo.city == "Cambridge")
    }

    @Test("unknown columns are ignored with one warning listing them")
    func unknownColumns() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("x.csv", "id,city,shoe_size,favourite_colour\n1,Boston,9,red\n2,Boston,10,blue\n")
        let report = try await makeImporter().importFile(
            path: path, displayName: "x.csv", into: try TourDatabase.makeInMemory(), now: testDate)
        #expect(report.added == 2)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.error.value == "shoe_size, favourite_colour")
    }

    @Test("columns without a header (Excel's empty trailing columns) are named by position in the warning")
    func headerlessColumns() async throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("t.csv", " ID , CITY ,, \r\n1,Boston,,\r\n")
        let report = try await makeImporter().importFile(
            path: path, displayName: "t.csv", into: try TourDatabase.makeInMemory(), now: testDate)
        #expect(report.added == 1)
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.error.value == "column 3 (no header), column 4 (no header)")
    }
}
