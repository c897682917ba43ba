import Testing
import TourPlannerCore

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

    @Test(
        "export dates: ISO (with or without a time), year/month/day, US month/day/year, European day.month.year",
        arguments: [
            ("2011-03-14", "2011-03-14"), ("2011-03-14T18:22:05Z", "2011-03-14"), ("2011-03-14 09:00", "2011-03-14"),
            ("3/14/2011", "2011-03-14"), ("03/04/2011", "2011-03-04"), ("2/29/2012", "2012-02-29"),
            ("2011/03/14", "2011-03-14"), ("2011/3/4", "2011-03-04"), ("14.03.2011", "2011-03-14"),
            ("4.3.2011", "2011-03-04"), ("29.02.2012", "2012-02-29"),
        ])
    func readsExportDate(text: String, iso: String) {
        #expect(CalendarDate.isoText(parsingExportDate: text) == iso)
    }

    @Test(
        "impossible or unknown export dates are refused",
        arguments: [
            "2011-02-29", "2/29/2011", "2011-03-14X", "13/01/2011", "2011-3-14", "", "2011/13/01", "2011/02/30",
            "03.14.2011", "14.03.11", "1.2.3", "+1/+2/2011", "14.03.2011.", "2011/03/14/", "١٤/٠٣/٢٠١١",
        ])
    func refusesExportDate(text: String) {
        #expect(CalendarDate.isoText(parsingExportDate: text) == nil)
    }
}
