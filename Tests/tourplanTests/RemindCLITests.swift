import Foundation
import Testing

/// A store with two Boston members, one event on Saturday 2014-06-14 (venue set) and two
/// volunteers, scheduled as of Monday 2014-06-02 11:00 EDT.
struct RemindCLIFixture {
    let folder: ScratchFolder
    let db: String
    static let now = "2014-06-02T15:00:00Z"
    static let call1 = "2014-06-14-boston/1/followUpCall"
    static let call2 = "2014-06-14-boston/2/followUpCall"

    init() throws {
        folder = try ScratchFolder()
        db = folder.path("t.sqlite")
        let members = try folder.write(
            "m.csv",
            "id,first_name,last_name,phone,city,region,country,joined,languages\n"
                + "1,Ada,Example,(617) 555-0142,Boston,MA,US,2011-03-14,English\n"
                + "2,Luz,Ejemplo,(617) 555-0143,Boston,MA,US,2011-03-14,Spanish\n")
        let volunteers = try folder.write(
            "v.csv",
            "name,phone,time_zone,languages,max_calls_per_day,calling_hours,country\n"
                + "Rosa Demo,,America/New_York,\"English,Spanish\",40,,US\nRoberto Demo,,America/New_York,English,40,,US\n"
        )
        for arguments in [
            ["import", members],
            ["events", "add", "--place", "Boston, MA, US", "--date", "2014-06-14", "--venue", "Union Hall"],
            ["remind", "schedule", "--volunteers", volunteers, "--now", Self.now],
        ] {
            let result = try CLIRunner.run(arguments + ["--db", db])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
    }

    func run(_ arguments: [String]) throws -> CLIRunner.Result { try CLIRunner.run(arguments + ["--db", db]) }
}

@Suite("tourplan remind, calls, events: end to end")
struct RemindCLITests {
    @Test("without --now a 2014 event is past: reported, no tasks, the pending schedule kept")
    func pastEvent() throws {
        let fixture = try RemindCLIFixture()
        let sheet = ["calls", "list", "--volunteer", "Rosa Demo", "--date", "2014-06-02", "--format", "json"]
        let before = try fixture.run(sheet)
        let result = try fixture.run(["remind", "schedule"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "Past: 2014-06-14-boston (Boston, 2014-06-14 10:00 America/New_York) has already started"))
        #expect(!result.stdout.contains("over the daily maximum") && !result.stdout.contains("unschedulable"))
        #expect(try fixture.run(sheet).stdout == before.stdout)
    }

    @Test("--volunteer takes a unique prefix in any case; an ambiguous one lists the candidates")
    func volunteerPrefix() throws {
        let fixture = try RemindCLIFixture()
        let list = try fixture.run(["calls", "list", "--volunteer", "rosa", "--date", "2014-06-02"])
        #expect(list.status == 0, "\(list.stderr)")
        let ambiguous = try fixture.run(["calls", "list", "--volunteer", "Ro", "--date", "2014-06-02"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.contains("\"Ro\" matches 2 volunteers: Roberto Demo, Rosa Demo"))
    }

    @Test("calls log: a repeated log is reported and not stored; --file is all or nothing with line numbers")
    func logging() throws {
        let fixture = try RemindCLIFixture()
        let now = ["--now", RemindCLIFixture.now]
        let first = try fixture.run(["calls", "log", "--task", RemindCLIFixture.call1, "--outcome", "rsvp-yes"] + now)
        #expect(first.status == 0 && first.stdout.contains("\(RemindCLIFixture.call1): done"), "\(first.stderr)")
        let again = try fixture.run(["calls", "log", "--task", RemindCLIFixture.call1, "--outcome", "rsvp-yes"] + now)
        #expect(again.stdout.contains("rsvp-yes is already recorded for attempt 1: not stored again"))
        let bad = try fixture.folder.write(
            "bad.csv", "task,outcome,note\n\(RemindCLIFixture.call2),reached,\nnope/1/followUpCall,reached,\n")
        let refused = try fixture.run(["calls", "log", "--file", bad] + now)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:3: task \"nope/1/followUpCall\" does not exist"))
        let good = try fixture.folder.write(
            "good.csv", "task,outcome,note\n\(RemindCLIFixture.call2),reached,\"asked, later\"\n")
        let logged = try fixture.run(["calls", "log", "--file", good] + now)
        #expect(
            logged.status == 0 && logged.stdout.contains("line 2: \(RemindCLIFixture.call2): done"), "\(logged.stderr)")
        let usage = try fixture.run(["calls", "log", "--file", good, "--task", RemindCLIFixture.call1])
        #expect(usage.status == 64)
    }

    @Test("calls undo: the latest outcome is taken back (said what it undid), the opt-out kept; then nothing to undo")
    func undo() throws {
        let fixture = try RemindCLIFixture()
        let now = ["--now", RemindCLIFixture.now]
        let call = RemindCLIFixture.call1
        #expect(try fixture.run(["calls", "log", "--task", call, "--outcome", "do-not-contact"] + now).status == 0)
        let undone = try fixture.run(["calls", "undo", "--task", call])
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(
            undone.stdout
                == "Undid do-not-contact (attempt 1) on \(call). The task is pending again (attempt 0). The member's "
                + "do-not-contact opt-out stays: only an organizer lifts it (`tourplan members consent`). 2 tasks it had "
                + "cancelled stay cancelled while that flag stands.\n")
        let consent = try fixture.run(["members", "consent", "1"])
        #expect(consent.stdout.contains("do-not-contact"), "\(consent.stdout)")
        let nothing = try fixture.run(["calls", "undo", "--task", call])
        #expect(nothing.status == 1 && nothing.stderr.contains("task \(call) has no outcome to undo"))
    }

    @Test("the Spanish-speaking member's sheet speaks Spanish dates; events add again keeps the venue")
    func sheetAndVenue() throws {
        let fixture = try RemindCLIFixture()
        let again = try fixture.run(["events", "add", "--place", "Boston, MA, US", "--date", "2014-06-14"])
        #expect(again.status == 0 && again.stdout.contains("Union Hall"), "\(again.stderr)")
        let sheet = try fixture.run(["calls", "list", "--volunteer", "Rosa", "--date", "2014-06-02"])
        #expect(sheet.stdout.contains("el sábado 14 de junio a las 10:00 (Union Hall)"), "\(sheet.stdout)")
    }
}
