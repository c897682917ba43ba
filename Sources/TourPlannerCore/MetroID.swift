/// A metro area's stable identifier: the same metro gets the same id on every run over the
/// same data, so ties can be broken and metros referred to by it.
///
/// A metro made by `MetroClustering` is identified by the gazetteer (GeoNames) id of its
/// anchor, its most populous city (`geonames:5128581` for New York); a metro given without
/// one (hand-made, as in tests) by its country and name (`name:US:Boston`).
package struct MetroID: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The identifier as text: `geonames:<id>` or `name:<country>:<name>`.
    package var rawValue: String

    /// An identifier from its text form.
    package init(rawValue: String) { self.rawValue = rawValue }

    /// The identifier of the metro anchored at the gazetteer city `geonameId`.
    package init(geonameId: Int) { self.rawValue = "geonames:\(geonameId)" }

    /// The identifier of a metro known only by its name and country (ISO 3166 alpha-2, if any).
    package init(name: String, countryCode: String?) { self.rawValue = "name:\(countryCode ?? ""):\(name)" }

    /// The gazetteer id of the anchor city, when the id is one.
    package var geonameId: Int? {
        guard rawValue.hasPrefix("geonames:") else { return nil }
        return Int(rawValue.dropFirst("geonames:".count))
    }

    /// The text form.
    package var description: String { rawValue }

    /// Orders by the text form, so sorting by id is deterministic.
    package static func < (lhs: MetroID, rhs: MetroID) -> Bool { lhs.rawValue < rhs.rawValue }
}
