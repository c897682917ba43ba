import Foundation

extension Itinerary {
    /// RFC 7946 GeoJSON: a FeatureCollection with the bases and training stops as Points and
    /// the driving legs as LineStrings, coordinates [longitude, latitude], with properties.
    public static func geoJSON(plan: TourPlan) -> String {
        func number(_ value: Double) -> String { String(format: "%.5f", value) }
        func string(_ text: String) -> String {
            let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
            return String(decoding: data, as: UTF8.self)
        }
        var places: [String: (Double, Double)] = [:]
        for team in plan.teams { places[team.base.name] = (team.base.longitude, team.base.latitude) }
        var features: [String] = []
        for team in plan.teams {
            features.append(
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(number(team.base.longitude)),\(number(team.base.latitude))]},\"properties\":{\"kind\":\"base\",\"name\":\(string(team.base.name)),\"team\":\(string(team.name))}}"
            )
        }
        for (index, trip) in plan.trips.enumerated() {
            for stop in trip.stops {
                places[stop.metro] = (stop.longitude, stop.latitude)
                features.append(
                    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(number(stop.longitude)),\(number(stop.latitude))]},\"properties\":{\"kind\":\"training\",\"metro\":\(string(stop.metro)),\"cities\":[\(stop.cities.map(string).joined(separator: ","))],\"date\":\(string(stop.date.description)),\"team\":\(string(trip.team)),\"trip\":\(index + 1),\"value\":\(stop.value),\"timeZone\":\(string(stop.timeZone))}}"
                )
            }
            for leg in trip.legs {
                guard let from = places[leg.from], let to = places[leg.to] else { continue }
                features.append(
                    "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[\(number(from.0)),\(number(from.1))],[\(number(to.0)),\(number(to.1))]]},\"properties\":{\"kind\":\"leg\",\"from\":\(string(leg.from)),\"to\":\(string(leg.to)),\"date\":\(string(leg.date.description)),\"km\":\(leg.km),\"hours\":\(leg.hours),\"team\":\(string(trip.team)),\"trip\":\(index + 1)}}"
                )
            }
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}\n"
    }
}
