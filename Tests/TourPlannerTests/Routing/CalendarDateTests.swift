import Testing

@testable import TourPlanner

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test("2014-06-07 was a Saturday; arithmetic crosses month ends")
    func weekdayAndArithmetic() throws {
        let date = try #require(CalendarDate(iso: "2014-06-07"))
        #expect(date.isoWeekday == 6)
        #expect(date.adding(days: 24).description == "2014-07-01")
        #expect(CalendarDate(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(CalendarDate(iso: "2000-03-01")?.daysSinceEpoch == 11_017)
    }

    @Test(arguments: ["2014-02-30", "2014-13-01", "14-06-07", "2014-6-7", ""])
    func rejectsInvalid(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }
}
