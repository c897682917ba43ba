import Foundation

/// base64url (RFC 4648 §5) without padding: URL-safe ids for tasks and secrets.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The base64url text of `bytes`, without padding (a call list makes one per card: encoded
    /// here from a table, not through Foundation's base64 and three string replacements).
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count * 4 + 2) / 3)
        func character(_ group: UInt32, _ shift: UInt32) -> UInt8 { alphabet[Int((group >> shift) & 0x3F)] }
        var index = 0
        while index + 3 <= input.count {
            let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
            output += [character(group, 18), character(group, 12), character(group, 6), character(group, 0)]
            index += 3
        }
        switch input.count - index {
        case 1:
            let group = UInt32(input[index]) << 16
            output += [character(group, 18), character(group, 12)]
        case 2:
            let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
            output += [character(group, 18), character(group, 12), character(group, 6)]
        default: break
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text `encoded` stands for, or nil when it is not base64url of UTF-8.
    static func decodeString(_ encoded: String) -> String? {
        var text = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        guard !text.contains("=") else { return nil }
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        guard let data = Data(base64Encoded: text) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
