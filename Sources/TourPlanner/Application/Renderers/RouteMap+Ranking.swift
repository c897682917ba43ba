import Foundation

extension RouteMap {
    /// The ranking on a map: country and state outlines, and a dot per ranked metro whose area
    /// grows with its unaffiliated members, each titled with its name and count; the first five
    /// are labelled with their rank where a label fits without overlapping another
    /// (`placeLabels(_:width:height:)`), for the web app's `/rank`.
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
        svg += "</g>\n<g font-family=\"system-ui, sans-serif\" font-size=\"\(f(Self.labelFontSize))\" fill=\"#111\">\n"
        let dots = metros.prefix(Self.labelledMetros).map { metro in
            Dot(
                x: frame.x(metro.longitude), y: frame.y(metro.latitude),
                radius: Self.radius(unaffiliated: metro.unaffiliated, largest: largest),
                text: "\(metro.rank) \(metro.metro)")
        }
        let discs = metros.map { metro in
            let radius = Self.radius(unaffiliated: metro.unaffiliated, largest: largest)
            let x = frame.x(metro.longitude), y = frame.y(metro.latitude)
            return Box(minX: x - radius, minY: y - radius, maxX: x + radius, maxY: y + radius)
        }
        for label in Self.placeLabels(dots, avoiding: discs, width: width, height: height) {
            let anchor = label.anchor == "start" ? "" : " text-anchor=\"\(label.anchor)\""
            svg +=
                "<text x=\"\(f(label.x))\" y=\"\(f(label.y))\"\(anchor) "
                + "stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(Self.escape(label.text))</text>\n"
        }
        return svg + "</g>\n</svg>"
    }

    /// How many of the best-ranked metros get a label (when there is room for it).
    static let labelledMetros = 5
    /// The labels' font size in SVG units.
    static let labelFontSize = 18.0

    /// A dot to label: its centre, radius and label text.
    struct Dot {
        var x: Double
        var y: Double
        var radius: Double
        var text: String
    }

    /// A placed label: where its text starts (SVG `x`, baseline `y`, `text-anchor`) and the box it
    /// covers.
    struct Label {
        var text: String
        var x: Double
        var y: Double
        var anchor: String
        var box: Box
    }

    /// An axis-aligned box in SVG units.
    struct Box: Equatable {
        var minX: Double
        var minY: Double
        var maxX: Double
        var maxY: Double

        /// Whether the two boxes share more than an edge.
        func intersects(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    /// The box a label's text covers, estimated from its length (0.62 em a character: wider than
    /// system-ui's average, so the estimate errs on the side of room), 0.8 em above the baseline
    /// and 0.25 em below it.
    static func box(text: String, x: Double, y: Double, anchor: String) -> Box {
        let width = Double(text.count) * 0.62 * labelFontSize
        let left: Double =
            switch anchor {
            case "end": x - width
            case "middle": x - width / 2
            default: x
            }
        return Box(minX: left, minY: y - 0.8 * labelFontSize, maxX: left + width, maxY: y + 0.25 * labelFontSize)
    }

    /// Greedy label placement in rank order: each label goes right of its dot, else left, above or
    /// below, at the first place that stays inside the frame and overlaps no label placed before
    /// it (with a 2-unit gap), preferring a place that covers none of `discs` (the other dots'
    /// boxes); a label with no such place is left out (its dot stays, and the ranking table names
    /// every metro).
    ///
    /// - Complexity: O(n² + n·d) for n labels (at most `labelledMetros`) and d discs.
    static func placeLabels(_ dots: [Dot], avoiding discs: [Box] = [], width: Double, height: Double) -> [Label] {
        var placed: [Label] = []
        let gap = 3.0
        let middle = 0.3 * labelFontSize  // baseline offset that centres the text on the dot
        for dot in dots {
            let candidates: [(x: Double, y: Double, anchor: String)] = [
                (dot.x + dot.radius + gap, dot.y + middle, "start"),
                (dot.x - dot.radius - gap, dot.y + middle, "end"),
                (dot.x, dot.y - dot.radius - gap - 0.25 * labelFontSize, "middle"),
                (dot.x, dot.y + dot.radius + gap + 0.8 * labelFontSize, "middle"),
            ]
            let own = Box(
                minX: dot.x - dot.radius, minY: dot.y - dot.radius, maxX: dot.x + dot.radius, maxY: dot.y + dot.radius)
            let fitting = candidates.compactMap { candidate -> Label? in
                let box = Self.box(text: dot.text, x: candidate.x, y: candidate.y, anchor: candidate.anchor)
                let padded = Box(minX: box.minX - 2, minY: box.minY - 2, maxX: box.maxX + 2, maxY: box.maxY + 2)
                guard box.minX >= 0, box.maxX <= width, box.minY >= 0, box.maxY <= height,
                    !placed.contains(where: { $0.box.intersects(padded) })
                else { return nil }
                return Label(text: dot.text, x: candidate.x, y: candidate.y, anchor: candidate.anchor, box: box)
            }
            let clear = fitting.first { label in !discs.contains { $0 != own && $0.intersects(label.box) } }
            if let label = clear ?? fitting.first { placed.append(label) }
        }
        return placed
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
