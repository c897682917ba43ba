import TourPlannerCore

/// A metro area to rank: its name, member cities, center, and which raw place keys belong to it.
public struct MetroGroup: Hashable, Sendable {
    public var name: String
    public var countryCode: String?
    public var cities: [String]
    public var center: GeoPoint
    public var timeZone: String?
    public var placeKeys: Set<String>
    /// GeoNames id of the anchor city (a stable metro id).
    public var geonameId: Int?
    /// The metro's stable id: the anchor city's gazetteer id, else its country and name.
    public var id: MetroID
    /// GeoNames admin-1 code of the anchor city.
    public var regionCode: String?
    public init(
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
