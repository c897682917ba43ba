import Foundation
import OrderedCollections

/// An SVG route map drawn offline: country and US-state outlines (Resources/Maps), the legs as
/// lines, stops labelled, bases marked. Projection: equirectangular with the x axis scaled by
/// cos(middle latitude), fitted to the plan's points with a margin — faithful enough for the few
/// hundred kilometres of a tour, and simple to check.
public struct RouteMap: Sendable {
    package let outlines: [[Double]]

    /// Loads the bundled outlines (world countries + US states).
    public static func loadBundled() -> RouteMap {
        RouteMap(outlines: MapOutlines.rings(["world", "us-states"]))
    }

    /// The map of a plan as an `<svg>` element.
    public func svg(plan: TourPlan, width: Double = 720, height: Double = 480) -> String {
        var points: [(name: String, lat: Double, lon: Double, isBase: Bool)] = []
        for team in plan.teams { points.append((team.base.name, team.base.latitude, team.base.longitude, true)) }
        // Each stop's metro once, first visit first, unless a base has its name.
        let baseNames = Set(points.map(\.name))
        var stops = OrderedDictionary<String, (lat: Double, lon: Double)>()
        for stop in plan.trips.flatMap(\.stops) where !baseNames.contains(stop.metro) && stops[stop.metro] == nil {
            stops[stop.metro] = (stop.latitude, stop.longitude)
        }
        for (name, point) in stops { points.append((name, point.lat, point.lon, false)) }
        guard !points.isEmpty else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\"></svg>"
        }
        var minLat = points.map(\.lat).min() ?? 0, maxLat = points.map(\.lat).max() ?? 0
        var minLon = points.map(\.lon).min() ?? 0, maxLon = points.map(\.lon).max() ?? 0
        let midLat = (minLat + maxLat) / 2
        let scaleX = cos(midLat * .pi / 180)
        // At least 3° tall; a 20% margin; then widen the shorter axis to the frame's aspect ratio.
        var spanLat = max(3, (maxLat - minLat) * 1.4)
        var spanLon = max(3 / max(scaleX, 0.2), (maxLon - minLon) * 1.4)
        if spanLon * scaleX / spanLat < width / height {
            spanLon = spanLat * width / height / scaleX
        } else {
            spanLat = spanLon * scaleX * height / width
        }
        let centerLat = (minLat + maxLat) / 2, centerLon = (minLon + maxLon) / 2
        minLat = centerLat - spanLat / 2
        maxLat = centerLat + spanLat / 2
        minLon = centerLon - spanLon / 2
        maxLon = centerLon + spanLon / 2
        func x(_ lon: Double) -> Double { (lon - minLon) / spanLon * width }
        func y(_ lat: Double) -> Double { (maxLat - lat) / spanLat * height }
        func f(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"Route map\">\n"
        svg +=
            "<rect width=\"100%\" height=\"100%\" fill=\"#dbeaf5\"/>\n<g fill=\"#f4f1e8\" stroke=\"#9a9a9a\" stroke-width=\"0.6\">\n"
        for ring in outlines {
            var lons: [Double] = [], lats: [Double] = []
            var index = 0
            while index + 1 < ring.count { lons.append(ring[index]); lats.append(ring[index + 1]); index += 2 }
            guard let a = lons.min(), let b = lons.max(), let c = lats.min(), let d = lats.max(), b >= minLon,
                a <= maxLon, d >= minLat, c <= maxLat
            else { continue }
            let path = zip(lons, lats).enumerated().map {
                ($0.offset == 0 ? "M" : "L") + f(x($0.element.0)) + " " + f(y($0.element.1))
            }.joined()
            svg += "<path d=\"\(path)Z\"/>\n"
        }
        svg += "</g>\n<g fill=\"none\" stroke-width=\"2.5\" stroke-linecap=\"round\">\n"
        let colors = ["#c0392b", "#2471a3", "#1e8449", "#8e44ad", "#d68910", "#17a589"]
        for (number, trip) in plan.trips.enumerated() {
            let color = colors[number % colors.count]
            for leg in trip.legs {
                guard let from = points.first(where: { $0.name == leg.from }),
                    let to = points.first(where: { $0.name == leg.to })
                else { continue }
                svg +=
                    "<line class=\"leg\" x1=\"\(f(x(from.lon)))\" y1=\"\(f(y(from.lat)))\" x2=\"\(f(x(to.lon)))\" y2=\"\(f(y(to.lat)))\" stroke=\"\(color)\"><title>Trip \(number + 1): \(Self.escape(leg.from)) → \(Self.escape(leg.to)), \(f(leg.km)) km</title></line>\n"
            }
        }
        svg += "</g>\n<g font-family=\"system-ui, sans-serif\" font-size=\"13\">\n"
        for point in points {
            let px = f(x(point.lon)), py = f(y(point.lat))
            svg +=
                point.isBase
                ? "<rect class=\"base\" x=\"\(f(x(point.lon) - 6))\" y=\"\(f(y(point.lat) - 6))\" width=\"12\" height=\"12\" fill=\"#222\"/>\n"
                : "<circle class=\"stop\" cx=\"\(px)\" cy=\"\(py)\" r=\"6\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"2\"/>\n"
            svg +=
                "<text x=\"\(f(x(point.lon) + 9))\" y=\"\(f(y(point.lat) + 4))\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(Self.escape(point.name))</text>\n"
        }
        svg += "</g>\n</svg>"
        return svg
    }

    package static func escape(_ text: String) -> String { HTMLEscaper.escape(text) }
}
