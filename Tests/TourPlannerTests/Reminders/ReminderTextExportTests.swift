import Foundation
import Testing

@testable import TourPlanner

@Suite("Reminder texts export (texts list, Spoke)")
struct ReminderTextExportTests {
    static let day = CalendarDate(year: 2014, month: 6, day: 7)

    static func export(_ members: [Member]) throws -> ReminderTextExport {
        let event = OutreachEvent(
            id: "e1", metro: "Boston", cities: ["Boston"], date: day,
            start: try #require(LocalTime("10:00")), timeZone: "America/New_York", latitude: 42.36, longitude: -71.06,
            venue: "Hall", organizer: "Kim")
        // 2014-06-07 09:00 in New York.
        let window = Date(timeIntervalSince1970: 1_402_146_000)
        let tasks = members.map {
            ReminderTask(
                memberId: $0.id, kind: .reminderText, eventId: "e1",
                eventStart: window, windowStart: window, windowEnd: window.addingTimeInterval(3600),
                timeZone: "America/New_York", volunteer: "Rosa", status: .pending, attempt: 0, note: nil)
        }
        return ReminderTextExport.make(
            date: day, tasks: tasks, members: Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) }),
            events: ["e1": event], rules: try ReminderRules.loadBundled())
    }

    @Test("first and last names are exported as stored; Spoke's E.164 cell is not prefixed, the texts list's is")
    func namesAndCell() throws {
        // Given a member with a two-word first name
        let mary = Member(
            id: MemberID("7"), firstName: "Mary Ann", lastName: "Smith", phoneRaw: "617-555-0152",
            phoneE164: "+16175550152", city: "Boston")
        // When we export the day's texts for Spoke
        let export = try Self.export([mary])
        let lines = export.spokeCSV().components(separatedBy: "\r\n")
        // Then firstName is "Mary Ann", lastName "Smith", cell "+16175550152"
        #expect(lines[0] == "firstName,lastName,cell,zip,external_id,eventMetro,eventTime,sendAfter,message")
        #expect(lines[1].hasPrefix("Mary Ann,Smith,+16175550152,,7,Boston,10:00,2014-06-07T09:00:00-04:00,"))
        // and people see the name once, not "Mary Ann Ann Smith"
        #expect(export.table().hasPrefix("2014-06-07T09:00:00-04:00  Mary Ann Smith  +16175550152\n"))
        // The texts list is for people, who open it in a spreadsheet: a byte-order mark first,
        // and the phone stays text ('+16175550152, not the number 16175550152).
        let csv = export.csv()
        #expect(csv.hasPrefix("\u{FEFF}task,member,name,phone,send after,message\r\n"))
        #expect(
            csv.components(separatedBy: "\r\n")[1].hasPrefix("e1/7/reminderText,7,Mary Ann Smith,\"'+16175550152\","))
    }

    @Test("a member with only a full name goes into firstName whole: no guessed split")
    func fullNameOnly() throws {
        let member = Member(id: MemberID("8"), fullName: "Mary Ann Smith", phoneE164: "+16175550153", city: "Boston")
        let line = try Self.export([member]).spokeCSV().components(separatedBy: "\r\n")[1]
        #expect(line.hasPrefix("Mary Ann Smith,,+16175550153,,8,"))
    }

    @Test("hostile names are guarded; the E.164 cell is not")
    func hostile() throws {
        let member = Member(
            id: MemberID("9"), firstName: "=1+1", lastName: "@SUM(A1)", phoneRaw: "+1 617 555 0154",
            phoneE164: "+16175550154", city: "Boston")
        let line = try Self.export([member]).spokeCSV().components(separatedBy: "\r\n")[1]
        #expect(line.hasPrefix("\"'=1+1\",\"'@SUM(A1)\",+16175550154,,9,"))
    }

    @Test("a phone never read as a number is not exported (a texting tool cannot send to it) and is named")
    func unreadablePhone() throws {
        // Given a member whose phone was kept as typed, and one with a readable phone
        let flowers = Member(id: MemberID("11"), firstName: "Flo", phoneRaw: "1-800-FLOWERS", city: "Boston")
        let ada = Member(id: MemberID("12"), firstName: "Ada", phoneE164: "+16175550155", city: "Boston")
        // When the day's texts are exported
        let export = try Self.export([flowers, ada])
        // Then only Ada's goes out, and Flo's is reported with what to do
        #expect(export.texts.map(\.memberID) == [MemberID("12")])
        #expect(export.unreadablePhone == [MemberID("11")] && export.withoutPhone.isEmpty)
        #expect(!export.spokeCSV().contains("FLOWERS"))
        let warnings = TextsReport(export: export).warnings
        #expect(warnings.count == 1 && warnings[0].contains("could not be read as a number (members 11)"))
    }

    @Test("texts whose member has no phone are counted, not dropped silently")
    func withoutPhone() throws {
        let member = Member(id: MemberID("10"), firstName: "Ada", city: "Boston")
        let export = try Self.export([member])
        #expect(export.texts.isEmpty)
        #expect(export.withoutPhone == [MemberID("10")])
    }
}
