import Foundation

/// The answer of `cities resolve`: how one place string resolves.
public struct PlaceResolutionReport: RenderableReport, Hashable {
    /// The place as typed.
    public var text: String
    /// The resolver's answer: the place (or none), confidence, reason and alternatives.
    public var lookup: PlaceLookup

    /// A report of `lookup` for `text`.
    package init(text: String, lookup: PlaceLookup) {
        self.text = text
        self.lookup = lookup
    }

    /// Table (the default), CSV and JSON (the lookup's keys plus `resolved`).
    public static let formats: [OutputFormat] = [.table, .csv, .json]

    /// The report in `format`.
    ///
    /// - Throws: `PlannerError` for a format the report does not offer; encoding errors.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.encode(WithResolvedPlaces(value: lookup, resolved: lookup.place.map { [$0] } ?? []))
        case .csv: return CSVWriter.render(header: Self.csvHeader, rows: [csvRow])
        case .table: return table
        case .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }

    static let csvHeader = [
        "text", "status", "name", "region", "country", "geonameId", "latitude", "longitude", "timeZone",
        "confidence", "reason", "alternatives",
    ]

    var csvRow: [String] {
        let confidence = String(format: "%.3f", lookup.confidence)
        guard let place = lookup.place else {
            return [
                text, lookup.status.rawValue, "", "", "", "", "", "", "", confidence, lookup.reason,
                lookup.alternativeLabels,
            ]
        }
        return [
            text, lookup.status.rawValue, place.name, place.region ?? "", place.country, String(place.geonameId),
            String(format: "%.5f", place.latitude), String(format: "%.5f", place.longitude), place.timeZone,
            confidence, lookup.reason, lookup.alternativeLabels,
        ]
    }

    var table: String {
        guard let place = lookup.place else {
            var lines = ["\"\(text)\" is not resolved: \(lookup.reason)"]
            if !lookup.alternatives.isEmpty { lines.append("  did you mean: \(lookup.alternativeLabels)") }
            return lines.joined(separator: "\n")
        }
        var lines = [
            "\"\(text)\" → \(place.label)  (geonameid \(place.geonameId))",
            "  position   \(String(format: "%.5f, %.5f", place.latitude, place.longitude))",
            "  time zone  \(place.timeZone)",
            "  population \(place.population)",
            "  confidence \(String(format: "%.3f", place.confidence)) (\(lookup.reason))",
        ]
        if !lookup.alternatives.isEmpty { lines.append("  also       \(lookup.alternativeLabels)") }
        return lines.joined(separator: "\n")
    }
}

/// The answer of `cities route`: the drive model's km and hours between two resolved places.
public struct RouteReport: RenderableReport, Hashable {
    /// Where the leg starts.
    public var from: ResolvedPlace
    /// Where the leg ends.
    public var to: ResolvedPlace
    /// Road km, to 0.1 km.
    package var km: Double
    /// Driving hours without traffic, to 0.01 h.
    package var hours: Double
    /// The model or the user's matrix.
    package var source: TravelModel.LegSource
    /// The hours plans allow with the traffic margin, to 0.01 h.
    package var plannedHours: Double
    /// The traffic margin asked for (a fraction of the hours).
    package var trafficMargin: Double
    /// The longest stretch of open water on a model leg's straight line, in km (0 under 25 km and
    /// for a matrix leg); over 0 the table warns.
    package var openWaterKm: Double

    /// A report of one leg.
    package init(
        from: ResolvedPlace, to: ResolvedPlace, km: Double, hours: Double, source: TravelModel.LegSource,
        plannedHours: Double, trafficMargin: Double, openWaterKm: Double = 0
    ) {
        self.openWaterKm = openWaterKm
        self.from = from
        self.to = to
        self.km = km
        self.hours = hours
        self.source = source
        self.plannedHours = plannedHours
        self.trafficMargin = trafficMargin
    }

    /// Table (the default) and JSON (`from`, `to`, `km`, `hours`, `source`, and `openWaterKm` when
    /// the leg crosses open water).
    public static let formats: [OutputFormat] = [.table, .json]

    /// The report in `format`.
    ///
    /// - Throws: `PlannerError` for a format the report does not offer; encoding errors.
    public func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.encode(
                JSONForm(
                    from: from, to: to, km: km, hours: hours, source: source,
                    openWaterKm: openWaterKm > 0 ? openWaterKm.rounded() : nil))
        case .table:
            return "\(from.name) → \(to.name): \(String(format: "%.1f", km)) km, "
                + "\(String(format: "%.2f", hours)) h without traffic (\(source.rawValue))"
                + (trafficMargin > 0
                    ? "; plans allow \(String(format: "%.2f", plannedHours)) h "
                        + "(+\(Int((trafficMargin * 100).rounded()))% traffic margin)" : "")
                + (openWaterKm > 0
                    ? "\nWarning: "
                        + TravelModel.openWaterWarning(from: from.name, to: to.name, openWaterKm: openWaterKm) : "")
        case .csv, .markdown, .html, .ics, .geojson: throw unsupported(format)
        }
    }

    /// The JSON layout of `cities route --format json`.
    struct JSONForm: Encodable {
        var from: ResolvedPlace
        var to: ResolvedPlace
        var km: Double
        var hours: Double
        var source: TravelModel.LegSource
        var openWaterKm: Double?
    }
}
