import Foundation

/// What `cities resolve` is asked: one place string as typed.
public struct PlaceResolutionQuery: Sendable, Hashable {
    /// The place as typed ("City", "City, Region" or "City, Region, Country").
    package var text: String
    /// Countries where the organization's members live (ISO codes); nil: the store's, if any.
    package var organizationCountries: Set<String>?

    /// A query for `text`.
    public init(text: String, organizationCountries: Set<String>? = nil) {
        self.text = text
        self.organizationCountries = organizationCountries
    }
}

/// What `cities route` is asked: two places and the drive model's options.
public struct RouteQuery: Sendable, Hashable {
    /// Where the leg starts, as typed.
    package var from: String
    /// Where the leg ends, as typed.
    package var to: String
    /// A distance/time matrix CSV (from,to,km,hours) overriding the road model.
    package var matrixFile: String?
    /// The organization's countries for ambiguous names; nil: the store's, if any.
    package var organizationCountries: Set<String>?
    /// The traffic margin to show, as a fraction of the hours.
    package var trafficMargin: Double

    /// A query for the leg from `from` to `to`.
    package init(
        from: String, to: String, matrixFile: String? = nil, organizationCountries: Set<String>? = nil,
        trafficMargin: Double = 0
    ) {
        self.from = from
        self.to = to
        self.matrixFile = matrixFile
        self.organizationCountries = organizationCountries
        self.trafficMargin = trafficMargin
    }
}

extension Planner {
    /// How one place string resolves, with its confidence and alternatives.
    ///
    /// - Throws: the resolver's and the store's errors (an unresolved place is a report, not an error).
    public func resolvePlace(_ query: PlaceResolutionQuery) async throws -> PlaceResolutionReport {
        try resolvePlaceBlocking(query)
    }

    /// `resolvePlace(_:)` on the calling thread, for a caller that runs it on a thread pool (the web
    /// app), so its computation holds no cooperative thread.
    ///
    /// - Throws: the same errors as `resolvePlace(_:)`.
    public func resolvePlaceBlocking(_ query: PlaceResolutionQuery) throws -> PlaceResolutionReport {
        let resolver = try resources.resolver()
        let countries = try query.organizationCountries.map(Self.uppercased) ?? storeCountries()
        return PlaceResolutionReport(
            text: query.text, lookup: resolver.resolvePlace(query.text, organizationCountries: countries))
    }

    /// The drive model's road km and hours between two places, each resolved as typed.
    ///
    /// - Throws: `PlannerError` when a place does not resolve (with suggestions) or the matrix cannot
    ///   be read; the matrix's parse errors; the store's errors; `RoutingError` when the model has no
    ///   road between them (another landmass; a matrix leg is taken as given).
    public func route(_ query: RouteQuery) async throws -> RouteReport {
        let resolver = try resources.resolver()
        var travel = TravelModel(trafficMarginFraction: query.trafficMargin)
        if let matrix = query.matrixFile {
            let text: String
            do {
                text = try String(contentsOfFile: matrix, encoding: .utf8)
            } catch {
                throw PlannerError(
                    "\(matrix): cannot be read (\(error.localizedDescription))",
                    hint: "check the --matrix path; the file must be UTF-8 CSV")
            }
            travel.matrix = try TravelModel.parseMatrix(text, fileName: matrix)
        }
        let countries = try query.organizationCountries.map(Self.uppercased) ?? storeCountries()
        let lookups = [("FROM", query.from), ("TO", query.to)].map { role, text in
            (role, text, resolver.resolvePlace(text, organizationCountries: countries))
        }
        var places: [ResolvedPlace] = []
        var failures: [String] = []
        for (role, text, lookup) in lookups {
            if lookup.isResolved, let place = lookup.place {
                places.append(place)
            } else {
                let suggestions = lookup.alternatives.map(\.label)
                failures.append(
                    "\(role) \"\(text)\" does not resolve: \(lookup.reason)"
                        + (suggestions.isEmpty ? "" : " (did you mean \(suggestions.joined(separator: "; "))?)"))
            }
        }
        guard failures.isEmpty, places.count == 2 else {
            throw PlannerError(
                failures.joined(separator: "\n"),
                hint: "write each place as \"City, Region, Country\", e.g. \"Boston, MA, US\"")
        }
        let (start, end) = (places[0], places[1])
        let estimate = travel.estimate(
            from: start.name, start.point, countryCode: start.country, to: end.name, end.point,
            countryCode: end.country)
        if !estimate.leg.isDrivable {
            throw RoutingError(
                "\(end.name): " + TravelModel.noRoad(from: start.name, openWaterKm: estimate.leg.openWaterKm),
                hint: TravelModel.noRoadHint)
        }
        return RouteReport(
            from: start, to: end, km: (estimate.leg.km * 10).rounded() / 10,
            hours: (estimate.leg.hours * 100).rounded() / 100, source: estimate.source,
            plannedHours: (travel.plannedHours(estimate.leg) * 100).rounded() / 100,
            trafficMargin: query.trafficMargin, openWaterKm: estimate.leg.openWaterKm)
    }

    /// Countries where the store's members live (none when there is no store).
    func storeCountries() throws -> Set<String> {
        guard let store else { return [] }
        return Set(try store.resolvedCities().map(\.entry.countryCode))
    }

    private static func uppercased(_ codes: Set<String>) -> Set<String> { Set(codes.map { $0.uppercased() }) }
}
