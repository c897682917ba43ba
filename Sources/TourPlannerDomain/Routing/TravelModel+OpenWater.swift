import Foundation
import TourPlannerCore

/// The open-water rule of the drive model: a model leg between landmasses no road joins
/// (``OpenWater/areOnSeparateLand(_:_:)``) has no road; one on a landmass whose straight line runs
/// over 25 km or more of open water is driven but warned about (the road goes around the water, or
/// a ferry, bridge or tunnel the model does not know crosses it). A leg the matrix lists is taken
/// as given: the matrix silences both.
extension TravelModel {
    /// The hours of a leg with no road: beyond any day's driving, so no trip takes it.
    package static let noRoadHours = 1_000.0

    /// The longest stretch of open water on the straight line from `a` to `b`, in km (0 under
    /// 25 km, or without outlines).
    package func openWaterKm(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        openWater?.longestStretchKm(from: a, to: b) ?? 0
    }

    /// "about 90 km", "about 4,100 km": to 10 km under 1,000 km, else to 100 km.
    package static func about(km: Double) -> String {
        let rounded = km < 1_000 ? Int((km / 10).rounded()) * 10 : Int((km / 100).rounded()) * 100
        var digits = String(rounded)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return "about \(digits + grouped) km"
    }

    /// Why a stop has no road from `from`: "no road from Los Angeles (about 4,100 km of open sea)".
    package static func noRoad(from: String, openWaterKm: Double) -> String {
        "no road from \(from) (\(about(km: openWaterKm)) of open sea)"
    }

    /// What to do about a leg with no road.
    package static let noRoadHint = "give the leg in --matrix with the ferry or flight time, or plan it as its own tour"

    /// The warning for a leg driven across open water: "London → Dublin crosses about 100 km of open water: …".
    package static func openWaterWarning(from: String, to: String, openWaterKm: Double) -> String {
        "\(from) → \(to) crosses \(about(km: openWaterKm)) of open water: the road goes around it or takes a ferry"
            + " or tunnel, so the model's km and hours may be too low; give the leg in --matrix for real times"
    }
}

extension TourPlan {
    /// One warning per pair of places a model leg of the plan joins across open water (25 km or more;
    /// see ``TravelModel/openWaterWarning(from:to:openWaterKm:)``), in the order the legs are
    /// driven; a pair the matrix lists has none.
    ///
    /// - Parameters:
    ///   - travel: the model the plan was planned with (its matrix and outlines).
    ///   - modelLegsOnly: skip a leg whose km differ from the model's (by over 1 km): a saved plan
    ///     does not keep its matrix, and a matrix leg has the user's km.
    /// - Returns: the warnings, each pair once whichever way it is driven.
    /// - Complexity: O(L) open-water tests for L legs.
    package func openWaterWarnings(travel: TravelModel, modelLegsOnly: Bool = false) -> [String] {
        var points: [String: GeoPoint] = [:]
        for team in teams {
            points[team.base.name] = GeoPoint(latitude: team.base.latitude, longitude: team.base.longitude)
        }
        for stop in trips.flatMap(\.stops) {
            points[stop.metro] = GeoPoint(latitude: stop.latitude, longitude: stop.longitude)
        }
        var seen: Set<[String]> = []
        var warnings: [String] = []
        for leg in trips.flatMap(\.legs) {
            guard let a = points[leg.from], let b = points[leg.to], seen.insert([leg.from, leg.to].sorted()).inserted
            else { continue }
            let estimate = travel.estimate(from: leg.from, a, countryCode: nil, to: leg.to, b, countryCode: nil)
            if modelLegsOnly, abs(estimate.leg.km - leg.km) > 1 { continue }
            if estimate.source == .model, estimate.leg.openWaterKm > 0 {
                warnings.append(
                    TravelModel.openWaterWarning(from: leg.from, to: leg.to, openWaterKm: estimate.leg.openWaterKm))
            }
        }
        return warnings
    }
}
