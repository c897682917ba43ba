import TourPlanner

/// The places a command resolved from its command line, echoed so the user can check them.
enum PlaceEcho {
    /// One `place: "text" → Name, Region, CC (geonameid …, confidence …, how)` line per place, on
    /// standard error (standard output keeps the data).
    static func printToStandardError(_ places: [ResolvedPlace]) {
        for place in places { printError("place: " + place.echo) }
    }
}

/// JSON output with the places used: the value's own keys, plus `resolved` (an array of
/// `ResolvedPlace` objects). The value must encode as a JSON object.
struct WithResolvedPlaces<Value: Encodable>: Encodable {
    var value: Value
    var resolved: [ResolvedPlace]

    enum CodingKeys: String, CodingKey { case resolved }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resolved, forKey: .resolved)
    }
}
