import Foundation
import TourPlannerCore

/// User aliases for places the gazetteer does not know ("Baltimore County" → Baltimore, MD, US).
///
/// File format (`Cities/aliases.tsv`, and `--aliases FILE` which adds to it): `#` comments; one alias per line,
/// the text members type, a TAB, then "City, Region, Country" (region and country optional).
public struct PlaceAliases: Sendable, Hashable {
    /// Folded alias text (``TextFolding``: case, accents and punctuation removed) → the place it stands for.
    package private(set) var targets: [String: PlaceKey] = [:]
    /// A fingerprint of the file, stored with cached resolutions so edits take effect.
    package private(set) var fingerprint: String = ""

    /// Creates an empty set of aliases (fingerprint "").
    public init() {}

    /// Parses an aliases file; a later line for the same (folded) alias replaces an earlier one.
    ///
    /// - Throws: `GazetteerError` naming the file and line of a malformed alias.
    package init(text: String, fileName: String) throws {
        var hasher = SHA256()
        hasher.update(Array(text.utf8))
        fingerprint = String(hasher.finalizeHex().prefix(12))
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, !TextFolding.fold(String(parts[0])).isEmpty,
                !parts[1].trimmingCharacters(in: .whitespaces).isEmpty
            else {
                throw GazetteerError(
                    file: fileName, problem: "line \(offset + 1) is not \"alias<TAB>City, Region, Country\"")
            }
            let target = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            targets[TextFolding.fold(String(parts[0]))] = PlaceKey(
                city: target[0], region: target.count > 1 ? target[1] : nil, country: target.count > 2 ? target[2] : nil
            )
        }
    }

    /// These aliases with `other`'s added; where both define an alias, `other`'s wins (a user
    /// file adds to and can override the bundled aliases, it does not replace them).
    ///
    /// The fingerprint covers both files, so cached member resolutions are redone when either changes.
    package func adding(_ other: PlaceAliases) -> PlaceAliases {
        var result = self
        result.targets.merge(other.targets) { _, user in user }
        result.fingerprint = [fingerprint, other.fingerprint].filter { !$0.isEmpty }.joined(separator: "+")
        return result
    }

    func target(for text: String) -> PlaceKey? { targets[TextFolding.fold(text)] }
}
