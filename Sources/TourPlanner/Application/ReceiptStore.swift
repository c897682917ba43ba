public import Foundation

/// Receipt files uploaded for expenses, kept in a folder beside the store (`<db>.receipts/`,
/// mode 0700; files 0600) under generated names, never under a name the user gave, so no
/// request can reach a file outside the folder.
public struct ReceiptStore: Sendable {
    /// The file types a receipt may be, recognized by their first bytes (not by name or header).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case pdf, jpeg, png, heic

        /// The stored file's extension.
        public var fileExtension: String {
            switch self {
            case .pdf: "pdf"
            case .jpeg: "jpg"
            case .png: "png"
            case .heic: "heic"
            }
        }

        /// The media type to serve it as.
        public var mediaType: String {
            switch self {
            case .pdf: "application/pdf"
            case .jpeg: "image/jpeg"
            case .png: "image/png"
            case .heic: "image/heic"
            }
        }

        /// The kind of `data` by its signature: `%PDF-`, JPEG's FF D8 FF, PNG's 8-byte signature, or
        /// an ISO-BMFF `ftyp` box with a HEIF brand; nil for anything else.
        package static func sniff(_ data: Data) -> Kind? {
            let bytes = [UInt8](data.prefix(12))
            if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
            if bytes.count == 12, bytes[4..<8].elementsEqual("ftyp".utf8) {
                let brand = String(decoding: bytes[8..<12], as: UTF8.self)
                if ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].contains(brand) { return .heic }
            }
            return nil
        }
    }

    /// The largest receipt accepted (5 MB).
    public static let maximumBytes = 5 * 1024 * 1024

    /// The folder receipts are kept in.
    package let folder: URL

    /// The receipts folder of the store at `databasePath`: `<databasePath>.receipts`.
    package init(databasePath: String) {
        folder = URL(fileURLWithPath: databasePath + ".receipts", isDirectory: true)
    }

    /// The receipts folder of `store`, or nil for an in-memory store (which has no folder beside it).
    public static func beside(_ store: TourDatabase) -> ReceiptStore? {
        let path = store.path
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file::memory:") else { return nil }
        return ReceiptStore(databasePath: path)
    }

    /// The kind of an upload that may be kept as a receipt, checked as `save(_:)` checks it, so a
    /// form can refuse a file before it records anything.
    ///
    /// - Throws: `ReceiptError` `.tooLarge` over `maximumBytes`, `.unsupportedType` for an empty
    ///   file or anything but PDF, JPEG, PNG or HEIC.
    public static func check(_ data: Data) throws -> Kind {
        if data.count > maximumBytes {
            throw ReceiptError(
                kind: .tooLarge,
                message:
                    "the receipt is \(data.count) bytes, more than the \(maximumBytes / 1024 / 1024) MB limit",
                hint: "scan it at a lower resolution or save it as a compressed PDF")
        }
        if data.isEmpty {
            throw ReceiptError(
                kind: .unsupportedType, message: "the receipt file is empty (0 bytes)",
                hint:
                    "the upload was cut off or the file is not on the device yet (a photo still syncing?): "
                    + "choose the file again")
        }
        guard let kind = Kind.sniff(data) else {
            throw ReceiptError(
                kind: .unsupportedType, message: "the receipt is not a PDF, JPEG, PNG or HEIC file",
                hint: "photograph or scan the receipt and upload the image or PDF")
        }
        return kind
    }

    /// Checks and keeps an uploaded receipt under a new generated name.
    ///
    /// - Returns: the stored name (32 hex digits and the kind's extension), the expense's receipt reference.
    /// - Throws: `ReceiptError` `.tooLarge` over `maximumBytes`, `.unsupportedType` for anything but
    ///   PDF, JPEG, PNG or HEIC, `.storage` when the folder or file cannot be written.
    package func save(_ data: Data) throws -> String {
        let kind = try Self.check(data)
        var random = SystemRandomNumberGenerator()
        let name =
            (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &random)) }.joined()
            + "." + kind.fileExtension
        let manager = FileManager.default
        do {
            try manager.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
            let file = folder.appendingPathComponent(name)
            guard manager.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            throw ReceiptError(
                kind: .storage, message: "\(folder.path): the receipt cannot be stored (\(error.localizedDescription))",
                hint: "check that the folder beside the store is writable")
        }
        return name
    }

    /// Whether `name` is one this store generates (32 lowercase hex digits, a known extension):
    /// nothing else, so no `/`, `..` or other path ever reaches the file system.
    public static func isStoredName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 32, parts[0].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return false }
        return Kind.allCases.contains { $0.fileExtension == parts[1] }
    }

    /// Removes the stored receipt `name` (its expense is deleted); a file already gone is not an
    /// error.
    ///
    /// - Throws: `ReceiptError` `.notFound` for a name this store does not generate (nothing is
    ///   touched), `.storage` when the file is there but cannot be removed.
    package func remove(_ name: String) throws {
        guard Self.isStoredName(name) else {
            throw ReceiptError(
                kind: .notFound, message: "\"\(name)\" is not the name of a stored receipt",
                hint: "only uploaded receipts are kept in the receipts folder")
        }
        let path = folder.appendingPathComponent(name).path
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else { return }
        do {
            try manager.removeItem(atPath: path)
        } catch {
            throw ReceiptError(
                kind: .storage, message: "a receipt file in \(folder.path) cannot be removed",
                hint: "check that the receipts folder beside the store is writable")
        }
    }

    /// The stored receipt `name` and its kind.
    ///
    /// - Throws: `ReceiptError` `.notFound` for a name this store does not generate or a file that
    ///   is not there.
    public func read(_ name: String) throws -> (data: Data, kind: Kind) {
        let missing = ReceiptError(
            kind: .notFound, message: "there is no stored receipt \"\(name)\"",
            hint: "upload the receipt again from the expense's edit page")
        guard Self.isStoredName(name),
            let data = FileManager.default.contents(
                atPath: folder.appendingPathComponent(name).path), let kind = Kind.sniff(data)
        else { throw missing }
        return (data, kind)
    }
}
