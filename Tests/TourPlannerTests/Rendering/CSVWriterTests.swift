import Testing

@testable import TourPlanner

@Suite("CSVWriter: the one safe CSV writer")
struct CSVWriterTests {
    @Test(
        "text cells a spreadsheet would evaluate get a leading ' and are quoted; the rest of the text is kept",
        arguments: [
            ("=1+1", "\"'=1+1\""), ("@SUM(A1)", "\"'@SUM(A1)\""), ("+cmd", "\"'+cmd\""), ("-2+3", "\"'-2+3\""),
            ("\tTab", "\"'\tTab\""), ("\rCR", "\"'\rCR\""), ("a\tb", "\"a\tb\""), ("a\rb", "\"a\rb\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("Ada", "Ada"), ("Smith, Jr.", "\"Smith, Jr.\""),
            ("", ""), ("+16175550152", "\"'+16175550152\""), ("  =1+1", "\"'  =1+1\""), (" Ada", " Ada"),
        ])
    func textCell(cell: String, written: String) {
        #expect(CSVWriter.cell(cell, kind: .text) == written)
    }

    @Test(
        "a phone column lets exactly an E.164 number through and guards anything else",
        arguments: [
            ("+16175550152", "+16175550152"), ("+4791234567", "+4791234567"), ("+12345678", "+12345678"),
            ("+123456789012345", "+123456789012345"),
            // 7 and 16 digits, spaces, a second plus, a formula, a newline: not E.164, so guarded.
            ("+1234567", "\"'+1234567\""), ("+1234567890123456", "\"'+1234567890123456\""),
            ("+1 617 555 0142", "\"'+1 617 555 0142\""), ("+1+1", "\"'+1+1\""), ("=1+1", "\"'=1+1\""),
            ("+16175550152\n", "\"'+16175550152\n\""), ("617-555-0152", "617-555-0152"),
            ("+١٦١٧٥٥٥٠١٥٢", "\"'+١٦١٧٥٥٥٠١٥٢\""),
        ])
    func phoneCell(cell: String, written: String) {
        #expect(CSVWriter.cell(cell, kind: .phone) == written)
    }

    /// What LibreOffice Calc 7.4 made of these cells (CSV to xlsx, UTF-8): `+16175550152` became
    /// the number 16175550152 and `02079460958` the number 2079460958; the guarded cells stayed text.
    @Test(
        "a phone column for people keeps every number text: E.164 and digits-only numbers are guarded too",
        arguments: [
            ("+16175550152", "\"'+16175550152\""), ("+442079460958", "\"'+442079460958\""),
            ("02079460958", "\"'02079460958\""), ("16175550152", "\"'16175550152\""),
            ("(617) 555-0152", "(617) 555-0152"), ("(617) 555-0152 ext. 12", "(617) 555-0152 ext. 12"),
            ("0412 345 678", "0412 345 678"), ("+1 617 555 0142", "\"'+1 617 555 0142\""), ("=1+1", "\"'=1+1\""),
            ("", ""),
        ])
    func dialableCell(cell: String, written: String) {
        #expect(CSVWriter.cell(cell, kind: .dialable) == written)
    }

    @Test(
        "plain decimal numbers are values, not formulas, and stay as they are",
        arguments: [("-122.41940", "-122.41940"), ("-12.50", "-12.50"), ("0", "0"), ("-7", "-7")])
    func plainNumbers(cell: String, written: String) {
        #expect(CSVWriter.cell(cell, kind: .text) == written)
    }

    @Test("not numbers: guarded", arguments: ["-", "-.5", "-1.", "-1.2.3", "-1e5", "-1,5"])
    func notNumbers(cell: String) {
        #expect(SpreadsheetSafety.neutralize(cell) == "'" + cell)
    }

    @Test("a document: header, typed columns, CRLF line ends")
    func document() {
        var csv = CSVWriter(columns: [.text("name"), .phone("cell"), .text("note")])
        csv.append(["Mary Ann", "+16175550152", "=1+1"])
        csv.append(["@x", "+1 617 555 0152", "said \"hi\""])
        #expect(
            csv.render()
                == "name,cell,note\r\nMary Ann,+16175550152,\"'=1+1\"\r\n\"'@x\",\"'+1 617 555 0152\",\"said \"\"hi\"\"\"\r\n"
        )
    }

    @Test("the header is guarded too, and render(header:rows:) is the same writer")
    func headerAndShorthand() {
        #expect(CSVWriter.render(header: ["=a", "b"], rows: [["1", "-x"]]) == "\"'=a\",b\r\n1,\"'-x\"\r\n")
    }
}
