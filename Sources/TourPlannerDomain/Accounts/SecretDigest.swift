/// The one-way form in which the store keeps bearer secrets (session ids, welcome tokens):
/// SHA-256, hex. A stolen store file does not let anyone sign in with them.
///
/// The secrets are 256-bit random values, so a fast hash is enough (no salt, no stretching).
package enum SecretDigest {
    /// SHA-256 of `secret`'s UTF-8 bytes, 64 lowercase hex digits.
    package static func hex(_ secret: String) -> String {
        var digest = SHA256()
        digest.update(Array(secret.utf8))
        return digest.finalizeHex()
    }
}
