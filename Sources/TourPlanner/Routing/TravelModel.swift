import Foundation

/// Driving distances and times between places.
///
/// The model: great-circle distance × a road circuity factor (default 1.25: road distance
/// between US and European cities is typically 1.15–1.35 × the great-circle distance), driven at
/// an average 80 km/h including fuel and rest stops (interstate/motorway cruising speed is
/// 100–120 km/h; city ends and stops bring the door-to-door average down). A user-supplied
/// matrix (e.g. exported from OSRM or any map service) overrides the model for the pairs it
/// lists, in both directions unless the reverse pair is listed too.
public struct TravelModel: Sendable, Hashable {
    public var circuityFactor: Double = 1.25
    public var averageSpeedKmPerHour: Double = 80
    /// "from\u{1F}to" → (km, hours), names as in the plan (base names and metro names).
    public var matrix: [String: TravelLeg] = [:]

    public init(circuityFactor: Double = 1.25, averageSpeedKmPerHour: Double = 80, matrix: [String: TravelLeg] = [:]) {
        self.circuityFactor = circuityFactor
        self.averageSpeedKmPerHour = averageSpeedKmPerHour
        self.matrix = matrix
    }

    public struct TravelLeg: Sendable, Hashable {
        public var km: Double
        public var hours: Double
        public init(km: Double, hours: Double) {
            self.km = km
            self.hours = hours
        }
    }

    /// The leg between two named points.
    public func leg(from: String, _ a: GeoPoint, to: String, _ b: GeoPoint) -> TravelLeg {
        if from == to { return TravelLeg(km: 0, hours: 0) }
        if let given = matrix[from + "\u{1F}" + to] ?? matrix[to + "\u{1F}" + from] { return given }
        let km = a.distanceKm(to: b) * circuityFactor
        return TravelLeg(km: km, hours: km / averageSpeedKmPerHour)
    }

    /// Parses a matrix CSV with header `from,to,km,hours` (hours may be empty: then km / speed).
    ///
    /// - Throws: `RoutingError` naming the file and line of a bad row.
    public static func parseMatrix(_ text: String, fileName: String, averageSpeedKmPerHour: Double = 80) throws
        -> [String: TravelLeg]
    {
        var result: [String: TravelLeg] = [:]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let header = lines.first?.lowercased().replacingOccurrences(of: "\r", with: ""),
            header.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).starts(with: [
                "from", "to", "km",
            ])
        else {
            throw RoutingError(
                "\(fileName):1: the header must be from,to,km,hours",
                hint: "export the matrix as CSV with columns from,to,km,hours")
        }
        for (offset, raw) in lines.enumerated().dropFirst() {
            let line = raw.replacingOccurrences(of: "\r", with: "")
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count >= 3, let km = Double(fields[2]), km >= 0, km.isFinite else {
                throw RoutingError(
                    "\(fileName):\(offset + 1): km \"\(fields.count > 2 ? fields[2] : "")\" is not a distance",
                    hint: "write a number of kilometres, e.g. 162.5")
            }
            var hours = km / averageSpeedKmPerHour
            if fields.count > 3, !fields[3].isEmpty {
                guard let given = Double(fields[3]), given >= 0, given.isFinite else {
                    throw RoutingError(
                        "\(fileName):\(offset + 1): hours \"\(fields[3])\" is not a duration",
                        hint: "write a number of hours, e.g. 2.25")
                }
                hours = given
            }
            result[fields[0] + "\u{1F}" + fields[1]] = TravelLeg(km: km, hours: hours)
        }
        return result
    }
}
