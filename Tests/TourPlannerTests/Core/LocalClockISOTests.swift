import Foundation
import Testing
import TourPlannerCore

@testable import TourPlanner

@Suite("Local times as ISO 8601 text")
struct LocalClockISOTests {
    @Test("known answers: daylight time, standard time, zero offset as Z, half-hour and negative zones")
    func knownAnswers() {
        let summer = Date(timeIntervalSince1970: 1_401_890_400)  // 2014-06-04T14:00:00Z
        let winter = Date(timeIntervalSince1970: 1_389_024_000)  // 2014-01-06T16:00:00Z
        #expect(LocalClock.iso(summer, zone: "America/New_York") == "2014-06-04T10:00:00-04:00")
        #expect(LocalClock.iso(winter, zone: "America/New_York") == "2014-01-06T11:00:00-05:00")
        #expect(LocalClock.iso(winter, zone: "Europe/London") == "2014-01-06T16:00:00Z")
        #expect(LocalClock.iso(summer, zone: "Asia/Kolkata") == "2014-06-04T19:30:00+05:30")
        #expect(LocalClock.iso(summer, zone: "America/St_Johns") == "2014-06-04T11:30:00-02:30")
        #expect(LocalClock.iso(summer, zone: "Not/AZone") == "2014-06-04T14:00:00Z")
    }

    @Test("the same text as Foundation's ISO8601DateFormatter for instants across zones and years")
    func sameAsFoundation() {
        let zones = [
            "UTC", "America/Los_Angeles", "Europe/Oslo", "Australia/Adelaide", "Pacific/Chatham", "Asia/Tokyo",
        ]
        var seed: UInt64 = 7
        for _ in 0..<200 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let instant = Date(timeIntervalSince1970: Double(seed % 2_000_000_000))
            for zone in zones {
                let formatter = ISO8601DateFormatter()
                formatter.timeZone = TimeZone(identifier: zone)
                formatter.formatOptions = [.withInternetDateTime]
                #expect(LocalClock.iso(instant, zone: zone) == formatter.string(from: instant), "\(zone) \(instant)")
            }
        }
    }

    @Test("script placeholders: one pass, unknown ones kept, values never expanded again")
    func fill() {
        let values = ["name": "Ana {date}", "date": "sábado 7 de junio"]
        #expect(
            CallSheet.fill("Hola {name}, el {date}. {unknown} {", values: values)
                == "Hola Ana {date}, el sábado 7 de junio. {unknown} {")
        #expect(CallSheet.fill("{{name}}", values: ["name": "Bo"]) == "{Bo}")
        #expect(CallSheet.fill("no placeholders", values: values) == "no placeholders")
    }
}
