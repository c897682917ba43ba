/// The distinct raw place strings of a member (city, region, country), used as the cache key of
/// place resolution: 1,000,000 members typically share a few tens of thousands of keys.
public struct PlaceKey: Hashable, Sendable, Codable, Comparable {
    /// City exactly as imported.
    package var city: String
    /// Region exactly as imported; nil when empty.
    package var region: String?
    /// Country exactly as imported; nil when empty.
    package var country: String?
    /// Creates a key from the three raw place strings.
    public init(city: String, region: String? = nil, country: String? = nil) {
        self.city = city
        self.region = region
        self.country = country
    }
    /// A single string form, stored in SQLite: fields joined by U+001F.
    public var rawValue: String {
        var raw = city
        raw.reserveCapacity(city.utf8.count + (region?.utf8.count ?? 0) + (country?.utf8.count ?? 0) + 2)
        raw.append("\u{1F}")
        if let region { raw.append(region) }
        raw.append("\u{1F}")
        if let country { raw.append(country) }
        return raw
    }
    /// Reads the stored form back: the fields split at U+001F, empty region and country read as nil.
    public init(rawValue: String) {
        let parts = rawValue.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        city = parts.first ?? ""
        region = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        country = parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil
    }
    /// Orders keys by their stored form (``rawValue``), for deterministic output.
    public static func < (lhs: PlaceKey, rhs: PlaceKey) -> Bool { lhs.rawValue < rhs.rawValue }
}
