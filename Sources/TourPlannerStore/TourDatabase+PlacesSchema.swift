import GRDB
import TourPlannerCore

extension TourDatabase {
    /// Place resolution cache: one row per distinct raw place key (city, region, country),
    /// so ranking never re-resolves. Members join on `members.placeKey = places.key`.
    static func migratePlaces(_ db: Database) throws {
        try db.create(table: "places") { t in
            t.primaryKey("key", .text)  // PlaceKey.rawValue
            t.column("geonameId", .integer)  // nil = unresolved
            t.column("name", .text)  // gazetteer display name, e.g. "Cincinnati"
            t.column("regionCode", .text)
            t.column("regionName", .text)
            t.column("countryCode", .text)
            t.column("latitude", .double)
            t.column("longitude", .double)
            t.column("timeZone", .text)  // IANA id
            t.column("population", .integer)
            t.column("confidence", .double).notNull().defaults(to: 0)
            t.column("reason", .text)  // why unresolved, or how resolved
            t.column("suggestions", .text)  // up to three, "Name, Region, CC" joined by " | "
            t.column("gazetteerVersion", .text)
        }
    }
}
