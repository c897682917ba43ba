import Foundation

/// A WGS 84 position in degrees.
public struct GeoPoint: Hashable, Sendable, Codable {
    /// Latitude in decimal degrees, −90…90 (north positive).
    package var latitude: Double
    /// Longitude in decimal degrees, −180…180 (east positive).
    package var longitude: Double
    /// Creates a point from degrees (not range-checked).
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Mean Earth radius (IUGG), the usual constant for great-circle distances.
    package static let earthRadiusKm = 6371.0088

    /// Great-circle distance by the haversine formula.
    ///
    /// - Complexity: O(1).
    package func distanceKm(to other: GeoPoint) -> Double {
        let toRadians = Double.pi / 180
        let phi1 = latitude * toRadians
        let phi2 = other.latitude * toRadians
        let deltaPhi = (other.latitude - latitude) * toRadians
        let deltaLambda = (other.longitude - longitude) * toRadians
        let a =
            sin(deltaPhi / 2) * sin(deltaPhi / 2)
            + cos(phi1) * cos(phi2) * sin(deltaLambda / 2) * sin(deltaLambda / 2)
        return 2 * Self.earthRadiusKm * asin(min(1, a.squareRoot()))
    }
}
