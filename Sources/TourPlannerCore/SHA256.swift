import CLibCrypto

/// Streaming SHA-256 (FIPS 180-4), used to fingerprint imported files in the `imports` table:
/// OpenSSL's EVP digest, which uses the processor's SHA instructions where it has them (a
/// portable Swift implementation ran at ~150 MB/s and cost 9% of a CSV import).
///
/// Copies share one digest (the readers hand theirs around by value); the hex digest is
/// computed once, by the first `finalizeHex()`.
package struct SHA256 {
    private final class Digest {
        let context: OpaquePointer?
        var byteCount: UInt64 = 0
        var hex: String?

        init() {
            context = EVP_MD_CTX_new()
            EVP_DigestInit_ex(context, EVP_sha256(), nil)
        }

        deinit { EVP_MD_CTX_free(context) }
    }

    private let digest = Digest()

    /// A digest of no bytes yet.
    package init() {}

    /// How many bytes have been hashed so far.
    package var byteCount: UInt64 { digest.byteCount }

    /// Hashes `bytes` after everything hashed before.
    package mutating func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(digest.hex == nil, "SHA256.update after finalizeHex")
        digest.byteCount &+= UInt64(bytes.count)
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(digest.context, base, bytes.count)
    }

    /// Hashes `bytes` after everything hashed before.
    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Finishes the hash and returns it as 64 lowercase hex digits.
    package mutating func finalizeHex() -> String {
        if let hex = digest.hex { return hex }
        var bytes = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        bytes.withUnsafeMutableBufferPointer { buffer in
            _ = EVP_DigestFinal_ex(digest.context, buffer.baseAddress, &length)
        }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in bytes.prefix(Int(length)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        let text = String(decoding: hex, as: UTF8.self)
        digest.hex = text
        return text
    }
}
