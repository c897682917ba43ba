import Foundation
import TourPlannerCore

/// How the bytes of a text export are encoded.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    /// UTF-8 with or without a byte-order mark; UTF-16 is detected by its BOM.
    case utf8
    /// ISO-8859-1 as written by Windows (Windows-1252 for bytes 0x80–0x9F).
    case latin1
}

/// A file read in fixed-size chunks while its SHA-256 and size are computed, so memory stays flat.
struct FileByteSource {
    let path: String
    private let handle: FileHandle
    private(set) var hasher = SHA256()
    private let chunkSize: Int

    init(path: String, chunkSize: Int = 1 << 20) throws(ImportError) {
        self.path = path
        self.chunkSize = chunkSize
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(
                location: SourceLocation(file: path), field: "", value: "",
                problem: "cannot be read: no such file", hint: "check the path and file name")
        }
        guard !isDirectory.boolValue else {
            throw ImportError(
                location: SourceLocation(file: path), field: "", value: "",
                problem: "is a folder, not an export file",
                hint: "name the export file itself, e.g. \(path)/members.csv")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(
                location: SourceLocation(file: path), field: "", value: "",
                problem: "cannot be read: permission denied", hint: "check the file's permissions")
        }
        self.handle = handle
    }

    /// The next chunk of raw bytes, or nil at the end of the file.
    mutating func nextChunk() throws(ImportError) -> [UInt8]? {
        let data: Data?
        do {
            data = try handle.read(upToCount: chunkSize)
        } catch {
            throw ImportError(
                location: SourceLocation(file: path), field: "", value: "",
                problem: "cannot be read: \(error.localizedDescription)", hint: "check the file and the disk")
        }
        guard let data, !data.isEmpty else { return nil }
        let bytes = [UInt8](data)
        bytes.withUnsafeBytes { hasher.update($0) }
        return bytes
    }

    func close() { try? handle.close() }
}

/// Turns the chunks of a file into UTF-8, whatever the file's encoding: strips a UTF-8 BOM,
/// transcodes UTF-16 (LE or BE, detected by BOM) and Latin-1, keeping chunk boundaries safe.
struct UTF8ChunkDecoder {
    enum Source { case utf8, utf16LE, utf16BE, latin1 }
    private(set) var source: Source?
    private let requested: TextEncoding
    private var carry: [UInt8] = []

    init(requested: TextEncoding) { self.requested = requested }

    /// Converts the next raw chunk to UTF-8 bytes (the first call detects the BOM).
    mutating func decode(_ chunk: [UInt8], isLast: Bool) -> [UInt8] {
        var bytes = chunk
        if source == nil {
            bytes = carry + chunk
            carry = []
            if bytes.count < 3 && !isLast {
                carry = bytes
                return []
            }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                source = .utf8
                bytes.removeFirst(3)
            } else if bytes.starts(with: [0xFF, 0xFE]) {
                source = .utf16LE
                bytes.removeFirst(2)
            } else if bytes.starts(with: [0xFE, 0xFF]) {
                source = .utf16BE
                bytes.removeFirst(2)
            } else {
                source = requested == .latin1 ? .latin1 : .utf8
            }
        }
        switch source {
        case .utf8, .none: return bytes
        case .latin1: return Self.latin1ToUTF8(bytes)
        case .utf16LE, .utf16BE:
            let input = carry + bytes
            carry = []
            return utf16ToUTF8(input, bigEndian: source == .utf16BE, isLast: isLast)
        }
    }

    private mutating func utf16ToUTF8(_ input: [UInt8], bigEndian: Bool, isLast: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(input.count / 2)
        var i = 0
        while i + 1 < input.count {
            let unit =
                bigEndian
                ? UInt16(input[i]) << 8 | UInt16(input[i + 1])
                : UInt16(input[i + 1]) << 8 | UInt16(input[i])
            units.append(unit)
            i += 2
        }
        var leftover = Array(input[i...])
        // Keep a trailing high surrogate for the next chunk.
        if !isLast, let last = units.last, (0xD800...0xDBFF).contains(last) {
            units.removeLast()
            leftover =
                (bigEndian ? [UInt8(last >> 8), UInt8(last & 0xFF)] : [UInt8(last & 0xFF), UInt8(last >> 8)])
                + leftover
        }
        carry = leftover
        var output: [UInt8] = []
        output.reserveCapacity(units.count)
        // Unpaired surrogates become U+FFFD, which later shows in the field as-is.
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) {
            output.append($0)
        }
        return output
    }

    /// Windows-1252 code points for bytes 0x80–0x9F (the rest of Latin-1 maps to itself).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func latin1ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        if !bytes.contains(where: { $0 >= 0x80 }) { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let scalarValue = (0x80...0x9F).contains(byte) ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
            if let scalar = Unicode.Scalar(scalarValue) {
                output.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [])
            }
        }
        return output
    }
}
