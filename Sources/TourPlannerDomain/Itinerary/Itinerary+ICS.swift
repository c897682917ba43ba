import Foundation

extension Itinerary {
    /// An RFC 5545 calendar: one VEVENT per training and per drive, local times with TZID and a
    /// matching VTIMEZONE built from the zone's real transitions in the plan's years; stable UIDs
    /// (re-exports update events rather than duplicate them); DTSTAMP derived from the plan so the
    /// output is byte-stable; written by `ICSWriter` (folded at 75 octets, text escaped, CRLF).
    package func ics() -> String {
        var ics = ICSWriter()
        ics.begin("VCALENDAR")
        ics.property("VERSION", "2.0")
        ics.property("PRODID", "-//TourPlanner//tourplan itinerary//EN")
        ics.property("CALSCALE", "GREGORIAN")
        ics.property("METHOD", "PUBLISH")
        ics.text("X-WR-CALNAME", title)
        let items = trips.flatMap { trip in
            trip.days.flatMap { day in day.items.filter { $0.kind != .night }.map { (trip, day, $0) } }
        }
        let zones = Set(items.flatMap { [$0.2.timeZone, $0.2.endTimeZone ?? $0.2.timeZone] }).sorted()
        let years = Set(trips.flatMap { [$0.start.year, $0.end.year] })
        for zone in zones { ics.append(contentsOf: Self.vtimezone(zone, years: years)) }
        let stamp = trips.first.map { "\(Self.compact($0.start))T000000Z" } ?? "19700101T000000Z"
        for (trip, day, item) in items {
            let uidBase =
                "\(trip.team)-\(day.date)-\(item.kind.rawValue)-\(item.metro ?? (item.from ?? "") + "-" + (item.to ?? ""))"
            let uid = TextFolding.fold(uidBase).replacingOccurrences(of: " ", with: "-") + "@tourplan"
            ics.begin("VEVENT")
            ics.property("UID", uid)
            ics.property("DTSTAMP", stamp)
            ics.property("DTSTART;TZID=\(item.timeZone)", Self.localStamp(item.start))
            ics.property("DTEND;TZID=\(item.endTimeZone ?? item.timeZone)", Self.localStamp(item.end))
            ics.text("SUMMARY", item.title)
            switch item.kind {
            case .training:
                var description = "Chapter-building training, trip \(trip.number) (\(trip.team))."
                if let organizer = item.organizer {
                    description += " Local organizer: \(organizer)".joiningSentence(".")
                }
                ics.text("DESCRIPTION", description)
                ics.text("LOCATION", item.venue.map { "\($0), \(item.metro ?? "")" } ?? (item.metro ?? ""))
                if let lat = item.latitude, let lon = item.longitude {
                    ics.property("GEO", String(format: "%.5f;%.5f", lat, lon))
                }
                ics.property("CATEGORIES", "TRAINING")
            case .drive:
                ics.text(
                    "DESCRIPTION",
                    "\(distance(item.km ?? 0)), \(String(format: "%.1f", item.hours ?? 0)) h driving (trip \(trip.number))."
                )
                ics.property("CATEGORIES", "TRAVEL")
            case .night:
                break
            }
            ics.property("TRANSP", "OPAQUE")
            ics.end("VEVENT")
        }
        ics.end("VCALENDAR")
        return ics.render()
    }

    /// "2014-06-07T05:13:00-04:00" → "20140607T051300" (local wall time).
    static func localStamp(_ iso: String) -> String {
        let local = iso.prefix(19)
        return local.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    static func compact(_ date: CalendarDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    /// A VTIMEZONE with the zone's actual transitions in the given years (or its fixed offset).
    static func vtimezone(_ identifier: String, years: Set<Int>) -> [String] {
        guard let zone = TimeZone(identifier: identifier) else { return [] }
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(identifier)"]
        func offset(_ seconds: Int) -> String {
            let sign = seconds < 0 ? "-" : "+"
            let magnitude = abs(seconds)
            return String(format: "%@%02d%02d", sign, magnitude / 3600, magnitude % 3600 / 60)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var transitions: [Date] = []
        for year in years.sorted() {
            guard var cursor = calendar.date(from: DateComponents(year: year, month: 1, day: 1)),
                let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1))
            else { continue }
            while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
                transitions.append(next)
                cursor = next
            }
        }
        let firstYear = years.min() ?? 1970
        if transitions.isEmpty {
            let reference =
                calendar.date(from: DateComponents(year: firstYear, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 0)
            let seconds = zone.secondsFromGMT(for: reference)
            lines += [
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(offset(seconds))",
                "TZOFFSETTO:\(offset(seconds))", "END:STANDARD",
            ]
        }
        for transition in transitions {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: transition)
            let isDaylight = zone.isDaylightSavingTime(for: transition)
            // DTSTART is the local time *before* the change (RFC 5545 §3.6.5).
            let local = transition.addingTimeInterval(Double(before))
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(secondsFromGMT: 0) ?? zone
            let p = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
            let stamp = String(
                format: "%04d%02d%02dT%02d%02d%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0,
                p.second ?? 0)
            let kind = isDaylight ? "DAYLIGHT" : "STANDARD"
            lines += [
                "BEGIN:\(kind)", "DTSTART:\(stamp)", "TZOFFSETFROM:\(offset(before))", "TZOFFSETTO:\(offset(after))",
                "END:\(kind)",
            ]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }
}
