import Foundation
import Testing

@Suite("tourplan import --preset, the consent report and members consent, end to end")
struct ConsentCLITests {
    static let actionNetwork =
        "uuid,first_name,can2_user_city,can2_phone,can2_sms_status,can2_subscription_status\n"
        + "a-1,Kit,Boston,617-555-0180,unsubscribed,subscribed\n"
        + "a-2,Lev,Boston,617-555-0181,unsubscribed,unsubscribed\n"
        + "a-3,Max,Boston,617-555-0182,subscribed,unsubscribed\n"

    @Test(
        "--preset accepts natural spellings of Action Network",
        arguments: ["action-network", "ActionNetwork", "action_network", "ACTION NETWORK", "actionnetwork"])
    func presetSpellings(spelling: String) throws {
        let folder = try ScratchFolder()
        let file = try folder.write("an.csv", Self.actionNetwork)
        let result = try CLIRunner.run([
            "import", file, "--preset", spelling, "--db", folder.path("p.sqlite"), "--no-resolve",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("actionnetwork"))
    }

    @Test("an unknown preset is a usage error with \"did you mean\"")
    func unknownPreset() throws {
        let folder = try ScratchFolder()
        let result = try CLIRunner.run([
            "import", "x.csv", "--preset", "action-netwrk", "--db", folder.path("u.sqlite"),
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("did you mean \"actionnetwork\"?"))
    }

    @Test("the import report counts consent flags (text and JSON); a header-only file is 0 members")
    func report() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("an.csv", Self.actionNetwork)
        let table = try CLIRunner.run(["import", file, "--db", folder.path("r.sqlite"), "--no-resolve"])
        #expect(table.stdout.contains("an.csv: consent flags: 2 do-not-text"))
        let json = try CLIRunner.run([
            "import", file, "--db", folder.path("j.sqlite"), "--format", "json", "--no-resolve",
        ])
        #expect(json.stdout.contains("\"doNotText\" : 2"))
        let empty = try folder.write("empty.csv", "id,city\n")
        let headerOnly = try CLIRunner.run(["import", empty, "--db", folder.path("e.sqlite"), "--no-resolve"])
        #expect(headerOnly.status == 0)
        #expect(headerOnly.stdout.contains("0 members"))
        #expect(!headerOnly.stdout.contains("imported"))
    }

    @Test("members consent: a re-import keeps the opt-out; only --allow-texts --reason lifts it, and it is logged")
    func consentCommand() throws {
        let folder = try ScratchFolder()
        let db = folder.path("c.sqlite")
        let file = try folder.write("an.csv", Self.actionNetwork)
        #expect(try CLIRunner.run(["import", file, "--db", db, "--no-resolve"]).status == 0)
        let resubscribed = try folder.write(
            "an2.csv",
            Self.actionNetwork.replacingOccurrences(of: "unsubscribed,subscribed", with: "subscribed,subscribed"))
        #expect(try CLIRunner.run(["import", resubscribed, "--db", db, "--no-resolve"]).status == 0)
        let shown = try CLIRunner.run(["members", "consent", "a-1", "--db", db])
        #expect(shown.stdout.contains("member a-1: do-not-text"))
        #expect(shown.stdout.contains("an.csv:2"))
        let noReason = try CLIRunner.run(["members", "consent", "a-1", "--allow-texts", "--db", db])
        #expect(noReason.status == 64)
        let lifted = try CLIRunner.run([
            "members", "consent", "a-1", "--allow-texts", "--reason", "asked to get texts again", "--organizer",
            "Maria",
            "--db", db,
        ])
        #expect(lifted.status == 0)
        #expect(lifted.stdout.contains("member a-1: no consent flags"))
        #expect(lifted.stdout.contains("Maria") && lifted.stdout.contains("asked to get texts again"))
        let stop = try CLIRunner.run(["members", "consent", "a-3", "--stop-reply", "--db", db, "--format", "csv"])
        #expect(stop.status == 0)
        #expect(stop.stdout.contains("a-3,do-not-text,set,stop-reply,"))
        let missing = try CLIRunner.run(["members", "consent", "zz", "--no-calls", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no member with id \"zz\""))
    }
}
