/// One CSV record: its fields and the physical line it starts on (a record can span lines).
struct CSVRecord: Sendable {
    var fields: [String]
    var line: Int
    /// What was wrong inside the record (usually empty).
    var issues: [CSVIssue] = []
}

/// A problem inside one record that does not stop reading the file (line and 1-based field).
enum CSVIssue: Sendable, Hashable {
    /// A C0 control character other than TAB (and CR or LF inside quotes): the row is rejected.
    case controlCharacter(line: Int, column: Int, byte: UInt8)
    /// A `"` inside an unquoted field: kept literally, with a warning.
    case strayQuote(line: Int, column: Int)
}

/// The field separator of a CSV file.
package enum CSVDelimiter: UInt8, Sendable, CaseIterable {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09
}

/// A streaming RFC 4180 reader over a file: reads 1 MB chunks, so memory stays flat whatever
/// the file size.
///
/// Rules (documented in README): fields may be quoted with `"`; a doubled `""` inside quotes
/// is one quote; quoted fields may hold delimiters, CR and LF. CRLF or LF ends a record.
/// UTF-8 with or without BOM; UTF-16 LE/BE is detected by its BOM; invalid UTF-8 is an error
/// naming line and field unless the encoding is `.latin1`. The delimiter is detected on the
/// header among `,` `;` TAB, or taken from an Excel `sep=X` first line. A quote inside an
/// unquoted field is kept literally (hand-typed `5'10"`) and reported; text after a closing quote
/// is kept and reported. A C0 control character (but TAB, and CR or LF inside quotes) is reported
/// per record (the row is rejected). A field over 1 MiB, or a quote never closed, is an error
/// naming the line where it started; a file whose first bytes are binary is "not a text file".
///
/// - Complexity: O(n) in the file size.
struct CSVReader {
    static let maxFieldBytes = 1 << 20

    let fileName: String
    private var source: FileByteSource
    private var decoder: UTF8ChunkDecoder
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEndOfFile = false
    private(set) var delimiter: UInt8 = CSVDelimiter.comma.rawValue
    private var line = 1
    private var delimiterKnown: Bool
    /// Problems that do not stop reading (e.g. text after a closing quote).
    private(set) var warnings: [ImportError] = []
    /// Issues of the record being read (moved into it when it ends).
    private var issues: [CSVIssue] = []
    private var checkedForBinary = false

    init(path: String, fileName: String, encoding: TextEncoding, delimiter: CSVDelimiter? = nil) throws(ImportError) {
        self.fileName = fileName
        self.source = try FileByteSource(path: path)
        self.decoder = UTF8ChunkDecoder(requested: encoding)
        if let delimiter {
            self.delimiter = delimiter.rawValue
            delimiterKnown = true
        } else {
            delimiterKnown = false
        }
    }

    var sha256Hex: String {
        var hasher = source.hasher
        return hasher.finalizeHex()
    }
    var byteCount: Int { Int(source.hasher.byteCount) }
    var encodingIsUTF16: Bool { decoder.source == .utf16LE || decoder.source == .utf16BE }
    var isLatin1: Bool { decoder.source == .latin1 }

    func close() { source.close() }

    /// Reads more bytes into the buffer; returns false at the end of the file.
    private mutating func fill() throws(ImportError) -> Bool {
        if atEndOfFile { return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        while true {
            if let chunk = try source.nextChunk() {
                if !checkedForBinary {
                    checkedForBinary = true
                    if let reason = BinarySniffer.binaryReason(chunk[...]) {
                        throw BinarySniffer.error(fileName: fileName, reason: reason)
                    }
                }
                let decoded = decoder.decode(chunk, isLast: false)
                if decoded.isEmpty { continue }
                buffer.append(contentsOf: decoded)
                return true
            }
            atEndOfFile = true
            let tail = decoder.decode([], isLast: true)
            buffer.append(contentsOf: tail)
            return !tail.isEmpty
        }
    }

    /// Detects the delimiter from the first line: the candidate seen most often outside quotes.
    private mutating func detectDelimiter() throws(ImportError) {
        delimiterKnown = true
        while !buffer[position...].contains(0x0A) {
            if try !fill() { break }
        }
        // Excel's "sep=;" first line names the delimiter and is not part of the data.
        let head = buffer[position...].prefix(6)
        if head.count >= 5, Array(head.prefix(4)).map({ $0 | 0x20 }) == Array("sep=".utf8),
            [0x2C, 0x3B, 0x09, 0x7C].contains(head[head.startIndex + 4])
        {
            delimiter = head[head.startIndex + 4]
            while position < buffer.count && buffer[position] != 0x0A { position += 1 }
            if position < buffer.count { position += 1 }
            line += 1
            return
        }
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        var index = position
        while index < buffer.count {
            let byte = buffer[index]
            if byte == 0x22 { inQuotes.toggle() }
            if !inQuotes {
                if byte == 0x0A { break }
                if byte == 0x2C || byte == 0x3B || byte == 0x09 { counts[byte, default: 0] += 1 }
            }
            index += 1
        }
        // Ties favour comma, then semicolon, then tab.
        let order: [UInt8] = [0x2C, 0x3B, 0x09]
        var best: UInt8 = 0x2C
        var bestCount = 0
        for candidate in order where counts[candidate, default: 0] > bestCount {
            best = candidate
            bestCount = counts[candidate, default: 0]
        }
        delimiter = best
    }

    /// The next record, or nil at the end of the file.
    ///
    /// - Throws: `ImportError` for invalid UTF-8, an unterminated quote or an oversized field.
    mutating func next() throws(ImportError) -> CSVRecord? {
        // Taken out of `self` while the reader reads into them, then put back (capacity kept).
        var scratch = self.scratch
        var scratchSpans = self.scratchSpans
        self.scratch = []
        self.scratchSpans = []
        defer {
            scratch.removeAll(keepingCapacity: true)
            scratchSpans.removeAll(keepingCapacity: true)
            self.scratch = scratch
            self.scratchSpans = scratchSpans
        }
        guard let record = try nextRecord(into: &scratch, spans: &scratchSpans) else { return nil }
        var fields: [String] = []
        fields.reserveCapacity(scratchSpans.count / 2)
        for index in stride(from: 0, to: scratchSpans.count, by: 2) {
            let start = Int(scratchSpans[index])
            fields.append(String(decoding: scratch[start..<start + Int(scratchSpans[index + 1])], as: UTF8.self))
        }
        return CSVRecord(fields: fields, line: record.line, issues: record.issues)
    }

    /// The buffers `next()` reads a record into.
    private var scratch: [UInt8] = []
    private var scratchSpans: [Int32] = []

    /// Reads the next record's fields into `arena` (appended, validated UTF-8, quotes undone)
    /// and their (offset, count) pairs into `spans` (appended); nil at the end of the file.
    ///
    /// The importer's path: no `String` per field.
    ///
    /// - Throws: `ImportError` for invalid UTF-8, an unterminated quote or an oversized field.
    mutating func nextRecord(into arena: inout [UInt8], spans: inout [Int32]) throws(ImportError) -> (
        line: Int, issues: [CSVIssue]
    )? {
        if !delimiterKnown { try detectDelimiter() }
        // Skip blank lines between records.
        while true {
            if position >= buffer.count, try !fill() { return nil }
            let byte = buffer[position]
            if byte == 0x0A {
                line += 1
                position += 1
            } else if byte == 0x0D {
                position += 1
                if position >= buffer.count { _ = try fill() }
                if position < buffer.count && buffer[position] == 0x0A { position += 1 }
                line += 1
            } else {
                break
            }
        }
        let recordLine = line
        let firstSpan = spans.count
        while true {
            let endsRecord = try readField(
                recordLine: recordLine, column: (spans.count - firstSpan) / 2 + 1, arena: &arena, spans: &spans)
            if endsRecord {
                if issues.isEmpty { return (recordLine, []) }
                defer { issues = [] }
                return (recordLine, issues)
            }
        }
    }

    /// Consumes a field terminator at `position` (delimiter, LF, CRLF, CR or end of file) and
    /// says whether it ended the record.
    private mutating func consumeTerminator() throws(ImportError) -> Bool {
        if position >= buffer.count, try !fill() { return true }
        let byte = buffer[position]
        position += 1
        if byte == delimiter { return false }
        if byte == 0x0D {
            if position >= buffer.count { _ = try fill() }
            if position < buffer.count && buffer[position] == 0x0A { position += 1 }
        }
        line += 1
        return true
    }

    /// Reads one field into `arena` and its span into `spans`; says whether it ended the record.
    /// The common case, an unquoted field inside the buffer, is copied straight from the buffer;
    /// quoted fields and fields with stray quotes take the slow path.
    private mutating func readField(recordLine: Int, column: Int, arena: inout [UInt8], spans: inout [Int32])
        throws(ImportError) -> Bool
    {
        // Fast path: scan for the first special byte.
        while true {
            if position >= buffer.count, try !fill() {
                spans.append(Int32(arena.count))
                spans.append(0)
                return true
            }
            let delimiter = self.delimiter
            let start = position
            let stop = buffer.withUnsafeBufferPointer { Self.firstSpecial(in: $0, from: start, delimiter: delimiter) }
            guard let stop else {
                if buffer.count - start > Self.maxFieldBytes { break }
                // The field runs past the buffer: read more and scan again from its start.
                if try fill() { continue }
                // The end of the file without a final line break. `fill()` may have moved the
                // unread bytes to the front of the buffer, so the field starts at `position` now.
                try Self.append(
                    buffer[position...], to: &arena, spans: &spans, fileName: fileName, line: recordLine,
                    column: column)
                position = buffer.count
                return true
            }
            let special = buffer[stop]
            // A quote, or a control character inside the field: slow path.
            if special == 0x22 || (special != delimiter && special != 0x0A && special != 0x0D) { break }
            if stop - start > Self.maxFieldBytes { break }
            // Copied from the buffer in place (a slice of it would retain and release the buffer).
            let copied = buffer.withUnsafeBufferPointer { bytes in
                Self.appendIfUTF8(UnsafeBufferPointer(rebasing: bytes[start..<stop]), to: &arena, spans: &spans)
            }
            if !copied {
                throw Self.notUTF8(buffer[start..<stop], fileName: fileName, line: recordLine, column: column)
            }
            position = stop
            return try consumeTerminator()
        }
        let (field, endsRecord) = try readFieldSlowly(recordLine: recordLine, column: column)
        try Self.append(field[...], to: &arena, spans: &spans, fileName: fileName, line: recordLine, column: column)
        return endsRecord
    }

    /// Byte-by-byte field reader for quoted fields (RFC 4180) and stray quotes.
    private mutating func readFieldSlowly(recordLine: Int, column: Int) throws(ImportError) -> ([UInt8], Bool) {
        var field: [UInt8] = []
        var inQuotes = false
        var afterClosingQuote = false
        var sawStrayQuote = false
        let quoteStartLine = line
        if position < buffer.count && buffer[position] == 0x22 {
            inQuotes = true
            position += 1
        }
        while true {
            if position >= buffer.count, try !fill() {
                if inQuotes {
                    throw ImportError(
                        location: SourceLocation(file: fileName, line: quoteStartLine, column: column),
                        field: "", value: String(decoding: field.prefix(80), as: UTF8.self),
                        problem: "has a quote that is never closed",
                        hint: "close the quoted field with \", or double a quote inside it as \"\"")
                }
                return (field, true)
            }
            let byte = buffer[position]
            if inQuotes {
                position += 1
                if byte == 0x22 {
                    if position >= buffer.count { _ = try fill() }
                    if position < buffer.count && buffer[position] == 0x22 {
                        field.append(0x22)
                        position += 1
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                        issues.append(.controlCharacter(line: line, column: column, byte: byte))
                    }
                    field.append(byte)
                }
            } else if byte == delimiter || byte == 0x0A || byte == 0x0D {
                return (field, try consumeTerminator())
            } else {
                position += 1
                if afterClosingQuote && byte != 0x20 {
                    warnings.append(
                        ImportError(
                            location: SourceLocation(file: fileName, line: line, column: column),
                            field: "", value: String(decoding: field.prefix(40), as: UTF8.self),
                            problem: "has text after a closing quote; it was kept as part of the field",
                            hint: "quote the whole field, and double any quote inside it (\"\")"))
                    afterClosingQuote = false
                } else if byte == 0x22 && !sawStrayQuote {
                    sawStrayQuote = true
                    issues.append(.strayQuote(line: line, column: column))
                } else if byte < 0x20 && byte != 0x09 {
                    issues.append(.controlCharacter(line: line, column: column, byte: byte))
                }
                field.append(byte)
            }
            if field.count > Self.maxFieldBytes {
                throw ImportError(
                    location: SourceLocation(file: fileName, line: inQuotes ? quoteStartLine : line, column: column),
                    field: "", value: String(decoding: field.prefix(80), as: UTF8.self),
                    problem: "is longer than 1 MiB (a quote may be missing or never closed)",
                    hint: "check the quotes on this line; a member export never needs fields this long")
            }
        }
    }

    /// The index of the first delimiter, quote or C0 control byte at or after `start`, nil when
    /// there is none. Eight bytes at a time: a word with none of the three is skipped with a few
    /// integer operations (the "has a zero byte" and "has a byte below n" tests, which may flag a
    /// byte after a true match but never miss one), and the word that has one is scanned by byte.
    @inline(__always)
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, delimiter: UInt8) -> Int? {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let delimiters = ones &* UInt64(delimiter)
            let quotes = ones &* 0x22
            let spaces = ones &* 0x20
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let delimiter = word ^ delimiters
                let quote = word ^ quotes
                let found =
                    ((delimiter &- ones) & ~delimiter) | ((quote &- ones) & ~quote) | ((word &- spaces) & ~word)
                if found & highs != 0 { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            // LF, CR and every other C0 control are below 0x20: one comparison for all.
            if byte == delimiter || byte == 0x22 || byte < 0x20 { return index }
            index += 1
        }
        return nil
    }

    /// Appends a field's bytes to `arena` and its span to `spans` if they are UTF-8; false (and
    /// nothing appended) otherwise. Static, so that the hot path does not copy the reader (a
    /// non-mutating method called from a mutating one copied the whole struct per field: 7% of
    /// an import).
    @inline(__always)
    private static func appendIfUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, to arena: inout [UInt8], spans: inout [Int32]
    ) -> Bool {
        // ASCII needs no validation; anything else is validated (never repaired silently).
        guard !bytes.contains(where: { $0 >= 0x80 }) || String(validating: bytes, as: UTF8.self) != nil else {
            return false
        }
        spans.append(Int32(arena.count))
        spans.append(Int32(bytes.count))
        arena.append(contentsOf: bytes)
        return true
    }

    /// Appends a field's bytes to `arena` and its span to `spans`, once they are known to be UTF-8.
    private static func append(
        _ bytes: ArraySlice<UInt8>, to arena: inout [UInt8], spans: inout [Int32], fileName: String, line: Int,
        column: Int
    ) throws(ImportError) {
        let copied = bytes.withUnsafeBufferPointer { appendIfUTF8($0, to: &arena, spans: &spans) }
        if !copied { throw notUTF8(bytes, fileName: fileName, line: line, column: column) }
    }

    /// The error for a field that is not UTF-8.
    private static func notUTF8(_ bytes: ArraySlice<UInt8>, fileName: String, line: Int, column: Int) -> ImportError {
        let validPrefix = String(decoding: bytes.prefix { $0 < 0x80 }, as: UTF8.self)
        return ImportError(
            location: SourceLocation(file: fileName, line: line, column: column),
            field: "", value: validPrefix + "…",
            problem: "is not valid UTF-8",
            hint: "save the file as UTF-8, or pass --encoding latin1 if it comes from an older Excel or Windows tool")
    }
}
