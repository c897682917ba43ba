import Foundation

extension TourRequest {
    /// The request with every base's and stop's country in its travel model's
    /// ``TravelModel/placeCountries`` (a name already there keeps its country; bases first), so
    /// each leg is driven at its countries' road class wherever the planner asks for it.
    ///
    /// - Returns: a copy of the request; the places' countries are unchanged.
    package func withPlaceCountries() -> TourRequest {
        var request = self
        let places =
            teams.map { ($0.base.name, $0.base.countryCode) } + candidates.map { ($0.metro, $0.countryCode) }
        for case (let name, let country?) in places where request.travel.placeCountries[name] == nil {
            request.travel.placeCountries[name] = country
        }
        return request
    }
}
