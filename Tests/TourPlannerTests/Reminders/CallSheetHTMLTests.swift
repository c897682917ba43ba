import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Call sheet HTML")
struct CallSheetHTMLTests {
    static func row(
        kind: ReminderKind = .followUpCall, name: String = "<b>Ann</b>", previous: [String] = [],
        warnings: [String] = ["venue not set yet"]
    ) -> CallSheet.Row {
        let start = Date(timeIntervalSince1970: 1_401_638_400)
        return CallSheet.Row(
            taskId: "e1/7/\(kind.rawValue)", kind: kind, memberId: MemberID("7"), memberName: name,
            phoneE164: "+16175550152", phoneNational: "(617) 555-0152", phoneAsTyped: nil, dial: "(617) 555-0152",
            memberWindow: "12:00–18:00 America/New_York", volunteerWindow: "12:00–18:00", windowStart: start,
            windowEnd: start.addingTimeInterval(3600), event: "Boston, 2014-06-07 10:00", previousOutcomes: previous,
            script: "Hi Ann & co", status: .pending, also: [], warnings: warnings)
    }

    static func page(_ rows: [CallSheet.Row]) throws -> String {
        try CallSheet(
            volunteer: "Rosa", date: CalendarDate(year: 2014, month: 6, day: 1),
            volunteerTimeZone: "America/New_York", rows: rows
        ).html()
    }

    @Test("one card per call: step and name, tel: link, readable day and event, every outcome box, text escaped")
    func card() throws {
        let html = try Self.page([Self.row()])
        #expect(html.contains("<h1>Calls and texts for Rosa</h1>"))
        #expect(html.contains("<strong>Sunday 1 June 2014</strong> · 1 call."))
        #expect(html.contains("1. Follow-up call: &lt;b&gt;Ann&lt;/b&gt; · "))
        #expect(!html.contains("<b>Ann</b>") && !html.contains("followUpCall:"))
        #expect(html.contains("<a href=\"tel:+16175550152\">(617) 555-0152</a>"))
        #expect(
            html.contains(
                "Call <strong>12:00–18:00</strong> (12:00–18:00 America/New_York) · Event: Boston, Sat 7 Jun 2014, 10:00"
            ))
        #expect(html.contains("<p class=\"warn\">⚠ venue not set yet</p>\n<p class=\"script\">Hi Ann &amp; co</p>"))
        for label in ["Reached", "Voicemail", "No answer", "Wrong number", "RSVP yes", "RSVP no", "Do not contact"] {
            #expect(html.contains("<li>☐ \(label)</li>"), "\(label)")
        }
        #expect(!html.contains("Before:"))
        #expect(html.contains("<small>Task e1/7/followUpCall</small>"))
    }

    @Test("a text links sms:, offers Sent / Not sent; earlier outcomes show; counts name calls and texts")
    func textAndCounts() throws {
        let html = try Self.page([
            Self.row(previous: ["voicemail"], warnings: []), Self.row(kind: .reminderText, name: "Bo", warnings: []),
        ])
        #expect(html.contains("· 1 call and 1 text."))
        #expect(html.contains(" · Before: voicemail</p>"))
        #expect(html.contains("2. Reminder text: Bo · <span class=\"phone\"><a href=\"sms:+16175550152\">"))
        #expect(html.contains("Send <strong>12:00–18:00</strong>"))
        #expect(html.contains("<li>☐ Sent</li>") && html.contains("<li>☐ Not sent</li>"))
        #expect(try Self.page([]).contains("<p>Nothing to call or text on this day.</p>"))
    }
}
