import Foundation

/// A standard routing benchmark instance, detected from its text: TSPLIB `.tsp` (EUC_2D,
/// CEIL_2D, ATT, GEO), Solomon VRPTW, or orienteering with time windows (OPTW, the
/// Righini–Salani / Montemanni text format, one route).
package enum RoutingInstance: Sendable {
    case tsp(TSPInstance)
    case vrptw(VRPTWInstance)
    case optw(OPTWInstance)

    /// Parses and detects the kind.
    ///
    /// - Throws: `RoutingError` naming the file and line of what cannot be read.
    package static func parse(_ text: String, fileName: String) throws -> RoutingInstance {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if lines.contains(where: { $0.hasPrefix("NODE_COORD_SECTION") || $0.hasPrefix("DIMENSION") }) {
            return .tsp(try TSPInstance.parse(lines, fileName: fileName))
        }
        if lines.contains(where: { $0.hasPrefix("CUST NO.") || $0.hasPrefix("VEHICLE") }) {
            return .vrptw(try VRPTWInstance.parse(lines, fileName: fileName))
        }
        return .optw(try OPTWInstance.parse(lines, fileName: fileName))
    }
}

/// A symmetric TSPLIB travelling-salesman instance: node coordinates and how distances are measured.
package struct TSPInstance: Sendable {
    /// The instance's `NAME` (the file name when it has none).
    package var name: String
    /// Node numbers as written in `NODE_COORD_SECTION`, in file order.
    package var ids: [Int]
    /// First coordinate of each node (x, or latitude in DDD.MM form for `GEO`).
    package var x: [Double]
    /// Second coordinate of each node (y, or longitude in DDD.MM form for `GEO`).
    package var y: [Double]
    /// The TSPLIB distance function: `EUC_2D` (rounded Euclidean, the default), `CEIL_2D`, `ATT` (pseudo-Euclidean) or
    /// `GEO` (geographical, km).
    package var edgeWeightType: String

    static func parse(_ lines: [String], fileName: String) throws -> TSPInstance {
        var instance = TSPInstance(name: fileName, ids: [], x: [], y: [], edgeWeightType: "EUC_2D")
        var inCoordinates = false
        for (offset, line) in lines.enumerated() where !line.isEmpty {
            if inCoordinates {
                if line == "EOF" || !(line.first?.isNumber ?? false) { inCoordinates = false; continue }
                let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count >= 3, let id = Int(parts[0]), let x = Double(parts[1]), let y = Double(parts[2])
                else {
                    throw RoutingError(
                        "\(fileName):\(offset + 1): \"\(line.prefix(60))\" is not \"id x y\"",
                        hint: "each NODE_COORD_SECTION line is a node number and two coordinates")
                }
                instance.ids.append(id)
                instance.x.append(x)
                instance.y.append(y)
                continue
            }
            let key = line.split(separator: ":").first?.trimmingCharacters(in: .whitespaces) ?? ""
            let value =
                line.split(separator: ":", maxSplits: 1).dropFirst().first?.trimmingCharacters(in: .whitespaces) ?? ""
            switch key {
            case "NAME": instance.name = value
            case "EDGE_WEIGHT_TYPE":
                guard ["EUC_2D", "CEIL_2D", "ATT", "GEO"].contains(value) else {
                    throw RoutingError(
                        "\(fileName):\(offset + 1): EDGE_WEIGHT_TYPE \(value) is not supported",
                        hint: "use EUC_2D, CEIL_2D, ATT or GEO coordinates")
                }
                instance.edgeWeightType = value
            default:
                if line.hasPrefix("NODE_COORD_SECTION") { inCoordinates = true }
            }
        }
        guard instance.ids.count >= 3 else {
            throw RoutingError(
                "\(fileName): has \(instance.ids.count) nodes",
                hint: "a TSPLIB instance needs a NODE_COORD_SECTION with at least 3 nodes")
        }
        return instance
    }

    /// TSPLIB distances (EUC_2D: nint of Euclidean; CEIL_2D; ATT pseudo-Euclidean; GEO great circle).
    package func distanceMatrix() -> [[Int]] {
        let n = ids.count
        var matrix = [[Int]](repeating: [Int](repeating: 0, count: n), count: n)
        func geo(_ value: Double) -> Double {
            let degrees = value.rounded(.towardZero)
            return .pi * (degrees + 5 * (value - degrees) / 3) / 180
        }
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                let d: Int
                switch edgeWeightType {
                case "CEIL_2D": d = Int((dx * dx + dy * dy).squareRoot().rounded(.up))
                case "ATT":
                    let r = ((dx * dx + dy * dy) / 10).squareRoot()
                    let t = Int(r.rounded())
                    d = Double(t) < r ? t + 1 : t
                case "GEO":
                    let (lat1, lon1, lat2, lon2) = (geo(x[i]), geo(y[i]), geo(x[j]), geo(y[j]))
                    let q1 = cos(lon1 - lon2), q2 = cos(lat1 - lat2), q3 = cos(lat1 + lat2)
                    d = Int(6378.388 * acos(0.5 * ((1 + q1) * q2 - (1 - q1) * q3)) + 1)
                default: d = Int((dx * dx + dy * dy).squareRoot().rounded())
                }
                matrix[i][j] = d
                matrix[j][i] = d
            }
        }
        return matrix
    }
}

/// A Solomon vehicle-routing instance with time windows; customer 0 is the depot.
package struct VRPTWInstance: Sendable {
    /// Number of vehicles available (`NUMBER`).
    package var vehicles: Int
    /// Capacity of each vehicle (`CAPACITY`), in demand units.
    package var capacity: Int
    package var x: [Double], y: [Double]
    package var demand: [Int], ready: [Int], due: [Int], service: [Int]

    static func parse(_ lines: [String], fileName: String) throws -> VRPTWInstance {
        var vehicles = 0, capacity = 0
        var rows: [[Double]] = []
        for (offset, line) in lines.enumerated() {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if parts.count >= 2, parts[0] == "NUMBER", parts[1] == "CAPACITY", offset + 1 < lines.count {
                let next = lines[offset + 1].split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard next.count >= 2, let v = Int(next[0]), let c = Int(next[1]) else {
                    throw RoutingError(
                        "\(fileName):\(offset + 2): the vehicle line must be \"NUMBER CAPACITY\"",
                        hint: "e.g. \"25 200\"")
                }
                vehicles = v
                capacity = c
            }
            if parts.count == 7, let values = Optional(parts.compactMap(Double.init)), values.count == 7 {
                rows.append(values)
            }
        }
        guard vehicles > 0, rows.count >= 2 else {
            throw RoutingError(
                "\(fileName): not a Solomon VRPTW instance (\(rows.count) customer rows, \(vehicles) vehicles)",
                hint: "expected the VEHICLE and CUSTOMER sections of the Solomon format")
        }
        rows.sort { $0[0] < $1[0] }
        for (index, row) in rows.enumerated() where Int(row[0]) != index {
            throw RoutingError(
                "\(fileName): customer numbers must run 0…\(rows.count - 1) (found \(Int(row[0])) at position \(index))",
                hint: "the depot is customer 0")
        }
        return VRPTWInstance(
            vehicles: vehicles, capacity: capacity, x: rows.map { $0[1] }, y: rows.map { $0[2] },
            demand: rows.map { Int($0[3]) },
            ready: rows.map { Int($0[4]) }, due: rows.map { Int($0[5]) }, service: rows.map { Int($0[6]) })
    }
}

/// An orienteering instance with time windows (OPTW, one route): vertex 0 is the start and end, each other vertex has a
/// profit for visiting it inside its window.
package struct OPTWInstance: Sendable {
    package var x: [Double], y: [Double]
    package var service: [Double], profit: [Int], open: [Double], close: [Double]

    static func parse(_ lines: [String], fileName: String) throws -> OPTWInstance {
        let rows = lines.filter { !$0.isEmpty }.dropFirst(2)
        var instance = OPTWInstance(x: [], y: [], service: [], profit: [], open: [], close: [])
        for (offset, line) in rows.enumerated() {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
            guard parts.count >= 7 else {
                throw RoutingError(
                    "\(fileName):\(offset + 3): \"\(line.prefix(60))\" is not a vertex line",
                    hint: "expected \"i x y service score … open close\" (OPTW text format)")
            }
            instance.x.append(parts[1])
            instance.y.append(parts[2])
            instance.service.append(parts[3])
            instance.profit.append(Int(parts[4].rounded()))
            instance.open.append(parts[parts.count - 2])
            instance.close.append(parts[parts.count - 1])
        }
        guard instance.x.count >= 2 else {
            throw RoutingError("\(fileName): has no vertices", hint: "is this an OPTW instance?")
        }
        return instance
    }
}
