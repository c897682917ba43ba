import TourPlannerCore

/// The place a command used for a text a person typed, echoed so they can check it.
///
/// Every command that resolves a place from the command line (`--base`, `--stops`, teams files,
/// `cities resolve`) prints one of these to standard error in table mode and includes it in its
/// JSON output (`resolved`).
public struct ResolvedPlace: Hashable, Sendable, Codable {
    /// The text as typed ("Richmond, CA").
    public var text: String
    /// The gazetteer name ("Richmond").
    public var name: String
    /// The region's name ("California"), when the gazetteer knows it.
    public var region: String?
    /// The region's ISO 3166-2 code ("US-CA"), or the GeoNames admin-1 code when there is none.
    package var regionCode: String?
    /// ISO 3166-1 alpha-2 ("US").
    public var country: String
    /// The country's name ("United States").
    public var countryName: String?
    /// GeoNames id, stable across gazetteer builds.
    package var geonameId: Int
    /// Degrees north.
    package var latitude: Double
    /// Degrees east.
    package var longitude: Double
    /// IANA time zone ("America/Los_Angeles").
    package var timeZone: String
    /// GeoNames population (ranks places of the same name).
    package var population: Int
    /// 0…1; a command-line place is used only at `CityResolver.threshold` or above.
    package var confidence: Double
    /// How the name matched: "exact name", "alternate name", "abbreviation", "alias", "typo (1 edit)".
    package var match: String

    /// The gazetteer entry behind the echo.
    package var entry: GazetteerEntry {
        GazetteerEntry(
            geonameId: geonameId, name: name, countryCode: country, admin1: admin1, latitude: latitude,
            longitude: longitude, population: population, timeZone: timeZone)
    }

    /// Other places the text fits as well, when the choice was not clear (confidence below
    /// ``ResolvedPlace/clearConfidence``): their labels, best first (at most two); nil otherwise.
    package var alsoFits: [String]?

    /// At or above this confidence a place's choice is clear enough to echo it without its rivals.
    package static let clearConfidence = 0.95

    /// The GeoNames admin-1 code, kept for `entry`.
    var admin1: String

    /// "Richmond, California, US".
    public var label: String { [name, region, country].compactMap { $0 }.joined(separator: ", ") }

    /// One line for standard error: `"Richmond, CA" → Richmond, California, US (geonameid 5387428,
    /// confidence 0.920, exact name)`.
    /// When other places fit as well it names them and how to choose one: `"Cambridge" → Cambridge,
    /// England, GB (…); also fits Cambridge, Massachusetts, US; Cambridge, Maryland, US: to use
    /// another, qualify it, e.g. "Cambridge, Massachusetts"`.
    public var echo: String {
        var line = "\"\(text)\" → \(label) (geonameid \(geonameId), confidence \(Self.format(confidence)), \(match))"
        if let others = alsoFits, let first = others.first {
            let parts = first.split(separator: ", ").map(String.init)
            let example = parts.count > 1 ? parts[0] + ", " + parts[1] : first
            line += "; also fits \(others.joined(separator: "; ")): to use another, qualify it, e.g. \"\(example)\""
        }
        return line
    }

    static func format(_ confidence: Double) -> String {
        let thousandths = Int((confidence * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    enum CodingKeys: String, CodingKey {
        case text, name, region, regionCode, country, countryName, geonameId, latitude, longitude, timeZone
        case population, confidence, match, admin1, alsoFits
    }
}

extension ResolvedPlace {
    /// The place's position.
    package var point: GeoPoint { GeoPoint(latitude: latitude, longitude: longitude) }
}
