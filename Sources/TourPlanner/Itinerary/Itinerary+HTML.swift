import Foundation

extension Itinerary {
    /// One self-contained, printable HTML page with the SVG route map (no network needed).
    public func html(plan: TourPlan, map: RouteMap) -> String {
        func e(_ text: String) -> String { RouteMap.escape(text) }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:60em;color:#111;line-height:1.4}
            h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}h3{font-size:1.05em;margin-bottom:.3em}
            ul{margin-top:.2em}li{margin:.15em 0}.time{font-variant-numeric:tabular-nums;color:#444;display:inline-block;min-width:7.5em}
            table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}
            figure{margin:1em 0}figcaption,footer{font-size:.85em;color:#555}svg{max-width:100%;height:auto;border:1px solid #ccc}
            @media print{body{margin:0;max-width:none}h2{page-break-before:auto}.trip{page-break-inside:avoid}}
            </style>
            </head>
            <body>
            <h1>\(e(title))</h1>
            <figure>
            \(map.svg(plan: plan))
            <figcaption>Route map: bases ■, training stops ●, one colour per trip.</figcaption>
            </figure>

            """
        for trip in trips {
            out += "<section class=\"trip\">\n<h2>Trip \(trip.number): \(trip.start) → \(trip.end)</h2>\n"
            out +=
                "<p>\(e(trip.team)), from \(e(trip.base)): \(distance(trip.km)), \(String(format: "%.1f", trip.hours)) h driving, \(trip.nightsAway) night\(trip.nightsAway == 1 ? "" : "s") away.</p>\n"
            for day in trip.days {
                out += "<h3>\(day.date) (\(Self.weekdayName(day.date)))</h3>\n<ul>\n"
                for item in day.items {
                    let time = "<span class=\"time\">\(Self.clock(item.start))–\(Self.clock(item.end))</span> "
                    switch item.kind {
                    case .drive:
                        out +=
                            "<li>\(time)Drive \(e(item.from ?? "")) → \(e(item.to ?? "")): \(distance(item.km ?? 0)), \(String(format: "%.1f", item.hours ?? 0)) h</li>\n"
                    case .training:
                        var line = "<li>\(time)<strong>\(e(item.title))</strong>"
                        if let venue = item.venue { line += " at \(e(venue))" }
                        if let organizer = item.organizer { line += "; local organizer \(e(organizer))" }
                        out += line + "</li>\n"
                    case .night:
                        out +=
                            "<li>Night: \(e(item.metro ?? ""))\(item.hosted == true ? ", hosted by a member" : ", hotel")</li>\n"
                    }
                }
                out += "</ul>\n"
            }
            out += "</section>\n"
        }
        out += """
            <h2>Totals</h2>
            <table>
            <tr><th></th><th>Plan</th><th>One round trip per stop</th></tr>
            <tr><td>Trainings</td><td>\(totals.trainings)</td><td>\(totals.trainings)</td></tr>
            <tr><td>Distance</td><td>\(distance(totals.km))</td><td>\(distance(naive.km))</td></tr>
            <tr><td>Driving</td><td>\(String(format: "%.1f", totals.driveHours)) h</td><td>\(String(format: "%.1f", naive.driveHours)) h</td></tr>
            <tr><td>Nights away</td><td>\(totals.nightsAway)</td><td>\(naive.nightsAway)</td></tr>

            """
        if let budgetTotal { out += "<tr><td>Budget total</td><td>\(e(budgetTotal.formatted))</td><td></td></tr>\n" }
        out += "</table>\n"
        if !unvisited.isEmpty {
            out +=
                "<p>Not visited:</p>\n<ul>\n" + unvisited.map { "<li>\(e($0.metro)): \(e($0.reason))</li>\n" }.joined()
                + "</ul>\n"
        }
        out +=
            "<footer><p>Map data: Natural Earth (public domain); U.S. state outlines: U.S. Census Bureau. Place data: GeoNames (CC BY 4.0).</p></footer>\n</body>\n</html>\n"
        return out
    }
}
