import Foundation

extension Itinerary {
    /// RFC 7946 GeoJSON: a FeatureCollection with the bases and training stops as Points and
    /// the driving legs as LineStrings, coordinates [longitude, latitude] rounded to 5 decimals
    /// (about 1 m), with properties. Encoded by `JSONEncoder` (sorted keys, pretty-printed).
    ///
    /// - Throws: `EncodingError` (only for a coordinate that is not a finite number).
    package static func geoJSON(plan: TourPlan) throws -> String {
        try JSONOutput.encode(GeoJSONFeatureCollection(plan: plan)) + "\n"
    }
}

extension GeoJSONFeatureCollection {
    /// The plan's bases, training stops and legs (a leg between places the plan does not locate
    /// is left out: it has no line to draw).
    init(plan: TourPlan) {
        func point(_ longitude: Double, _ latitude: Double) -> [Double] {
            [Self.rounded(longitude), Self.rounded(latitude)]
        }
        var places: [String: [Double]] = [:]
        var features: [GeoJSONFeature] = []
        for team in plan.teams {
            let position = point(team.base.longitude, team.base.latitude)
            places[team.base.name] = position
            features.append(
                GeoJSONFeature(
                    geometry: .point(position),
                    properties: .init(kind: .base, name: team.base.name, team: team.name)))
        }
        for (index, trip) in plan.trips.enumerated() {
            for stop in trip.stops {
                let position = point(stop.longitude, stop.latitude)
                places[stop.metro] = position
                features.append(
                    GeoJSONFeature(
                        geometry: .point(position),
                        properties: .init(
                            kind: .training, team: trip.team, trip: index + 1, metro: stop.metro, cities: stop.cities,
                            date: stop.date.description, value: stop.value, timeZone: stop.timeZone)))
            }
            for leg in trip.legs {
                guard let from = places[leg.from], let to = places[leg.to] else { continue }
                features.append(
                    GeoJSONFeature(
                        geometry: .lineString([from, to]),
                        properties: .init(
                            kind: .leg, team: trip.team, trip: index + 1, date: leg.date.description, from: leg.from,
                            to: leg.to, km: leg.km, hours: leg.hours)))
            }
        }
        self.init(features: features)
    }

    /// A degree value rounded to 5 decimals.
    static func rounded(_ degrees: Double) -> Double { (degrees * 100_000).rounded() / 100_000 }
}
