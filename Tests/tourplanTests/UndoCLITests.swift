import Foundation
import Testing

/// `tourplan events delete`, `users role|enable`, `tour plan --replace` and `tour delete`, as a user runs them.
@Suite("tourplan: undoing an organizer's mistakes")
struct UndoCLITests {
    @Test("events delete removes the event and its tasks; once an outcome is logged it is refused (exit 1)")
    func deleteEvent() throws {
        let fixture = try RemindCLIFixture()
        let deleted = try fixture.run(["events", "delete", "2014-06-14-boston"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.hasPrefix("deleted event 2014-06-14-boston (Boston, 2014-06-14 10:00) and its "))
        #expect(deleted.stdout.hasSuffix(" reminder tasks; nothing else changed\n"))
        #expect(try fixture.run(["events", "list"]).stdout.contains("2014-06-14-boston") == false)
        let again = try fixture.run(["events", "delete", "2014-06-14-boston"])
        #expect(again.status == 1 && again.stderr.contains("there is no event \"2014-06-14-boston\""))

        let logged = try RemindCLIFixture()
        let now = ["--now", "2014-06-02T16:00:00Z"]
        #expect(
            try logged.run(["calls", "log", "--task", RemindCLIFixture.call1, "--outcome", "no-answer"] + now).status
                == 0)
        let refused = try logged.run(["events", "delete", "2014-06-14-boston"])
        #expect(refused.status == 1 && refused.stdout.isEmpty)
        #expect(
            refused.stderr.contains(
                "event 2014-06-14-boston (Boston, 2014-06-14) cannot be deleted: 1 call outcome is recorded for its reminder tasks"
            ),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("hint: outcomes are the members' call history and are kept"))
        #expect(try logged.run(["events", "list"]).stdout.contains("2014-06-14-boston"))
    }

    @Test("users role and enable; the last enabled organizer is never demoted or disabled")
    func roles() throws {
        let folder = try ScratchFolder()
        let store = try WebCLITests.makeStore(folder)
        let run = { (arguments: [String]) in try CLIRunner.run(arguments + ["--db", store]) }
        let role = try run(["users", "role", "sam", "--role", "treasurer"])
        #expect(role.status == 0 && role.stdout == "sam is now treasurer; its sessions have ended.\n", "\(role.stderr)")
        let volunteer = try run(["users", "role", "sam", "--role", "volunteer"])
        #expect(volunteer.status == 1 && volunteer.stderr.contains("a volunteer account needs --volunteer NAME"))
        let demote = try run(["users", "role", "organizer", "--role", "volunteer", "--volunteer", "Rosa Demo"])
        #expect(demote.status == 1)
        #expect(demote.stderr.contains("user \"organizer\" is the last enabled organizer and cannot be made volunteer"))
        #expect(demote.stderr.contains("hint: add or enable another organizer first"))
        let disable = try run(["users", "disable", "organizer"])
        #expect(disable.status == 1 && disable.stderr.contains("is the last enabled organizer and cannot be disabled"))
        #expect(try run(["users", "disable", "sam"]).stdout == "Disabled sam; its sessions have ended.\n")
        let enabled = try run(["users", "enable", "sam"])
        #expect(enabled.status == 0 && enabled.stdout.hasPrefix("Enabled sam; "), "\(enabled.stderr)")
        let list = try run(["users", "list"]).stdout
        #expect(list.contains("sam") && !list.contains("disabled"))
    }

    @Test("tour plan --save refuses a name with a saved plan unless --replace; tour delete removes it")
    func replaceAndDelete() throws {
        let folder = try ScratchFolder()
        _ = try folder.write("m.csv", "id,city,country\n1,Boston,US\n")
        #expect(try CLIRunner.run(["import", "m.csv", "--db", "t.sqlite"], in: folder.url).status == 0)
        let plan = [
            "tour", "plan", "--db", "t.sqlite", "--base", "New York@40.7128,-74.0060,America/New_York", "--from",
            "2014-06-07", "--to", "2014-06-30", "--out", "plan.json",
        ]
        #expect(try CLIRunner.run(plan + ["--replace"], in: folder.url).status == 64)
        #expect(try CLIRunner.run(plan + ["--save", "west"], in: folder.url).status == 0)
        try FileManager.default.removeItem(atPath: folder.path("plan.json"))
        let again = try CLIRunner.run(plan + ["--save", "west"], in: folder.url)
        #expect(again.status == 1 && again.stdout.isEmpty)
        #expect(again.stderr.contains("tour \"west\" already has a saved plan (1 trip from "), "\(again.stderr)")
        #expect(again.stderr.contains("hint: save under another name, or choose --replace to replace that plan"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("plan.json")), "refused before planning")
        let replaced = try CLIRunner.run(plan + ["--save", "west", "--replace"], in: folder.url)
        #expect(replaced.status == 0 && replaced.stderr.contains("(replacing the plan saved before)"))
        let deleted = try CLIRunner.run(["tour", "delete", "west", "--db", "t.sqlite"], in: folder.url)
        #expect(deleted.status == 0 && deleted.stdout == "deleted tour west: its plan (1 trip)\n", "\(deleted.stderr)")
        let missing = try CLIRunner.run(["tour", "delete", "west", "--db", "t.sqlite"], in: folder.url)
        #expect(missing.status == 1 && missing.stderr.contains("there is no saved tour \"west\""))
    }
}
