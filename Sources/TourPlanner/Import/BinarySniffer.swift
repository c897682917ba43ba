/// Tells a text export from a binary file (a spreadsheet, an archive, a database, an image) by
/// its first bytes, so the user reads "not a text file" rather than a parser's complaint.
enum BinarySniffer {
    /// How many leading bytes are looked at.
    static let window = 4096

    /// The verdict on a file's first bytes: nil for text, else the reason it is not text.
    ///
    /// Binary means a NUL byte in the first line (no header holds one), or at least 1 byte in 16
    /// of the window being a C0 control other than TAB, LF, CR, FF and ESC. A file that starts with
    /// a UTF-16 byte-order mark is text. A single NUL further down is left to the row checks.
    static func binaryReason(_ head: ArraySlice<UInt8>) -> String? {
        let bytes = head.prefix(window)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        var controls = 0
        var nulls = 0
        var inFirstLine = true
        var nulInFirstLine = false
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D { inFirstLine = false }
            if byte == 0 {
                nulls += 1
                if inFirstLine { nulInFirstLine = true }
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
                controls += 1
            }
        }
        if nulInFirstLine || (bytes.count > 0 && controls * 16 >= bytes.count && controls > 1) {
            if nulls * 3 >= bytes.count { return "UTF-16 without a byte-order mark, or binary data" }
            return "binary data"
        }
        return nil
    }

    /// The error for a binary file.
    static func error(fileName: String, reason: String) -> ImportError {
        ImportError(
            location: SourceLocation(file: fileName), field: "", value: "",
            problem: "is not a text file (its first bytes look like \(reason))",
            hint:
                "import the CSV or XML member export itself, not a spreadsheet (.xlsx), archive or database; in a spreadsheet use \"Save as CSV (UTF-8)\""
        )
    }
}
