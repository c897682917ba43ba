import TourPlanner

/// The places a command resolved from its command line, echoed so the user can check them.
enum PlaceEcho {
    /// One `place: "text" → Name, Region, CC (geonameid …, confidence …, how)` line per place, on
    /// standard error (standard output keeps the data).
    static func printToStandardError(_ places: [ResolvedPlace]) {
        for place in places { printError("place: " + place.echo) }
    }
}
