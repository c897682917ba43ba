import Foundation
import GRDB

/// One row of `places`: the cached resolution of one raw place key. A NULL `geonameId` means
/// unresolved (with `reason` and up to three `suggestions` joined by " | ").
struct PlaceRecord: Codable, StoredRecord, TableRecord, PersistableRecord, BulkWrittenRecord {
    static let databaseTableName = "places"
    static let rowIDColumn = CodingKeys.key.stringValue
    var key: String
    var geonameId: Int?
    var name: String?
    var regionCode: String?
    var regionName: String?
    var countryCode: String?
    var latitude: Double?
    var longitude: Double?
    var timeZone: String?
    var population: Int?
    var confidence: Double
    var reason: String?
    var suggestions: String?
    var gazetteerVersion: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, geonameId, name, regionCode, regionName, countryCode, latitude, longitude, timeZone, population
        case confidence, reason, suggestions, gazetteerVersion
    }

    /// The table's columns, named by the coding keys.
    enum Columns {
        static let key = Column(CodingKeys.key)
        static let geonameId = Column(CodingKeys.geonameId)
        static let gazetteerVersion = Column(CodingKeys.gazetteerVersion)
    }

    /// The stored values in `CodingKeys` order, for `BulkWrittenRecord`.
    var databaseValues: [(any DatabaseValueConvertible)?] {
        [
            key, geonameId, name, regionCode, regionName, countryCode, latitude, longitude, timeZone, population,
            confidence, reason, suggestions, gazetteerVersion,
        ]
    }
}

/// A resolved place joined with its member count (`placeStats.members`), for metro clustering.
struct ResolvedPlaceRecord: Codable, StoredRecord {
    static let tableNameForErrors = "places"
    static let rowIDColumn = CodingKeys.key.stringValue
    var key: String
    var geonameId: Int
    var name: String
    var regionCode: String?
    var countryCode: String
    var latitude: Double
    var longitude: Double
    var timeZone: String
    var population: Int?
    var members: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, geonameId, name, regionCode, countryCode, latitude, longitude, timeZone, population, members
    }
}
