import CLibXML2
import Foundation

/// A streaming reader of the organization's XML member export on libxml2's `xmlTextReader`:
/// never a DOM of the whole file.
///
/// Safe by construction: a document type declaration is rejected before any content is read
/// (a byte scan of the prolog, and again if the reader meets one); no network, no external
/// entities or DTDs, no entity substitution, no `XML_PARSE_HUGE`, no recovery; nesting depth
/// and text size are bounded. Every libxml2 error is fatal and reported with its line.
final class XMLMemberReader {
    static let maxDepth = 16
    static let maxTextBytes = 1 << 20

    let fileName: String
    private var source: FileByteSource
    private var reader: OpaquePointer?
    private var pendingBytes: [UInt8] = []
    private var pendingOffset = 0
    private var readFailure: ImportError?
    fileprivate var parserErrors: [(line: Int, column: Int, message: String)] = []
    private(set) var unknownElements: Set<String> = []
    private var sawRoot = false
    /// True once the whole file was handed to libxml2 (a parse error then may mean a cut-short file).
    private var reachedEnd = false
    /// Line breaks in the bytes handed to libxml2 (the file's last line is this plus one).
    private var newlinesFed = 0
    /// The last bytes handed to libxml2, to tell a cut-short file from one that ends with its root's end tag.
    private var tailFed: [UInt8] = []

    var sha256Hex: String {
        var hasher = source.hasher
        return hasher.finalizeHex()
    }
    var byteCount: Int { Int(source.hasher.byteCount) }

    init(path: String, fileName: String) throws(ImportError) {
        self.fileName = fileName
        self.source = try FileByteSource(path: path, chunkSize: 1 << 18)
        try rejectDoctypeInProlog()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let context = Unmanaged.passUnretained(self).toOpaque()
        reader = xmlReaderForIO(
            { context, buffer, length in
                guard let context, let buffer else { return -1 }
                let me = Unmanaged<XMLMemberReader>.fromOpaque(context).takeUnretainedValue()
                return me.feed(buffer, capacity: Int(length))
            },
            { _ in 0 }, context, fileName, nil, options)
        guard let reader else {
            throw ImportError(
                location: SourceLocation(file: fileName), field: "", value: "", problem: "cannot be opened as XML",
                hint: "check that the file is the website's XML member export")
        }
        xmlTextReaderSetStructuredErrorHandler(
            reader,
            { context, error in
                guard let context, let error else { return }
                let me = Unmanaged<XMLMemberReader>.fromOpaque(context).takeUnretainedValue()
                let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
                me.parserErrors.append(
                    (
                        Int(error.pointee.line), Int(error.pointee.int2),
                        message.trimmingCharacters(in: .whitespacesAndNewlines)
                    ))
            }, context)
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
        source.close()
    }

    /// libxml2's read callback: hands over the file's bytes chunk by chunk (hashing them).
    private func feed(_ buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        if pendingOffset >= pendingBytes.count {
            do {
                guard let chunk = try source.nextChunk() else {
                    reachedEnd = true
                    return 0
                }
                pendingBytes = chunk
                pendingOffset = 0
                newlinesFed += chunk.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                tailFed = Array((tailFed + chunk.suffix(64)).suffix(64))
            } catch {
                readFailure = error
                return -1
            }
        }
        let count = min(capacity, pendingBytes.count - pendingOffset)
        pendingBytes.withUnsafeBytes { raw in
            let start = raw.baseAddress.map { $0 + pendingOffset }
            if let start { UnsafeMutableRawPointer(buffer).copyMemory(from: start, byteCount: count) }
        }
        pendingOffset += count
        return Int32(count)
    }

    /// Scans the prolog (everything before the first element) for `<!DOCTYPE`: a member export
    /// never needs one, and refusing it up front defeats entity expansion and external entities.
    private func rejectDoctypeInProlog() throws(ImportError) {
        var scanner = try FileByteSource(path: source.path, chunkSize: 1 << 16)
        defer { scanner.close() }
        guard let head = try scanner.nextChunk() else {
            throw ImportError(
                location: SourceLocation(file: fileName, line: 1), field: "", value: "", problem: "is empty",
                hint: "export the members again; an XML export starts with <?xml … ?> and a <members> element")
        }
        if let reason = BinarySniffer.binaryReason(head[...]) {
            throw BinarySniffer.error(fileName: fileName, reason: reason)
        }
        var index = 0
        var line = 1
        while index < head.count {
            if head[index] == 0x0A { line += 1 }
            if head[index] == 0x3C {  // "<"
                let rest = head[index...].prefix(9)
                if rest.starts(with: Array("<!DOCTYPE".utf8)) || rest.starts(with: Array("<!ENTITY".utf8)) {
                    throw ImportError(
                        location: SourceLocation(file: fileName, line: line), field: "", value: "<!DOCTYPE …",
                        problem: "has a document type declaration, which a member export never needs",
                        hint:
                            "remove the <!DOCTYPE …> block (it can define entities that attack the importer), or export the members again from the website"
                    )
                }
                if rest.starts(with: Array("<?".utf8)) || rest.starts(with: Array("<!--".utf8)) {
                    index += 2
                    continue
                }
                return  // the first element: the prolog is over
            }
            index += 1
        }
    }

    private func fail(_ problem: String, hint: String, line: Int? = nil, field: String = "", value: String = "")
        -> ImportError
    {
        if let readFailure { return readFailure }
        if let first = parserErrors.first, reachedEnd, sawRoot,
            Self.isTruncation(first.message) || (first.line >= newlinesFed && !endsWithEndTag)
        {
            return ImportError(
                location: SourceLocation(file: fileName, line: first.line), field: "", value: "",
                problem: "ends before </members>: the file is cut short (\(first.message))",
                hint: "the export or the copy was interrupted; export the members again or copy the whole file")
        }
        if let first = parserErrors.first, !sawRoot,
            ["Document is empty", "Start tag expected", "Extra content at the end"].contains(
                where: first.message.contains)
        {
            return ImportError(
                location: SourceLocation(file: fileName, line: first.line), field: "", value: "",
                problem: "holds no XML element (no <members> root)",
                hint: "import the website's XML member export; an XML export starts with <?xml … ?> and <members>")
        }
        if let first = parserErrors.first {
            return ImportError(
                location: SourceLocation(
                    file: fileName, line: first.line, column: first.column > 0 ? first.column : nil),
                field: field, value: value, problem: "is not well-formed XML: \(first.message)",
                hint: "fix the XML at that line (an unescaped & or < is a common cause), or export again")
        }
        return ImportError(
            location: SourceLocation(file: fileName, line: line), field: field, value: value, problem: problem,
            hint: hint)
    }

    /// True when the file's last bytes, but white space, are an end tag of `members` (`</members>`,
    /// `</x:members>`); NUL bytes are dropped first, so a UTF-16 file is judged the same way.
    private var endsWithEndTag: Bool {
        let text = tailFed.filter { $0 != 0 }
        guard let last = text.lastIndex(where: { ![0x20, 0x09, 0x0D, 0x0A].contains($0) }) else { return false }
        return text[...last].reversed().starts(with: Array("members>".utf8).reversed())
    }

    /// libxml2's messages for a document that stops in the middle.
    private static func isTruncation(_ message: String) -> Bool {
        ["Premature end of data", "EndTag: '</' not found", "Couldn't find end of Start Tag", "Document is empty"]
            .contains { message.contains($0) }
    }

    private var currentLine: Int {
        guard let reader, let node = xmlTextReaderCurrentNode(reader) else { return 0 }
        return Int(xmlGetLineNo(node))
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func attribute(_ name: String) -> String? {
        guard let reader, let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { cxml_free(value) }
        return String(cString: value)
    }

    /// Advances the reader; enforces depth, DTD and error rules.
    private func advance() throws(ImportError) -> Bool {
        guard let reader else { return false }
        let status = xmlTextReaderRead(reader)
        if status < 0 || !parserErrors.isEmpty || readFailure != nil {
            throw fail(
                "could not be read as XML", hint: "check that the file is complete and well-formed", line: currentLine)
        }
        if status == 0 { return false }
        let type = xmlTextReaderNodeType(reader)
        if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
            throw ImportError(
                location: SourceLocation(file: fileName, line: currentLine), field: "", value: "<!DOCTYPE …",
                problem: "has a document type declaration, which a member export never needs",
                hint: "remove the <!DOCTYPE …> block, or export the members again from the website")
        }
        if type == Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue) {
            throw ImportError(
                location: SourceLocation(file: fileName, line: currentLine), field: "",
                value: string(xmlTextReaderConstName(reader)),
                problem: "uses an entity reference",
                hint: "write the text itself; only &amp; &lt; &gt; &quot; &apos; and &#…; are allowed")
        }
        if xmlTextReaderDepth(reader) > Self.maxDepth {
            throw ImportError(
                location: SourceLocation(file: fileName, line: currentLine), field: "", value: "",
                problem: "nests elements deeper than \(Self.maxDepth) levels",
                hint: "a member export is at most 4 levels deep; check the file")
        }
        return true
    }

    /// Reads the next member into a new row of `batch`; false at the end of the document.
    ///
    /// - Throws: `ImportError` for malformed XML, a DOCTYPE, a wrong root, or limits exceeded
    ///   (the member being read is then not in `batch`).
    func next(into batch: inout RawRowBatch) throws(ImportError) -> Bool {
        guard let reader else { return false }
        while try advance() {
            let type = xmlTextReaderNodeType(reader)
            guard type == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
            let name = string(xmlTextReaderConstLocalName(reader))
            let depth = xmlTextReaderDepth(reader)
            if depth == 0 {
                guard name == "members" else {
                    throw ImportError(
                        location: SourceLocation(file: fileName, line: currentLine), field: "", value: "<\(name)>",
                        problem: "is not a member export (the root element must be <members>)",
                        hint: "import the website's XML member export, or a CSV file")
                }
                sawRoot = true
                continue
            }
            if depth == 1 && name == "member" {
                batch.beginRow(line: currentLine)
                do {
                    try readMember(into: &batch)
                } catch {
                    batch.removeLastRow()
                    throw error
                }
                return true
            }
            if depth == 1 { unknownElements.insert(name) }
        }
        if !sawRoot {
            throw fail("has no <members> element", hint: "import the website's XML member export", line: 1)
        }
        return false
    }

    private func readMember(into row: inout RawRowBatch) throws(ImportError) {
        guard let reader else { throw fail("reader closed", hint: "") }
        let line = currentLine
        if let id = attribute("id") { row.set(.id, text: id, column: 0) }
        if xmlTextReaderIsEmptyElement(reader) == 1 { return }
        var path: [String] = []
        var text = ""
        var languages: [String] = []
        while try advance() {
            let type = xmlTextReaderNodeType(reader)
            let name = string(xmlTextReaderConstLocalName(reader))
            switch type {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                path.append(name)
                text = ""
                if name == "preferences" {
                    if let value = attribute("willing-to-host") { row.set(.willingToHost, text: value, column: 0) }
                    if let value = attribute("organizer-interest") {
                        row.set(.organizerInterest, text: value, column: 0)
                    }
                    if let value = attribute("do-not-call") { row.set(.doNotCall, text: value, column: 0) }
                    if let value = attribute("do-not-text") { row.set(.doNotText, text: value, column: 0) }
                    if let value = attribute("do-not-contact") { row.set(.doNotContact, text: value, column: 0) }
                    if let value = attribute("deceased") { row.set(.deceased, text: value, column: 0) }
                }
                if xmlTextReaderIsEmptyElement(reader) == 1 {
                    store(path: path, text: "", into: &row, languages: &languages)
                    path.removeLast()
                }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                text += string(xmlTextReaderConstValue(reader))
                if text.utf8.count > Self.maxTextBytes {
                    throw ImportError(
                        location: SourceLocation(file: fileName, line: currentLine), field: path.last ?? "",
                        value: String(text.prefix(40)),
                        problem: "is longer than 1 MiB",
                        hint: "a member export never needs text this long; check the file")
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                if name == "member" && path.isEmpty {
                    if !languages.isEmpty { row.set(.languages, text: languages.joined(separator: ","), column: 0) }
                    return
                }
                store(path: path, text: text, into: &row, languages: &languages)
                text = ""
                if !path.isEmpty { path.removeLast() }
            default:
                continue
            }
        }
        throw fail("ends inside a <member> element", hint: "the file is cut short; export it again", line: line)
    }

    private func store(path: [String], text: String, into row: inout RawRowBatch, languages: inout [String]) {
        let key = path.joined(separator: "/")
        let field: MemberField?
        switch key {
        case "name/first": field = .firstName
        case "name/last": field = .lastName
        case "name": field = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : .fullName
        case "email": field = .email
        case "phone": field = .phone
        case "location/city": field = .city
        case "location/region": field = .region
        case "location/country": field = .country
        case "chapter": field = .chapter
        case "gender": field = .gender
        case "joined": field = .joined
        case "notes": field = .notes
        case "languages/language":
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { languages.append(trimmed) }
            return
        case "location", "languages", "preferences": return
        default:
            unknownElements.insert(key)
            return
        }
        if let field { row.set(field, text: text, column: 0) }
    }
}
