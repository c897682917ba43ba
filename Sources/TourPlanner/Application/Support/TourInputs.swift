import Foundation

/// Turns the CLI's base, teams file and stop names into the planner's teams and candidates.
enum TourInputs {
    /// A teams file entry (JSON): `[{"name": "New York", "base": "New York, NY", "trainers": 3,
    /// "vehicle": "rented", "dates": ["2014-06-07", …], "latestArrival": "21:00", …}]` (`dates` and
    /// the day-rule keys of `DayRuleSettings` optional).
    struct TeamEntry: Decodable {
        var name: String
        var base: String
        var trainers: Int?
        var vehicle: VehicleKind?
        var dates: [String]?
        /// This team's own day rules (README "Teams file").
        var rules: DayRuleSettings

        enum CodingKeys: String, CodingKey { case name, base, trainers, vehicle, dates }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            base = try c.decode(String.self, forKey: .base)
            trainers = try c.decodeIfPresent(Int.self, forKey: .trainers)
            vehicle = try c.decodeIfPresent(VehicleKind.self, forKey: .vehicle)
            dates = try c.decodeIfPresent([String].self, forKey: .dates)
            rules = try DayRuleSettings(from: decoder)
        }
    }

    /// A base as typed: "Name@lat,lon,Time/Zone", or a place resolved for the command line (its
    /// echo is returned; nil for the explicit form, which needs no resolving).
    static func place(_ text: String, source: String, context: RankingContext) throws -> (PlanPlace, ResolvedPlace?) {
        // "Name@lat,lon,Time/Zone" gives a base explicitly.
        if let at = text.firstIndex(of: "@") {
            let name = String(text[..<at])
            let parts = text[text.index(after: at)...].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count == 3, let lat = Double(parts[0]), let lon = Double(parts[1]), (-90...90).contains(lat),
                (-180...180).contains(lon), TimeZone(identifier: parts[2]) != nil
            else {
                throw PlannerError(
                    "\(source) \"\(text)\" is not Name@latitude,longitude,Time/Zone",
                    hint: "e.g. New York@40.7128,-74.0060,America/New_York")
            }
            return (PlanPlace(name: name, latitude: lat, longitude: lon, timeZone: parts[2]), nil)
        }
        let resolved = try context.resolveBase(text, source: source)
        let place = PlanPlace(
            name: resolved.name, latitude: resolved.latitude, longitude: resolved.longitude,
            timeZone: resolved.timeZone, countryCode: resolved.country)
        return (place, resolved)
    }

    static func teams(base: String?, file: String?, context: RankingContext, rules: DayRules = DayRules()) throws
        -> [TourTeam]
    {
        try teamsAndPlaces(base: base, file: file, context: context, rules: rules).teams
    }

    /// The teams, and the places resolved for them (to echo). Every team whose base cannot be
    /// used is reported in one error. A team's own day rules apply over `rules`.
    static func teamsAndPlaces(
        base: String?, file: String?, context: RankingContext, rules: DayRules = DayRules()
    ) throws -> (teams: [TourTeam], places: [ResolvedPlace]) {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw PlannerError("\(file): cannot be read", hint: "check the --teams path")
            }
            let entries: [TeamEntry]
            do {
                entries = try JSONDecoder().decode([TeamEntry].self, from: data)
            } catch {
                throw PlannerError(
                    "\(file): is not a teams file (\(error.localizedDescription))",
                    hint: "see README \"Teams file\" for the format")
            }
            guard !entries.isEmpty else { throw PlannerError("\(file): lists no team", hint: "add at least one team") }
            var teams: [TourTeam] = []
            var places: [ResolvedPlace] = []
            var failures: [PlaceLookupError.Failure] = []
            for (offset, entry) in entries.enumerated() {
                var dates: Set<CalendarDate>?
                if let list = entry.dates {
                    dates = try Set(
                        list.map { text in
                            guard let date = CalendarDate(iso: text) else {
                                throw PlannerError(
                                    "\(file): team \"\(entry.name)\": \"\(text)\" is not a date",
                                    hint: "write dates as YYYY-MM-DD")
                            }
                            return date
                        })
                }
                let own =
                    entry.rules.isEmpty
                    ? nil
                    : try entry.rules.applied(to: rules, file: "\(file): team \"\(entry.name)\"", name: \.rawValue)
                let source = "\(file): team \(offset + 1) \"\(entry.name)\" base"
                do {
                    let (home, resolved) = try place(entry.base, source: source, context: context)
                    places += resolved.map { [$0] } ?? []
                    teams.append(
                        TourTeam(
                            name: entry.name, base: home, trainers: entry.trainers ?? 3,
                            vehicle: entry.vehicle ?? .rented, availableDates: dates, dayRules: own))
                } catch let error as PlaceLookupError {
                    failures += error.failures
                }
            }
            guard failures.isEmpty else { throw PlaceLookupError(failures: failures) }
            return (teams, places)
        }
        let (home, resolved) = try place(base ?? "", source: "--base", context: context)
        return ([TourTeam(name: home.name, base: home)], resolved.map { [$0] } ?? [])
    }

    static func candidates(
        store: TourDatabase, context: RankingContext, names: [String], top: Int?, excluding teams: [TourTeam]
    ) throws -> [TourCandidate] {
        try candidatesAndPlaces(store: store, context: context, names: names, top: top, excluding: teams).candidates
    }

    /// Candidate stops: named metros (by metro or member-city name), or, when `top` is given, every
    /// ranked metro with unaffiliated members outside the bases' metros (within the context's
    /// `--radius-km` of a base), best first
    /// (`TourScheduler.topReachable` then takes the first N the day rules can reach).
    static func candidatesAndPlaces(
        store: TourDatabase, context: RankingContext, names: [String], top: Int?, excluding teams: [TourTeam]
    ) throws -> (candidates: [TourCandidate], places: [ResolvedPlace]) {
        let ranking = MetroRanking.make(
            metros: context.metros, stats: try store.placeMemberStats(), chapters: [], base: nil,
            weights: RankingWeights())
        let hosts = Dictionary(
            ranking.metros.map { ($0.metro + "|" + ($0.country ?? ""), $0.hosts) }, uniquingKeysWith: { a, _ in a })
        func candidate(_ metro: RankedMetro) -> TourCandidate {
            TourCandidate(
                metro: metro.metro, cities: metro.cities,
                point: GeoPoint(latitude: metro.latitude, longitude: metro.longitude),
                timeZone: metro.timeZone ?? "UTC", countryCode: metro.country, value: Double(metro.unaffiliated),
                hasHost: (hosts[metro.metro + "|" + (metro.country ?? "")] ?? 0) > 0)
        }
        if !names.isEmpty {
            // The metros' anchor ids (for the echo), by name, country and center.
            let anchors = Dictionary(
                context.metros.map {
                    ("\($0.name)|\($0.countryCode ?? "")|\($0.center.latitude),\($0.center.longitude)", $0.geonameId)
                },
                uniquingKeysWith: { first, _ in first })
            let sites = ranking.metros.map { metro in
                let center = GeoPoint(latitude: metro.latitude, longitude: metro.longitude)
                return StopSite(
                    name: metro.metro, countryCode: metro.country, cities: metro.cities, center: center,
                    geonameId: anchors["\(metro.metro)|\(metro.country ?? "")|\(metro.latitude),\(metro.longitude)"]
                        ?? nil)
            }
            let matcher = StopMatcher(
                resolver: try context.resolver, organizationCountries: context.organizationCountries,
                radiusKm: context.radiusKm)
            let matches = try matcher.match(names, sites: sites)
            let bases = teams.map { GeoPoint(latitude: $0.base.latitude, longitude: $0.base.longitude) }
            if let home = matches.first(where: {
                isBaseMetro(ranking.metros[$0.site].point, bases: bases, radiusKm: context.radiusKm)
            }) {
                let metro = ranking.metros[home.site].metro
                throw PlannerError(
                    "--stops \"\(home.place.text)\" is \(metro), the base's own metro: a stop is a trip away from the base",
                    hint: "leave \(metro) out of --stops (train there without a trip), or plan it from another --base")
            }
            var result: [TourCandidate] = []
            var seen: Set<Int> = []
            for match in matches where seen.insert(match.site).inserted {
                result.append(candidate(ranking.metros[match.site]))
            }
            return (result, matches.map(\.place))
        }
        let basePoints = teams.map { GeoPoint(latitude: $0.base.latitude, longitude: $0.base.longitude) }
        let eligible = ranking.metros.filter { metro in
            metro.unaffiliated > 0 && !isBaseMetro(metro.point, bases: basePoints, radiusKm: context.radiusKm)
        }
        return (eligible.map(candidate), [])
    }

    /// Whether a metro centred at `point` is a base's own metro: within `radiusKm` (the metro
    /// radius the store's metros were clustered with, `--radius-km`) of a base.
    static func isBaseMetro(_ point: GeoPoint, bases: [GeoPoint], radiusKm: Double) -> Bool {
        bases.contains { $0.distanceKm(to: point) <= radiusKm }
    }
}

extension RankedMetro {
    /// The metro's center.
    fileprivate var point: GeoPoint { GeoPoint(latitude: latitude, longitude: longitude) }
}
