/// An RFC 7946 FeatureCollection of a plan (`Itinerary.geoJSON(plan:)`): `Codable`, so it is
/// written by `JSONEncoder` and can be read back.
package struct GeoJSONFeatureCollection: Codable, Hashable, Sendable {
    /// Always "FeatureCollection".
    package var type = "FeatureCollection"
    /// The bases, the training stops, then each trip's legs.
    package var features: [GeoJSONFeature]

    /// A collection of `features`.
    package init(features: [GeoJSONFeature]) {
        self.features = features
    }
}

/// One GeoJSON Feature: a geometry and the plan's facts about it.
public struct GeoJSONFeature: Codable, Hashable, Sendable {
    /// Always "Feature".
    package var type = "Feature"
    /// A point (base, training) or a line (leg).
    package var geometry: GeoJSONGeometry
    /// What the feature is; keys absent when they do not apply.
    package var properties: Properties

    /// A feature of `geometry` with `properties`.
    package init(geometry: GeoJSONGeometry, properties: Properties) {
        self.geometry = geometry
        self.properties = properties
    }

    /// What a feature stands for.
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A team's base.
        case base
        /// A training stop.
        case training
        /// A drive between two places.
        case leg
    }

    /// A feature's properties (only the keys of its kind are present).
    package struct Properties: Codable, Hashable, Sendable {
        /// base, training or leg.
        package var kind: Kind
        /// The base's name (bases).
        package var name: String?
        /// The team.
        package var team: String
        /// The trip's number, from 1 (trainings and legs).
        package var trip: Int?
        /// The metro trained in (trainings).
        package var metro: String?
        /// The metro's member cities (trainings).
        package var cities: [String]?
        /// The date, YYYY-MM-DD (trainings and legs).
        package var date: String?
        /// The stop's value: unaffiliated members (trainings).
        package var value: Double?
        /// The stop's IANA time zone (trainings).
        package var timeZone: String?
        /// Where the leg starts (legs).
        package var from: String?
        /// Where the leg ends (legs).
        package var to: String?
        /// The leg's distance in km (legs).
        package var km: Double?
        /// The leg's driving hours (legs).
        package var hours: Double?

        /// Properties of one kind; give the keys that apply to it.
        package init(
            kind: Kind, name: String? = nil, team: String, trip: Int? = nil, metro: String? = nil,
            cities: [String]? = nil, date: String? = nil, value: Double? = nil, timeZone: String? = nil,
            from: String? = nil, to: String? = nil, km: Double? = nil, hours: Double? = nil
        ) {
            self.kind = kind
            self.name = name
            self.team = team
            self.trip = trip
            self.metro = metro
            self.cities = cities
            self.date = date
            self.value = value
            self.timeZone = timeZone
            self.from = from
            self.to = to
            self.km = km
            self.hours = hours
        }
    }
}

/// A GeoJSON geometry: a Point or a LineString, positions [longitude, latitude].
package enum GeoJSONGeometry: Codable, Hashable, Sendable {
    /// A Point at [longitude, latitude].
    case point([Double])
    /// A LineString through the positions.
    case lineString([[Double]])

    private enum CodingKeys: String, CodingKey { case type, coordinates }

    /// Reads a Point or a LineString.
    ///
    /// - Throws: `DecodingError` for another geometry type.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "Point": self = .point(try container.decode([Double].self, forKey: .coordinates))
        case "LineString": self = .lineString(try container.decode([[Double]].self, forKey: .coordinates))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "geometry \"\(type)\" is not a Point or a LineString")
        }
    }

    /// Writes `type` and `coordinates`.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .point(let position):
            try container.encode("Point", forKey: .type)
            try container.encode(position, forKey: .coordinates)
        case .lineString(let positions):
            try container.encode("LineString", forKey: .type)
            try container.encode(positions, forKey: .coordinates)
        }
    }
}
