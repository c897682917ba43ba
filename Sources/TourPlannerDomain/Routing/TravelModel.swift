import Foundation
import TourPlannerCore

/// Driving distances and times between places: a model calibrated on real intercity driving,
/// overridden by a user-supplied matrix for the pairs it lists.
///
/// From the great-circle distance `gc` (km):
///
///     road km = 1.1788 × gc (+ 0)
///     hours   = 0.180 + road km / (103.67 km/h × f)
///
/// The access time (0.18 h, getting out of and into town) makes the door-to-door average speed
/// rise with distance: 79 km/h over 60 road km, 95 km/h over 200, 100 km/h over 500 (class
/// motorway). `f` is the road-speed factor of the leg's countries (`RoadSpeedClass`, the mean
/// of both ends): 1 for `motorway`, 0.7836 for `mixed`, 0.5687 for `trunk`.
///
/// Method (`Scripts/calibrate_drive_times.py`): the 20 reference legs (typical times without
/// traffic and road km, US, Europe, Australia) and 32 more legs in Europe, Asia, Latin America
/// and Africa; the circuity (with an offset ≥ 0, which the fit left at 0: no distance-dependent
/// circuity showed) minimises the sum of |ln(model km / road km)|, then the access time, the
/// speed and the two class factors minimise the sum of |ln(model h / h)| from the model's km.
/// Leave-one-out on the 20 reference legs (fit on 19, predict the 20th): median error 4.0% in km
/// and 4.9% in hours, at most 11.6% and 23.5% (London–Manchester); within all 52 calibration legs
/// 4.3% and 6.6%, one leg over 30% (Bogotá–Medellín, a mountain road). On 35 held-out legs
/// never fitted: median 3.9% in km and 12.1% in hours; 4 legs over 30% in hours (an expressway in a
/// `trunk` country, a motorway in a `mixed` one, a mountain road). Mountain roads are the model's
/// weak spot (Bogotá–Medellín: 43% too fast): give those legs in a matrix.
///
/// The times are without traffic. The tour planner plans with `plannedLeg(from:_:to:_:)`, whose
/// hours add `trafficMarginFraction` (default 0: the day rules' own limits — a 12-hour working
/// day, 6 hours of driving, 07:00–22:00 — are the slack; `tour plan --traffic-margin 0.15` plans
/// 15% longer drives). `leg(from:_:to:_:)` and `tourplan cities route` give the bare time.
///
/// A matrix (e.g. exported from OSRM or any map service) overrides the model for the pairs it
/// lists, in both directions unless the reverse pair is listed too.
///
/// Open water (`TravelModel+OpenWater.swift`, ``OpenWater`` over the bundled country outlines): a
/// model leg between landmasses no road joins (Hawaii, Corsica, Crete, Tasmania, New Zealand from
/// a mainland; land within 60 km, a strait a bridge, tunnel or short ferry crosses, counts as
/// joined) has no road: its hours are ``noRoadHours``, so no trip takes it and the planner names
/// the sea. A leg on one landmass whose straight line crosses 25 km or more of open water
/// (Houston–Tampa over the Gulf, London–Paris over the Channel) is driven at the model's time and
/// warned about: the road goes around or takes a ferry. A matrix leg is taken as given.
public struct TravelModel: Sendable, Hashable {
    /// Road km per great-circle km (the circuity).
    package var roadKmPerGreatCircleKm: Double = 1.1788
    /// Road km added to every leg (fitted; 0).
    package var roadKmOffset: Double = 0
    /// Hours added to every leg: leaving one town and entering the other.
    package var accessHours: Double = 0.180
    /// The cruising speed on `motorway`-class roads, in km/h; other classes scale it.
    package var cruiseSpeedKmPerHour: Double = 103.67
    /// The share of the cruising speed reached in `mixed`-class countries.
    package var mixedRoadSpeedFactor: Double = 0.7836
    /// The share of the cruising speed reached in `trunk`-class countries.
    package var trunkRoadSpeedFactor: Double = 0.5687
    /// The share of a leg's hours the planner adds for traffic and breaks (0.15 = 15%; default 0).
    package var trafficMarginFraction: Double = 0
    /// "from\u{1F}to" → (km, hours), names as in the plan (base names and metro names).
    package var matrix: [String: TravelLeg] = [:]
    /// Place name → ISO country code, for legs whose countries are not passed: the planner fills
    /// it from the request's bases and stops (``TourRequest/withPlaceCountries()``).
    package var placeCountries: [String: String] = [:]
    /// The land outlines model legs are tested against for open water (``OpenWater/bundled()``;
    /// nil: no test).
    package var openWater: OpenWater? = OpenWater.bundled()

    /// The calibrated model (every parameter at its fitted default), with an optional matrix.
    ///
    /// - Parameters:
    ///   - matrix: legs that override the model, keyed "from\u{1F}to" (see `parseMatrix(_:fileName:model:)`).
    ///   - trafficMarginFraction: the margin `plannedHours(_:)` adds; 0 unless given.
    public init(matrix: [String: TravelLeg] = [:], trafficMarginFraction: Double = 0) {
        self.matrix = matrix
        self.trafficMarginFraction = trafficMarginFraction
    }

    /// A leg's road distance and driving time.
    public struct TravelLeg: Sendable, Hashable {
        /// Road kilometres.
        package var km: Double
        /// Driving hours without traffic.
        package var hours: Double
        /// The longest stretch of a model leg's straight line over open water, in km (0 under 25 km,
        /// and for a matrix leg).
        package var openWaterKm: Double
        /// A leg of `km` road kilometres driven in `hours`, crossing `openWaterKm` of open water.
        package init(km: Double, hours: Double, openWaterKm: Double = 0) {
            self.km = km
            self.hours = hours
            self.openWaterKm = openWaterKm
        }
        /// Whether the ends lie on landmasses no road joins (``OpenWater/areOnSeparateLand(_:_:)``).
        package var separateLand = false
        /// Whether a road joins the ends: they are on one landmass (the straight line may still
        /// cross water the road goes around, or a strait a bridge or ferry crosses).
        package var isDrivable: Bool { !separateLand }
    }

    /// Where a leg's figures come from.
    package enum LegSource: String, Sendable, Hashable, Codable {
        /// The calibrated model.
        case model
        /// The user's matrix.
        case matrix
    }

    /// The leg between two named points, their countries taken from ``placeCountries``.
    ///
    /// - Returns: zero for the same name, the matrix's leg when it lists the pair, else the model's
    ///   (the `motorway` class when neither name has a known country).
    package func leg(from: String, _ a: GeoPoint, to: String, _ b: GeoPoint) -> TravelLeg {
        estimate(from: from, a, countryCode: nil, to: to, b, countryCode: nil).leg
    }

    /// The leg between two named points in the given countries.
    ///
    /// - Parameters:
    ///   - from: the start's name (a base or metro name, as `--matrix` files spell it).
    ///   - a: the start's location.
    ///   - fromCountry: the start's ISO country code; `nil` looks the name up in ``placeCountries``,
    ///     then takes the other end's class; no country at either end is the `motorway` class the
    ///     reference legs were measured on.
    ///   - to: the end's name.
    ///   - b: the end's location.
    ///   - toCountry: the end's ISO country code, likewise.
    /// - Returns: zero for the same name, the matrix's leg when it lists the pair, else the model's.
    package func leg(
        from: String, _ a: GeoPoint, countryCode fromCountry: String?, to: String, _ b: GeoPoint,
        countryCode toCountry: String?
    ) -> TravelLeg {
        estimate(from: from, a, countryCode: fromCountry, to: to, b, countryCode: toCountry).leg
    }

    /// The leg between two named points and where its figures come from.
    ///
    /// - Parameters:
    ///   - from: the start's name (a base or metro name, as `--matrix` files spell it).
    ///   - a: the start's location.
    ///   - fromCountry: the start's ISO country code (see ``leg(from:_:countryCode:to:_:countryCode:)``).
    ///   - to: the end's name.
    ///   - b: the end's location.
    ///   - toCountry: the end's ISO country code.
    /// - Returns: the leg and its source: `.matrix` when the matrix lists the pair (either way round);
    ///   a model leg carries its open water, and between landmasses no road joins the hours ``noRoadHours``.
    package func estimate(
        from: String, _ a: GeoPoint, countryCode fromCountry: String?, to: String, _ b: GeoPoint,
        countryCode toCountry: String?
    ) -> (leg: TravelLeg, source: LegSource) {
        if from == to { return (TravelLeg(km: 0, hours: 0), .model) }
        if let given = matrix[from + "\u{1F}" + to] ?? matrix[to + "\u{1F}" + from] { return (given, .matrix) }
        let start = fromCountry ?? placeCountries[from]
        let end = toCountry ?? placeCountries[to]
        let factor = speedFactor(start ?? end, end ?? start)
        var leg = modelLeg(greatCircleKm: a.distanceKm(to: b), speedFactor: factor)
        leg.openWaterKm = openWaterKm(a, b)
        if leg.openWaterKm > 0, openWater?.areOnSeparateLand(a, b) == true { leg.separateLand = true }
        if !leg.isDrivable { leg.hours = Self.noRoadHours }
        return (leg, .model)
    }

    /// The model's leg for a great-circle distance (no matrix).
    ///
    /// - Parameters:
    ///   - greatCircleKm: the distance between the two ends, in km.
    ///   - speedFactor: the leg's road-speed factor (1 for `motorway`).
    /// - Returns: a zero leg for a zero distance, else road km and hours by the formula above.
    package func modelLeg(greatCircleKm: Double, speedFactor: Double = 1) -> TravelLeg {
        guard greatCircleKm > 0 else { return TravelLeg(km: 0, hours: 0) }
        let km = roadKmPerGreatCircleKm * greatCircleKm + roadKmOffset
        return TravelLeg(km: km, hours: hours(roadKm: km, speedFactor: speedFactor))
    }

    /// The model's driving hours for a road distance.
    ///
    /// - Parameters:
    ///   - roadKm: road kilometres.
    ///   - speedFactor: the leg's road-speed factor (1 for `motorway`).
    /// - Returns: the access time plus the road km at the class's cruising speed; 0 for 0 km.
    package func hours(roadKm: Double, speedFactor: Double = 1) -> Double {
        roadKm > 0 ? accessHours + roadKm / (cruiseSpeedKmPerHour * speedFactor) : 0
    }

    /// The road-speed factor of a class.
    package func speedFactor(for speedClass: RoadSpeedClass) -> Double {
        switch speedClass {
        case .motorway: 1
        case .mixed: mixedRoadSpeedFactor
        case .trunk: trunkRoadSpeedFactor
        }
    }

    /// The leg as the tour planner plans it: its road km, and its hours plus the traffic margin
    /// (``plannedHours(_:)``). Plans, their day rules and PLAN.json use these hours.
    package func plannedLeg(from: String, _ a: GeoPoint, to: String, _ b: GeoPoint) -> TravelLeg {
        var leg = leg(from: from, a, to: to, b)
        leg.hours = plannedHours(leg)
        return leg
    }

    /// The hours the day rules plan for a leg: its hours plus the traffic margin.
    ///
    /// - Returns: `leg.hours × (1 + trafficMarginFraction)`.
    package func plannedHours(_ leg: TravelLeg) -> Double {
        leg.hours * (1 + trafficMarginFraction)
    }

    private func speedFactor(_ a: String?, _ b: String?) -> Double {
        guard let a, let b else { return 1 }
        return (speedFactor(for: RoadSpeedClass(countryCode: a)) + speedFactor(for: RoadSpeedClass(countryCode: b))) / 2
    }
}
