import Foundation

extension TravelModel {
    /// Parses a matrix CSV with header `from,to,km,hours`.
    ///
    /// Names are as in the plan (base names and metro names). Hours may be empty: then the
    /// model's hours for that road distance (class `motorway`).
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - fileName: the file's name, for errors.
    ///   - model: the model that gives hours where a row has none.
    /// - Returns: the legs keyed "from\u{1F}to".
    /// - Throws: `RoutingError` naming the file, line, field and value of a bad row.
    package static func parseMatrix(_ text: String, fileName: String, model: TravelModel = TravelModel()) throws
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
            var hours = model.hours(roadKm: km)
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
