import TourPlannerCore

/// A metro area to rank: its name, member cities, center, and which raw place keys belong to it.
package struct MetroGroup: Hashable, Sendable {
    /// Metro name: the name of its anchor, the most populous member city.
    package var name: String
    /// ISO 3166-1 alpha-2 country code of the anchor city, when the gazetteer has one.
    package var countryCode: String?
    /// Names of the member cities, sorted and without duplicates (the anchor's own name included).
    package var cities: [String]
    /// The anchor city's location: every member city is within the clustering radius of it.
    package var center: GeoPoint
    /// IANA time zone of the anchor city.
    package var timeZone: String?
    /// Raw place keys (``PlaceKey/rawValue``) of the members' places that resolved into this metro.
    package var placeKeys: Set<String>
    /// GeoNames id of the anchor city (a stable metro id).
    package var geonameId: Int?
    /// The metro's stable id: the anchor city's gazetteer id, else its country and name.
    package var id: MetroID
    /// GeoNames admin-1 code of the anchor city.
    package var regionCode: String?
    /// Creates a metro group (normally made by ``MetroClustering/cluster(_:radiusKm:)``).
    package init(
        name: String, countryCode: String?, cities: [String], center: GeoPoint, timeZone: String?,
        placeKeys: Set<String>,
        geonameId: Int? = nil, regionCode: String? = nil
    ) {
        self.name = name
        self.countryCode = countryCode
        self.cities = cities
        self.center = center
        self.timeZone = timeZone
        self.placeKeys = placeKeys
        self.geonameId = geonameId
        self.regionCode = regionCode
        self.id = geonameId.map(MetroID.init(geonameId:)) ?? MetroID(name: name, countryCode: countryCode)
    }
}
