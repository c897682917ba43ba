import ArgumentParser
import Foundation
import TourPlanner

/// `tourplan cities route "FROM" "TO"`: the drive model's road km and hours between two places.
struct CitiesRouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Show the drive model's road km and hours between two places, each echoed as resolved.",
        discussion: """
            FROM and TO are place strings as for `cities resolve` ("Boston, MA"). Hours are typical \
            driving without traffic; with --traffic-margin F the table also shows them with that margin, \
            as `tour plan --traffic-margin F` plans them. With --matrix FILE, a pair the matrix lists (by the places' resolved names) comes \
            from the matrix ("source": "matrix").
            """)

    /// `--format table|json`.
    enum Format: String, CaseIterable, ExpressibleByArgument {
        case table
        case json
    }

    /// The JSON output: `{"from": {...}, "to": {...}, "km": …, "hours": …, "source": "model"|"matrix"}`.
    struct Route: Encodable {
        var from: ResolvedPlace
        var to: ResolvedPlace
        var km: Double
        var hours: Double
        var source: TravelModel.LegSource
    }

    @Argument(help: "Where the leg starts, e.g. \"New York, NY\".") var from: String
    @Argument(help: "Where the leg ends, e.g. \"Boston, MA\".") var to: String
    @Option(help: "Distance/time matrix CSV (from,to,km,hours) overriding the road model.") var matrix: String?
    @OptionGroup var places: PlaceOptions
    @Option(
        name: .customLong("organization-country"), parsing: .upToNextOption,
        help: "The organization's countries (ISO codes) for ambiguous names (default: the store's members').")
    var organizationCountries: [String] = []
    @OptionGroup var database: DatabaseOptions
    @Option(help: "A traffic margin to show, as a fraction of the hours (e.g. 0.15), as `tour plan` takes it.")
    var trafficMargin = 0.0
    @Option(help: "Output format.") var format: Format = .table

    func validate() throws {
        if !(0...2).contains(trafficMargin) {
            throw ValidationError("--traffic-margin must be a fraction from 0 to 2 (got \(trafficMargin))")
        }
    }

    func run() async throws {
        let resolver = try places.makeResolver()
        var travel = TravelModel(trafficMarginFraction: trafficMargin)
        if let matrix {
            let text: String
            do {
                text = try String(contentsOfFile: matrix, encoding: .utf8)
            } catch {
                throw CLIError(
                    "\(matrix): cannot be read (\(error.localizedDescription))",
                    hint: "check the --matrix path; the file must be UTF-8 CSV")
            }
            travel.matrix = try TravelModel.parseMatrix(text, fileName: matrix)
        }
        let countries =
            organizationCountries.isEmpty
            ? try storeCountries() : Set(organizationCountries.map { $0.uppercased() })
        let (start, end): (ResolvedPlace, ResolvedPlace)
        switch (
            Self.lookUp(from, resolver: resolver, countries: countries),
            Self.lookUp(to, resolver: resolver, countries: countries)
        ) {
        case (.success(let first), .success(let second)):
            (start, end) = (first, second)
        case (let first, let second):
            let failures = [("FROM", from, first), ("TO", to, second)].compactMap { role, text, result -> String? in
                guard case .failure(let failure) = result else { return nil }
                return "\(role) \"\(text)\" does not resolve: \(failure.reason)"
                    + (failure.suggestions.isEmpty
                        ? "" : " (did you mean \(failure.suggestions.joined(separator: "; "))?)")
            }
            throw CLIError(
                failures.joined(separator: "\n"),
                hint: "write each place as \"City, Region, Country\", e.g. \"Boston, MA, US\"")
        }
        let estimate = travel.estimate(
            from: start.name, GeoPoint(latitude: start.latitude, longitude: start.longitude),
            countryCode: start.country, to: end.name, GeoPoint(latitude: end.latitude, longitude: end.longitude),
            countryCode: end.country)
        let route = Route(
            from: start, to: end, km: (estimate.leg.km * 10).rounded() / 10,
            hours: (estimate.leg.hours * 100).rounded() / 100, source: estimate.source)
        switch format {
        case .json:
            print(try JSONOutput.encode(route))
        case .table:
            PlaceEcho.printToStandardError([start, end])
            let planned = (travel.plannedHours(estimate.leg) * 100).rounded() / 100
            print(
                "\(start.name) → \(end.name): \(String(format: "%.1f", route.km)) km, "
                    + "\(String(format: "%.2f", route.hours)) h without traffic (\(route.source.rawValue))"
                    + (trafficMargin > 0
                        ? "; plans allow \(String(format: "%.2f", planned)) h "
                            + "(+\(Int((trafficMargin * 100).rounded()))% traffic margin)" : ""))
        }
    }

    /// Why a place did not resolve.
    struct LookUpFailure: Error {
        var reason: String
        var suggestions: [String]
    }

    /// Resolves one place string: the only place lookup of this command, so a richer place echo
    /// can replace it in one spot.
    static func lookUp(_ text: String, resolver: CityResolver, countries: Set<String>)
        -> Result<ResolvedPlace, LookUpFailure>
    {
        let lookup = resolver.resolvePlace(text, organizationCountries: countries)
        guard lookup.isResolved, let place = lookup.place else {
            return .failure(LookUpFailure(reason: lookup.reason, suggestions: lookup.alternatives.map(\.label)))
        }
        return .success(place)
    }

    /// Countries where the store's members live, when there is a store.
    func storeCountries() throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: database.resolvedPath) else { return [] }
        return Set(try database.open().resolvedCities().map(\.entry.countryCode))
    }

    /// "Boston, Massachusetts, US (geonameid 4930956, confidence 1.000, exact name)".
}
