import Foundation
import Testing

@Suite("tourplan import and members, end to end")
struct ImportCLITests {
    @Test("a bad row: exit 1, compiler-style message on stderr, database unchanged")
    func badRow() throws {
        let folder = try ScratchFolder()
        let db = folder.path("t.sqlite")
        let file = try folder.write("m.csv", "id,city,country\n1,Boston,US\nx,Denver,US\n")
        let result = try CLIRunner.run(["import", file, "--db", db])
        #expect(result.status == 1)
        #expect(result.stderr.contains("m.csv:3:1: id \"x\" is not a decimal member id"))
        #expect(result.stdout.contains("NOT imported"))
        let members = try CLIRunner.run(["members", "--db", db, "--format", "json"])
        #expect(members.status == 0)
        #expect(members.stdout.contains("\"total\" : 0"))
    }

    @Test("import then members: JSON totals; TOURPLAN_DB is honoured; the file is 0600")
    func importThenMembers() throws {
        let folder = try ScratchFolder()
        let db = folder.path("env.sqlite")
        let file = try folder.write("m.csv", "id,city,chapter\n1,Boston,\n2,Boston,Boston Chapter\n3,Oslo,\n")
        let result = try CLIRunner.run(["import", file], environment: ["TOURPLAN_DB": db])
        #expect(result.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: db)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let members = try CLIRunner.run(["members", "--format", "json"], environment: ["TOURPLAN_DB": db])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(members.stdout.utf8)) as? [String: Any])
        #expect(json["total"] as? Int == 3)
        #expect(json["unaffiliated"] as? Int == 2)
    }

    @Test("usage mistakes exit 64; a missing file exits 1 naming it")
    func usage() throws {
        let folder = try ScratchFolder()
        #expect(
            try CLIRunner.run(["import", "x.csv", "--max-errors", "-1", "--db", folder.path("u.sqlite")]).status == 64)
        let missing = try CLIRunner.run(["import", folder.path("nope.csv"), "--db", folder.path("u.sqlite")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.csv: cannot be read: no such file"))
    }
}
