import Foundation
import Testing

@testable import TourPlanner
@testable import TourPlannerDomain

@Suite("Call sheet HTML")
struct CallSheetHTMLTests {
    @Test("every cell is labelled for the phone layout; a warning stands apart from the script; text is escaped")
    func phoneLayout() {
        let start = Date(timeIntervalSince1970: 1_401_638_400)
        let row = CallSheet.Row(
            taskId: "e1/7/followUpCall", kind: .followUpCall, memberId: MemberID("7"), memberName: "<b>Ann</b>",
            phoneE164: "+16175550152", phoneNational: "(617) 555-0152", phoneAsTyped: nil, dial: "(617) 555-0152",
            memberWindow: "12:00–18:00 America/New_York", volunteerWindow: "12:00–18:00", windowStart: start,
            windowEnd: start.addingTimeInterval(3600), event: "Boston, 2014-06-07 10:00", previousOutcomes: [],
            script: "Hi Ann & co", status: .pending, also: [], warnings: ["venue not set yet"])
        let html = CallSheet(
            volunteer: "Rosa", date: CalendarDate(year: 2014, month: 6, day: 1),
            volunteerTimeZone: "America/New_York", rows: [row]
        ).html()
        for label in ["Task", "Member", "Phone", "When (member)", "When (you)", "Event", "Before", "Script", "Outcome"]
        {
            #expect(html.contains("data-label=\"\(label)\""), "\(label)")
        }
        #expect(html.contains("@media (max-width:700px)"))
        #expect(html.contains("<strong class=\"warn\">⚠ venue not set yet</strong><br>Hi Ann &amp; co</td>"))
        #expect(html.contains("&lt;b&gt;Ann&lt;/b&gt;") && !html.contains("<b>Ann</b>"))
        #expect(html.contains("<a href=\"tel:+16175550152\">(617) 555-0152</a>"))
    }
}
