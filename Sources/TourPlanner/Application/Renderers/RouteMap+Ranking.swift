import Foundation

extension RouteMap {
    /// The ranking on a map: country and state outlines, and a dot per ranked metro whose area
    /// grows with its unaffiliated members, each titled with its name and count; the first five
    /// are labelled with their rank (the web app's `/rank`).
    ///
    /// The frame fits every metro (at least 3° tall, with a margin), so a national ranking shows the
    /// country and a regional one its region. Every name is escaped; the SVG has no scripts.
    ///
    /// - Parameters:
    ///   - ranking: the ranked metros (in rank order; drawn largest first so small dots stay on top).
    ///   - width: the frame's width in SVG units.
    ///   - height: the frame's height in SVG units.
    /// - Returns: a standalone `<svg>` element.
    public func svg(ranking: MetroRanking, width: Double = 720, height: Double = 480) -> String {
        let metros = ranking.metros
        let open =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
            + "role=\"img\" aria-label=\"Map of the ranked metros: dot size is unaffiliated members\">\n"
        guard !metros.isEmpty else { return open + "<title>No ranked metros</title>\n</svg>" }
        let frame = Self.frame(
            latitudes: metros.map(\.latitude), longitudes: metros.map(\.longitude), width: width, height: height)
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg = open + "<title>Ranked metros</title>\n"
        svg +=
            "<rect width=\"100%\" height=\"100%\" fill=\"#dbeaf5\"/>\n"
            + "<g fill=\"#f4f1e8\" stroke=\"#8a8a8a\" stroke-width=\"0.6\">\n"
        for ring in outlines {
            guard let path = frame.path(ring) else { continue }
            svg += "<path d=\"\(path)\"/>\n"
        }
        svg += "</g>\n<g fill=\"#b03a2e\" fill-opacity=\"0.75\" stroke=\"#fff\" stroke-width=\"1.5\">\n"
        let largest = Double(max(metros.map(\.unaffiliated).max() ?? 1, 1))
        let drawn = metros.sorted { ($0.unaffiliated, $1.rank) > ($1.unaffiliated, $0.rank) }
        for metro in drawn {
            let radius = Self.radius(unaffiliated: metro.unaffiliated, largest: largest)
            svg +=
                "<circle class=\"metro\" cx=\"\(f(frame.x(metro.longitude)))\" cy=\"\(f(frame.y(metro.latitude)))\" "
                + "r=\"\(f(radius))\"><title>#\(metro.rank) \(Self.escape(metro.metro)): "
                + "\(metro.unaffiliated) unaffiliated members</title></circle>\n"
        }
        svg += "</g>\n<g font-family=\"system-ui, sans-serif\" font-size=\"18\" fill=\"#111\">\n"
        for metro in metros.prefix(5) {
            let radius = Self.radius(unaffiliated: metro.unaffiliated, largest: largest)
            svg +=
                "<text x=\"\(f(frame.x(metro.longitude) + radius + 3))\" y=\"\(f(frame.y(metro.latitude) + 4))\" "
                + "stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">"
                + "\(metro.rank) \(Self.escape(metro.metro))</text>\n"
        }
        return svg + "</g>\n</svg>"
    }

    /// A dot's radius: 4 units for the smallest, 22 for the largest metro, by area.
    static func radius(unaffiliated: Int, largest: Double) -> Double {
        4 + 18 * (Double(max(unaffiliated, 0)) / largest).squareRoot()
    }

    /// An equirectangular frame around points, corrected for latitude.
    struct Frame {
        var minLat: Double
        var maxLat: Double
        var minLon: Double
        var maxLon: Double
        var width: Double
        var height: Double

        func x(_ lon: Double) -> Double { (lon - minLon) / (maxLon - minLon) * width }
        func y(_ lat: Double) -> Double { (maxLat - lat) / (maxLat - minLat) * height }

        /// The SVG path of a ring (`[lon, lat, lon, lat, …]`), or nil when it is outside the frame.
        func path(_ ring: [Double]) -> String? {
            var points: [(lon: Double, lat: Double)] = []
            var index = 0
            while index + 1 < ring.count {
                points.append((ring[index], ring[index + 1]))
                index += 2
            }
            guard let west = points.map(\.lon).min(), let east = points.map(\.lon).max(),
                let south = points.map(\.lat).min(), let north = points.map(\.lat).max(), east >= minLon,
                west <= maxLon, north >= minLat, south <= maxLat
            else { return nil }
            let moves = points.enumerated().map { offset, point in
                (offset == 0 ? "M" : "L") + String(format: "%.1f %.1f", x(point.lon), y(point.lat))
            }
            return moves.joined() + "Z"
        }
    }

    static func frame(latitudes: [Double], longitudes: [Double], width: Double, height: Double) -> Frame {
        let minLat = latitudes.min() ?? 0, maxLat = latitudes.max() ?? 0
        let minLon = longitudes.min() ?? 0, maxLon = longitudes.max() ?? 0
        let scaleX = max(cos((minLat + maxLat) / 2 * .pi / 180), 0.2)
        var spanLat = max(3, (maxLat - minLat) * 1.3)
        var spanLon = max(3 / scaleX, (maxLon - minLon) * 1.3)
        if spanLon * scaleX / spanLat < width / height {
            spanLon = spanLat * width / height / scaleX
        } else {
            spanLat = spanLon * scaleX * height / width
        }
        let centerLat = (minLat + maxLat) / 2, centerLon = (minLon + maxLon) / 2
        return Frame(
            minLat: centerLat - spanLat / 2, maxLat: centerLat + spanLat / 2, minLon: centerLon - spanLon / 2,
            maxLon: centerLon + spanLon / 2, width: width, height: height)
    }
}
