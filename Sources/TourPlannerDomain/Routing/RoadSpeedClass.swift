/// How fast a country's intercity roads are, in three classes, for the drive-time model.
///
/// The classes were assigned from the character of each country's road network before the model
/// was fitted (`Scripts/calibrate_drive_times.py` holds the same table; keep them in step), and
/// only the speed factor of each class was fitted. A leg's factor is the mean of its two ends'.
package enum RoadSpeedClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// Dense motorway networks at 110–130 km/h: North America, most of the EU, the UK, Australia,
    /// New Zealand, South Korea, Malaysia, the Gulf, South Africa, Argentina, Chile, Uruguay.
    case motorway
    /// Motorways on the main corridors, slower limits or more mixed traffic: Japan, China, Türkiye,
    /// Mexico, Brazil, Thailand, Egypt, south-eastern Europe, Russia… Also every unlisted country.
    case mixed
    /// Mostly two-lane trunk roads with heavy mixed traffic or mountain terrain: South Asia,
    /// Vietnam, the Philippines, Indonesia, the Andean countries, Central America, East and West
    /// Africa.
    case trunk

    /// The class of a country (ISO 3166-1 alpha-2, any case); an unlisted country is `.mixed`.
    ///
    /// - Parameter countryCode: e.g. "US", "in".
    package init(countryCode: String) {
        self = Self.byCountry[countryCode.uppercased()] ?? .mixed
    }

    private static let byCountry: [String: RoadSpeedClass] = {
        let lists: [(RoadSpeedClass, String)] = [
            (
                .motorway,
                "US CA AU NZ GB IE FR DE ES PT IT NL BE LU AT CH DK SE NO FI PL CZ SK HU SI HR KR MY SG IL AE SA QA ZA AR CL UY"
            ),
            (.mixed, "JP CN TW TR MX BR TH EG RO BG GR RS RU UA BY MA TN DZ IR CR PA EE LV LT KZ OM JO"),
            (.trunk, "IN PK BD NP LK VN PH ID MM KH LA CO PE EC BO VE PY GT HN NI SV KE NG GH ET TZ UG"),
        ]
        var table: [String: RoadSpeedClass] = [:]
        for (speedClass, codes) in lists {
            for code in codes.split(separator: " ") { table[String(code)] = speedClass }
        }
        return table
    }()
}
